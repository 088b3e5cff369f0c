import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands, describeContract, isCommandName } from './contract';
import { LIMITS } from './limits';
import {
  AddActionInput,
  DeclareInput,
  EditIncidentInput,
  IncidentId,
  LogEntryInput,
  OpenWorkstreamInput,
  SendInput,
  UpdateActionInput,
  UpdateWorkstreamInput,
} from './schemas';

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

describe('titles are one line of plain text', () => {
  // Each title command, with the other fields it needs; the title is what varies.
  const titled = [
    (title: string) => DeclareInput.safeParse({ title, severity: 'SEV1' }),
    (title: string) => EditIncidentInput.safeParse({ incidentId: 'INC-1', title }),
    (title: string) => OpenWorkstreamInput.safeParse({ incidentId: 'INC-1', title }),
    (title: string) => UpdateWorkstreamInput.safeParse({ incidentId: 'INC-1', workstreamId: 'w1', title }),
    (title: string) => AddActionInput.safeParse({ incidentId: 'INC-1', title }),
    (title: string) => UpdateActionInput.safeParse({ incidentId: 'INC-1', actionId: 'a1', title }),
  ];
  const controls = ['\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u202a', '\u2066', '\u2069'];

  it('refuses line breaks, tabs, C0/C1 controls and bidi overrides inside a title, with a plain message', () => {
    for (const parse of titled) {
      for (const c of controls) {
        const result = parse(`Checkout${c}## Injected heading`);
        expect(result.success, JSON.stringify(c)).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/cannot contain line breaks, tabs or other control characters/);
      }
    }
  });

  it('still takes ordinary titles in any script, and trims the edges as before', () => {
    for (const parse of titled) {
      for (const ok of ['Checkout 500s in EU', 'Zahlungen schlagen fehl – 30 %', 'فشل تسجيل الدخول', '決済エラー 🚨', 'a | b <img> [x](y)']) {
        expect(parse(ok).success, ok).toBe(true);
      }
    }
    expect(DeclareInput.parse({ title: ' \tDB down\n', severity: 'SEV1' }).title).toBe('DB down');
  });
});

describe('the channel and recipients of a sent update are one line', () => {
  it('refuses a line break that would forge a header line of the update in the bundle', () => {
    const send = (channel: string, recipients = '') => SendInput.safeParse({ incidentId: 'INC-1', draftId: 'd1', kind: 'internal', body: 'x', channel, recipients });
    expect(send('Slack\nApproved: CEO').success).toBe(false);
    expect(send('Slack', 'ops@example.com\r\nApproved: CEO').success).toBe(false);
    expect(send('#incident', 'ops@example.com, exec@example.com').success).toBe(true);
  });
});

describe('due dates are real calendar days', () => {
  const due = (dueDate: string | null) => AddActionInput.safeParse({ incidentId: 'INC-1', title: 'Fix it', dueDate });

  it('takes real days, leap days included, and no date', () => {
    for (const ok of ['2026-12-01', '2028-02-29', '2000-02-29', '2026-01-31', '2199-12-31']) expect(due(ok).success, ok).toBe(true);
    expect(due(null).success).toBe(true);
  });

  it('refuses days that match the pattern but are not on any calendar', () => {
    for (const bad of ['2026-13-45', '2026-00-10', '2026-02-29', '2100-02-29', '2026-04-31', '2026-12-00', '0000-00-00', '9999-99-99', '2026-1-01', ' 2026-12-01']) {
      const result = due(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/real day such as 2026-12-01/);
    }
    expect(UpdateActionInput.safeParse({ incidentId: 'INC-1', actionId: 'a1', dueDate: '2026-13-45' }).success).toBe(false);
  });
});
