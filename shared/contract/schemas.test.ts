import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands, describeContract, isCommandName } from './contract';
import { LIMITS } from './limits';
import { DeclareInput, IncidentId, LogEntryInput } from './schemas';

describe('command schemas', () => {
  it('trims text and fills defaults', () => {
    expect(DeclareInput.parse({ title: '  DB down ', severity: 'SEV1' })).toEqual({
      title: 'DB down',
      severity: 'SEV1',
      detectionSource: 'alert',
      summary: '',
      operatorIsIc: false,
    });
    expect(LogEntryInput.parse({ incidentId: 'INC-1', text: ' x ' })).toEqual({
      incidentId: 'INC-1',
      text: 'x',
      kind: 'note',
      attribution: null,
      workstreamId: null,
    });
  });

  it('refuses unknown keys, prototype keys, oversize text, non-finite times', () => {
    expect(DeclareInput.safeParse(JSON.parse('{"title":"a","severity":"SEV1","__proto__":{"p":1}}')).success).toBe(false);
    expect(DeclareInput.safeParse({ title: 'a', severity: 'SEV1', constructor: 1 }).success).toBe(false);
    expect(DeclareInput.safeParse({ title: 'a'.repeat(LIMITS.title + 1), severity: 'SEV1' }).success).toBe(false);
    expect(LogEntryInput.safeParse({ incidentId: 'INC-1', text: 'a', occurredAt: Number.NaN }).success).toBe(false);
    expect(LogEntryInput.safeParse({ incidentId: 'INC-1', text: 'a', occurredAt: Infinity }).success).toBe(false);
    expect(LogEntryInput.safeParse({ incidentId: 'INC-1', text: 'a', occurredAt: 1.5e12 + 0.5 }).success).toBe(false);
  });

  it('incident ids can never name a path outside their folder', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (IncidentId.safeParse(s).success) {
          expect(s).not.toMatch(/[./\\:]/);
          expect(s.length).toBeLessThanOrEqual(64);
        }
      }),
    );
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '', '.hidden', 'C:', 'x'.repeat(65)]) {
      expect(IncidentId.safeParse(bad).success).toBe(false);
    }
  });

  it('names every command noun.verb and describes it as JSON Schema', () => {
    const described = describeContract();
    expect(described.commands.length).toBe(Object.keys(commands).length);
    for (const c of described.commands) {
      expect(c.name).toMatch(/^[a-z]+\.[a-z]+$/i);
      expect(c.input).toMatchObject({ type: 'object', additionalProperties: false });
    }
    expect(isCommandName('incident.declare')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
  });
});
