import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { Settings } from '../../shared/domain/settings';
import { mustOk } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';
import { openEngine } from './engine';
import type { Engine } from './engine-types';
import { createMemorySettings } from './settings/conf-settings';

// Issue 10 ("the war room at 3 AM"): times in the engine's words carry the operator's zone.

const M = 60_000;
const PARIS = 'Europe/Paris';

async function withParisEngine(run: (e: Engine, clock: { t: number }) => Promise<void>) {
  await withTempDir(async (dir) => {
    // 03:12 in Paris (CET, UTC+1) on Sunday 22 Nov 2026.
    const clock = { t: Date.UTC(2026, 10, 22, 2, 12) };
    // Another engineer adds `operatorTimeZone` to the settings type; the engine reads it when present.
    const settings: Partial<Settings> = Object.assign({ operatorName: 'test-ic' }, { operatorTimeZone: PARIS });
    const engine = await openEngine({ dataDir: dir, settings: createMemorySettings(settings), scheduler: false, now: () => clock.t });
    await run(engine, clock);
    await engine.close();
  });
}

const get = (e: Engine, id: string) => mustOk<IncidentView>(e.dispatch('incident.get', { incidentId: id }));

describe('a severity change that moves the cadence says so (issue 10)', () => {
  it('SEV1 → SEV2: "Internal update now due 03:42 CET (was 03:27)" on the timeline', async () => {
    await withParisEngine(async (e, clock) => {
      const { id } = await mustOk<IncidentView>(e.dispatch('incident.declare', { title: 'Checkout 500s', severity: 'SEV1' }));
      clock.t += 8 * M;
      await mustOk(e.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2', reason: 'EU only' }));
      const lines = (await get(e, id)).timeline.filter((t) => t.kind === 'system').map((t) => t.text);
      expect(lines).toContainEqual(expect.stringContaining('Internal update now due 03:42 CET (was 03:27)'));
      // SEV1's first external post was due at 03:17, already passed; SEV2's is due at 03:42.
      expect(lines).toContainEqual(expect.stringContaining('External update now due 03:42 CET (was 03:17, overdue)'));
    });
  });

  it('a cadence the IC changes by hand says what it moved, too', async () => {
    await withParisEngine(async (e, clock) => {
      const { id } = await mustOk<IncidentView>(e.dispatch('incident.declare', { title: 'Checkout 500s', severity: 'SEV1' }));
      clock.t += 2 * M;
      await mustOk(e.dispatch('cadence.set', { incidentId: id, audience: 'internal', intervalMinutes: 10 }));
      const last = (await get(e, id)).timeline.at(-1)!;
      expect(last.text).toBe('Internal updates every 10 min — changed by the incident commander. Internal update now due 03:22 CET (was 03:27)');
    });
  });
});
