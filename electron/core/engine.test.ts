import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, type IncidentListItem, type IncidentView } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import type { TimelineEntry } from '../../shared/domain/incident';
import { declare, mustOk, snapshotTree, startEngine } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';

describe('engine', () => {
  it('declares, logs, lists and gets; the timeline entry has id, at, text and kind', async () => {
    await withTempDir(async (dir) => {
      let clock = Date.UTC(2026, 10, 22, 3, 0, 0);
      const engine = await startEngine(dir, () => clock);
      const incident = await declare(engine, 'Payments API latency');
      expect(incident).toMatchObject({ title: 'Payments API latency', severity: 'SEV1', status: 'investigating' });
      expect(incident.id).toMatch(/^INC-20261122-[a-z0-9]{6}$/);
      clock += 60_000;
      const entry = await mustOk<TimelineEntry>(
        engine.dispatch('timeline.log', { incidentId: incident.id, text: '  Rolled back deploy 4711  ', kind: 'action' }),
      );
      expect(entry).toMatchObject({ text: 'Rolled back deploy 4711', kind: 'action', at: clock, actor: 'test-ic' });
      const list = await mustOk<IncidentListItem[]>(engine.dispatch('incident.list', {}));
      expect(list).toHaveLength(1);
      // The declaration, the SEV1 cadence for both audiences, and the note.
      expect(list[0]).toMatchObject({ id: incident.id, entryCount: 4, integrity: { status: 'ok' } });
      const full = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: incident.id }));
      expect(full.timeline.map((e) => e.kind)).toEqual(['system', 'system', 'system', 'action']);
      expect(full.timeline.map((e) => e.text).slice(0, 3)).toEqual([
        'Incident declared at SEV1: Payments API latency',
        'Internal updates every 15 min — SEV1 policy',
        'External updates every 20 min, first within 5 min — SEV1 policy',
      ]);
      expect(full.timeline[3]).toEqual(entry);
      await engine.close();
    });
  });

  it('publishes every event once, in sequence order, only after it is durable', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const seen: IncidentEvent[] = [];
      engine.subscribe((e) => seen.push(e));
      const incident = await declare(engine);
      const replies = await Promise.all(
        Array.from({ length: 100 }, (_, i) => engine.dispatch('timeline.log', { incidentId: incident.id, text: `n${i}` })),
      );
      expect(replies.every((r) => r.ok)).toBe(true);
      // Four events for the declaration (with its policies), then one per note.
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 104 }, (_, i) => i + 1));
      await engine.close();
    });
  });

  it('answers unknown commands and bad input with a typed error', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const incident = await declare(engine);
      const cases: Array<[unknown, unknown, string]> = [
        ['incident.explode', {}, 'UNKNOWN_COMMAND'],
        [42, {}, 'UNKNOWN_COMMAND'],
        ['__proto__', {}, 'UNKNOWN_COMMAND'],
        ['incident.declare', { title: 'x' }, 'INVALID_INPUT'],
        ['incident.declare', { title: 'x', severity: 'SEV0' }, 'INVALID_INPUT'],
        ['incident.declare', { title: 'x'.repeat(5_000), severity: 'SEV1' }, 'TOO_LARGE'],
        ['incident.declare', { title: 'x', severity: 'SEV1', extra: 1 }, 'INVALID_INPUT'],
        ['incident.get', { incidentId: 'INC-nope' }, 'NOT_FOUND'],
        ['incident.get', { incidentId: '../../etc' }, 'INVALID_INPUT'],
        ['timeline.log', { incidentId: incident.id, text: '   ' }, 'INVALID_INPUT'],
        ['timeline.log', { incidentId: incident.id, text: 'a', kind: 'system' }, 'INVALID_INPUT'],
        ['timeline.log', null, 'INVALID_INPUT'],
        ['timeline.log', 'text', 'INVALID_INPUT'],
      ];
      for (const [command, input, code] of cases) {
        const result = await engine.dispatch(command, input);
        expect(result, `${String(command)} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code } });
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      }
      await engine.close();
    });
  });

  it('given any garbage, every command answers ok:false and nothing on disk changes', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const incident = await declare(engine);
      const before = await snapshotTree(dir);
      const mutating = COMMAND_NAMES.filter((n) => n !== 'incident.list' && n !== 'contract.describe' && n !== 'settings.get');
      const garbage = fc.oneof(
        fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
        fc.record({ incidentId: fc.oneof(fc.string(), fc.constant(incident.id)), text: fc.anything() }),
        fc.record({ title: fc.anything(), severity: fc.anything(), __proto__: fc.anything() }),
        fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'title'), fc.anything()),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...mutating), garbage, async (command, input) => {
          // Garbage is whatever the command's own schema refuses (a random string for `text`
          // would be a real note, and rightly logged).
          fc.pre(!commands[command].input.safeParse(input ?? {}).success);
          const result = await engine.dispatch(command, input);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['INVALID_INPUT', 'TOO_LARGE']).toContain(result.error.code);
        }),
        { numRuns: 300 },
      );
      expect(await snapshotTree(dir)).toEqual(before);
      await engine.close();
    });
  });

  it('describes every command with a JSON Schema input', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const described = await mustOk<{ commands: Array<{ name: string; description: string; input: { type: string } }> }>(
        engine.dispatch('contract.describe', {}),
      );
      expect(described.commands.map((c) => c.name).sort()).toEqual([...COMMAND_NAMES].sort());
      for (const c of described.commands) {
        expect(c.name).toMatch(/^[a-z]+\.[a-z]+$/i);
        expect(c.description.length).toBeGreaterThan(10);
        expect(c.input.type).toBe('object');
      }
      await engine.close();
    });
  });

  it('keeps every incident across a restart, newest first', async () => {
    await withTempDir(async (dir) => {
      let clock = Date.UTC(2026, 10, 22, 1);
      const engine = await startEngine(dir, () => (clock += 1000));
      const a = await declare(engine, 'first');
      const b = await declare(engine, 'second');
      await engine.close();
      const again = await startEngine(dir);
      const list = await mustOk<IncidentListItem[]>(again.dispatch('incident.list', {}));
      expect(list.map((i) => i.id)).toEqual([b.id, a.id]);
      await again.close();
    });
  });

  it('refuses commands after close', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      await engine.close();
      expect(await engine.dispatch('incident.list', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    });
  });
});

describe('error messages', () => {
  it('stay short whatever the input holds', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const huge = await engine.dispatch('incident.declare', { ['k'.repeat(1_000_000)]: 1 });
      const many = await engine.dispatch('incident.list', Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`key${i}`, i])));
      for (const r of [huge, many]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message.length).toBeLessThan(1_200);
      }
      await engine.close();
    });
  });
});
