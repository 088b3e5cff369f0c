import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import { mustOk, startEngine } from '../../tests/support/engine-harness';
import { emptyMixedCounts, mixedKill, startMixedSeries } from '../../tests/support/crash-mixed';
import { runAndKill } from '../../tests/support/crash-run';
import { withTempDir } from '../../tests/support/temp-dir';

// A modest count here; `npm run test:crash` runs the long version.
const ITERATIONS = 4;

describe('kill -9 while logging', () => {
  it('loses no acknowledged note, and the engine writes again after each restart', async () => {
    await withTempDir(async (dir) => {
      let incidentId: string | null = null;
      const everAcked: string[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const run = await runAndKill(dir, incidentId, `k${i}`, 30 + Math.floor(Math.random() * 250));
        incidentId = run.incidentId;
        everAcked.push(...run.acked);
        expect(run.acked.length).toBeGreaterThan(0);

        const engine = await startEngine(dir);
        const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId }));
        expect(view.integrity.status).not.toBe('corrupt');
        const texts = new Set(view.timeline.map((e) => e.text));
        const missing = everAcked.filter((t) => !texts.has(t));
        expect(missing, `acknowledged but missing after kill ${i}`).toEqual([]);
        await mustOk(engine.dispatch('timeline.log', { incidentId, text: `after kill ${i}` }));
        await engine.close();
      }
    });
  }, 120_000);
});

describe('kill -9 while logging and importing valid and hostile files', () => {
  // Each plan holds the scribe log that opens the incident a second time as its last line:
  // before the import gate, the note after it reused a sequence number and was lost.
  it('keeps every acknowledged note and import, and nothing of a refused file', async () => {
    await withTempDir(async (dir) => {
      const series = await startMixedSeries(dir);
      const counts = emptyMixedCounts();
      const failures: string[] = [];
      for (let turn = 0; turn < 2; turn++) {
        await mixedKill(turn, series, counts, (m) => failures.push(`kill ${turn}: ${m}`), { afterPlan: true });
      }
      expect(failures).toEqual([]);
      // Two plans of eight files, each answered before the kill: four valid, four hostile.
      expect(counts).toMatchObject({ kills: 2, importsAcked: 8, hostileRefused: 8, hostileAcked: 0 });
      expect(counts.notesAcked).toBeGreaterThan(0);
      expect(counts.roundTrip).toMatchObject({ failed: 0 });
    });
  }, 120_000);
});
