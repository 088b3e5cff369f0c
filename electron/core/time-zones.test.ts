import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, IncidentView } from '../../shared/contract/contract';
import type { ComposedDraft } from '../../shared/domain/drafts/compose';
import type { ExportedDraft } from '../../shared/domain/drafts/export';
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

describe('every export says its zone (issue 10: exports were in UTC with no zone, the app in local time with none)', () => {
  async function resolvedIncident(e: Engine, clock: { t: number }): Promise<string> {
    const { id } = await mustOk<IncidentView>(e.dispatch('incident.declare', { title: 'Checkout 500s', severity: 'SEV1' }));
    clock.t += 3 * M;
    await mustOk(e.dispatch('timeline.log', { incidentId: id, text: '=HYPERLINK("x") ← typed by a scribe', kind: 'finding' }));
    await mustOk(e.dispatch('timeline.log', { incidentId: id, text: 'Rolled back eu-west-1', kind: 'mitigation' }));
    await mustOk(e.dispatch('update.send', { incidentId: id, draftId: 'u1', kind: 'internal', body: 'We are on it.', channel: 'Slack' }));
    clock.t += 20 * M;
    await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
    return id;
  }

  it('the bundle: ISO-8601 with offsets in CSVs, Markdown, HTML, updates and metrics.json; the zone named; CSVs open in Excel', async () => {
    await withParisEngine(async (e, clock) => {
      const id = await resolvedIncident(e, clock);
      const exported = await mustOk<ExportedFile>(e.dispatch('bundle.export', { incidentId: id }));
      const files = unzipSync(Buffer.from(exported.base64, 'base64'));
      const text = (name: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(files[name]);

      const timeline = text('timeline.csv');
      expect(timeline.startsWith('\uFEFF')).toBe(true);
      const [header, first] = timeline.slice(1).split('\r\n');
      expect(header).toMatch(/^time,logged_at,/);
      expect(first).toMatch(/^2026-11-22T03:12:00\.000\+01:00,2026-11-22T03:12:00\.000\+01:00,/);
      // The formula guard stays: a cell a user typed never starts with `=`.
      expect(timeline).toContain(`"'=HYPERLINK(""x"") ← typed by a scribe"`);
      for (const csv of ['activity-log.csv', 'action-items.csv']) expect(text(csv).startsWith('\uFEFF')).toBe(true);

      const md = text('postmortem.md');
      expect(md).toContain('Europe/Paris (CET, UTC+01:00)');
      expect(md).toContain('- **Resolved:** 2026-11-22T03:35+01:00');
      expect(md).toMatch(/\| 2026-11-22T03:15\+01:00 \| .* \| \[mitigation\] Rolled back eu-west-1 \|/);
      expect(md).not.toMatch(/UTC\)?\s*\|/);

      const html = text('postmortem.html');
      expect(html).toContain('Europe/Paris (CET, UTC+01:00)');
      expect(html).toContain('2026-11-22T03:35+01:00');

      expect(text('updates/001-internal-internal.txt')).toContain('Sent: 2026-11-22T03:15:00.000+01:00 by test-ic');

      const metrics = JSON.parse(text('metrics.json')) as { timeZone: string; timestamps: Record<string, string | null> };
      expect(metrics.timeZone).toBe(PARIS);
      expect(metrics.timestamps.resolvedAt).toBe('2026-11-22T03:35:00.000+01:00');
      expect(JSON.parse(text('manifest.json')).exportedAt).toBe('2026-11-22T03:35:00.000+01:00');
    });
  });

  it("update drafts give times in the operator's zone; the Statuspage body carries ISO times with offsets", async () => {
    await withParisEngine(async (e, clock) => {
      const { id } = await mustOk<IncidentView>(e.dispatch('incident.declare', { title: 'Checkout 500s', severity: 'SEV1' }));
      clock.t += 3 * M;
      const draft = await mustOk<ComposedDraft>(e.dispatch('update.compose', { incidentId: id, kind: 'internal' }));
      expect(draft.body).toContain('03:30 CET');
      const sp = await mustOk<ExportedDraft>(e.dispatch('update.export', { incidentId: id, kind: 'external', body: 'We are investigating.', format: 'statuspage' }));
      const body = JSON.parse(sp.content) as { incident: { metadata: { command_post: Record<string, string> } } };
      expect(body.incident.metadata.command_post).toEqual({
        incident_id: id,
        started_at: '2026-11-22T03:12:00.000+01:00',
        drafted_at: '2026-11-22T03:15:00.000+01:00',
        time_zone: PARIS,
      });
    });
  });
});
