import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import { SEVERITIES } from '../../../shared/domain/incident';
import { declare } from '../../../tests/support/engine-harness';
import { MemoryDatabase } from '../../../tests/support/memory-sync';
import { type Console, converge, openConsole } from '../../../tests/support/sync-consoles';

type Step =
  | { kind: 'note'; on: number; text: string }
  | { kind: 'severity'; on: number; severity: (typeof SEVERITIES)[number] }
  | { kind: 'status'; on: number; status: 'identified' | 'mitigated' | 'resolved' | 'investigating' }
  | { kind: 'cut'; on: number }
  | { kind: 'heal'; on: number }
  | { kind: 'down' }
  | { kind: 'up' }
  | { kind: 'sync'; on: number };

const on = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), on, text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('severity' as const), on, severity: fc.constantFrom(...SEVERITIES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), on, status: fc.constantFrom('identified' as const, 'mitigated' as const, 'resolved' as const, 'investigating' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), on }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heal' as const), on }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('down' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('up' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), on }) },
);

describe('team sync, any interleaving', () => {
  it('random commands on three consoles, random partitions and heals: identical state everywhere once healed, every note kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const db = new MemoryDatabase();
        const consoles: Console[] = [];
        try {
          for (const name of ['Riley', 'Dana', 'Sam']) {
            db.addMember(name.toLowerCase(), 'ops');
            consoles.push(await openConsole(name, (c) => db.port(c), `postgres://${name.toLowerCase()}:pw@memory.test/db?team=ops`, { heartbeatMs: 60_000 }));
          }
          const { id } = await declare(consoles[0]!.engine, 'Property');
          await converge(consoles, id);
          const notes: string[] = [];
          for (const [i, s] of steps.entries()) {
            if (s.kind === 'down') db.setDown(true);
            else if (s.kind === 'up') db.setDown(false);
            else if (s.kind === 'cut') db.setCut(consoles[s.on]!.consoleId, true);
            else if (s.kind === 'heal') db.setCut(consoles[s.on]!.consoleId, false);
            else if (s.kind === 'sync') await consoles[s.on]!.engine.syncNow();
            else {
              const engine = consoles[s.on]!.engine;
              // Local decisions may refuse (already that severity, a move the lifecycle forbids): that is fine.
              if (s.kind === 'note') {
                const r = await engine.dispatch('timeline.log', { incidentId: id, text: `${i}:${s.text}` });
                if (r.ok) notes.push(`${i}:${s.text}`.trim());
              } else if (s.kind === 'severity') await engine.dispatch('incident.setSeverity', { incidentId: id, severity: s.severity, reason: '' });
              else await engine.dispatch('incident.setStatus', { incidentId: id, status: s.status });
            }
          }
          db.setDown(false);
          for (const c of consoles) db.setCut(c.consoleId, false);
          const state = JSON.parse(await converge(consoles, id, 8)) as IncidentView;
          const texts = new Set(state.timeline.map((e) => e.text));
          for (const n of notes) expect(texts.has(n)).toBe(true);
          const seqs = db.rows.map((r) => r.serverSeq);
          expect(seqs).toEqual(seqs.map((_, k) => k + 1));
          expect(db.rows).toHaveLength(state.lastSeq);
        } finally {
          for (const c of consoles) {
            await c.engine.close();
            await rm(c.dir, { recursive: true, force: true });
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
