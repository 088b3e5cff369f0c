import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { IncidentListItem, IncidentView } from '../../../shared/contract/contract';
import { DRILL_BANNER } from '../../../shared/drills/marking';
import type { Scenario } from '../../../shared/drills/types';
import { alertmanagerPayload } from '../../../tests/support/alert-payloads';
import { withTempDir } from '../../../tests/support/temp-dir';
import { openEngine } from '../engine';
import type { Engine } from '../engine-types';
import { createMemorySettings } from '../settings/conf-settings';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 30, 3, 0);

const SCENARIO: Scenario = {
  id: 'checkout-deploy',
  name: 'Checkout bad deploy',
  summary: 'A deploy breaks checkout.',
  services: ['checkout'],
  expectedSeverity: 'SEV1',
  durationMinutes: 45,
  injects: [
    { id: 'a1', kind: 'alert', atMinute: 0, text: 'Checkout 5xx above 5%', alert: { status: 'firing', labels: { alertname: 'CheckoutErrors', service: 'checkout', severity: 'critical' }, annotations: { summary: 'Checkout 5xx at 14%' }, startedMinutesBefore: 2 } },
    { id: 'ceo', kind: 'stakeholder', atMinute: 10, from: 'CEO', text: 'When will checkout be back?' },
    { id: 'worse', kind: 'alert', atMinute: 20, text: 'Error rate doubled', when: { notReached: 'mitigated' }, alert: { status: 'firing', labels: { alertname: 'CheckoutErrorsCritical', service: 'checkout', severity: 'critical' }, annotations: { summary: 'Checkout 5xx at 30%' } } },
    { id: 'report', kind: 'customer-report', atMinute: 30, from: 'Support', text: 'Customers say payment fails' },
  ],
};

function clock() {
  let wall = T0;
  return { now: () => wall, advance: (ms: number) => (wall += ms) };
}

async function open(dataDir: string, now: () => number, consoleId = 'console-a', extra: Record<string, unknown> = {}): Promise<Engine> {
  return openEngine({ dataDir, now, consoleId, settings: createMemorySettings({ operatorName: 'Facilitator Fay', ...extra }) });
}

async function must<T>(engine: Engine, command: string, input: unknown): Promise<T> {
  const result = await engine.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const get = (engine: Engine, incidentId: string) => must<IncidentView>(engine, 'incident.get', { incidentId });
const start = (engine: Engine, speed: 1 | 2 | 5, scenario: unknown = SCENARIO) =>
  must<IncidentView>(engine, 'drill.start', { scenario: { fileName: 'drill.json', text: JSON.stringify(scenario) }, speed });

describe('a drill', () => {
  it('opens as a marked detection with its T+0 alert through the intake path, on a clock of its own', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now);
      try {
        const opened = await start(engine, 5);
        const view = await get(engine, opened.id);
        expect(view.title).toBe('DRILL: Checkout bad deploy');
        expect(view.status).toBe('detected');
        expect(view.severity).toBe('SEV2');
        expect(view.detectionSource).toBe('alert');
        expect(view.drill?.facilitator).toBe('Facilitator Fay');
        expect(view.drill?.fired).toEqual(['a1']);
        expect(view.alerts.map((a) => a.alert.labels.drill)).toEqual(['true']);
        expect(view.alerts[0]!.alert.startsAt).toBe(T0 - 2 * M);
        expect(view.timeline.some((e) => e.kind === 'inject' && e.text === 'Checkout 5xx above 5%')).toBe(true);

        // Two wall minutes at 5× are ten drill minutes: the CEO asks, and a note is stamped in drill time.
        c.advance(2 * M);
        await engine.wake();
        const at10 = await get(engine, opened.id);
        expect(at10.drill?.fired).toEqual(['a1', 'ceo']);
        const ceo = at10.timeline.find((e) => e.kind === 'inject' && e.attribution === 'CEO')!;
        expect(ceo.at).toBe(T0 + 10 * M);
        await must(engine, 'timeline.log', { incidentId: opened.id, text: 'Rolling back 4.2.1' });
        const note = (await get(engine, opened.id)).timeline.find((e) => e.text === 'Rolling back 4.2.1')!;
        expect(note.at).toBe(T0 + 10 * M);
      } finally {
        await engine.close();
      }
    });
  });

  it('plays a conditional inject only when the team has not done it yet', async () => {
    for (const mitigate of [true, false]) {
      await withTempDir(async (dir) => {
        const c = clock();
        const engine = await open(dir, c.now);
        try {
          const { id } = await start(engine, 5);
          await must(engine, 'incident.promote', { incidentId: id, severity: 'SEV1', reason: 'checkout down' });
          if (mitigate) await must(engine, 'incident.setStatus', { incidentId: id, status: 'mitigated', reason: 'rolled back' });
          c.advance(4 * M); // T+20
          await engine.wake();
          const drill = (await get(engine, id)).drill!;
          if (mitigate) {
            expect(drill.skipped).toEqual(['worse']);
            expect(drill.fired).not.toContain('worse');
          } else {
            expect(drill.fired).toContain('worse');
          }
        } finally {
          await engine.close();
        }
      });
    }
  });

  it('stands still while paused, follows a speed change, and ends', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now);
      try {
        const { id } = await start(engine, 1);
        c.advance(5 * M);
        await must(engine, 'drill.control', { incidentId: id, action: 'pause' });
        c.advance(60 * M);
        await engine.wake();
        expect((await get(engine, id)).drill!.fired).toEqual(['a1']);
        await must(engine, 'drill.control', { incidentId: id, action: 'resume' });
        await must(engine, 'drill.control', { incidentId: id, action: 'speed', speed: 5 });
        c.advance(M); // T+5 → T+10 at 5×
        await engine.wake();
        const running = await get(engine, id);
        expect(running.drill!.fired).toEqual(['a1', 'ceo']);
        expect(running.drill!.clock.speed).toBe(5);

        await must(engine, 'drill.inject', { incidentId: id, injectId: 'report' });
        expect((await get(engine, id)).drill!.fired).toEqual(['a1', 'ceo', 'report']);
        const again = await engine.dispatch('drill.inject', { incidentId: id, injectId: 'report' });
        expect(again.ok ? null : again.error.code).toBe('CONFLICT');

        await must(engine, 'drill.control', { incidentId: id, action: 'end' });
        const ended = await get(engine, id);
        expect(ended.drill!.endedAt).toBe(T0 + 10 * M);
        c.advance(60 * M);
        await engine.wake();
        expect((await get(engine, id)).drill!.fired).toEqual(['a1', 'ceo', 'report']);
        const late = await engine.dispatch('drill.control', { incidentId: id, action: 'resume' });
        expect(late.ok ? null : late.error.message).toMatch(/ended/);
      } finally {
        await engine.close();
      }
    });
  });

  it('runs its deadlines on the drill clock: a SEV1 internal update misses at drill speed', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now);
      try {
        const { id } = await start(engine, 5);
        await must(engine, 'incident.promote', { incidentId: id, severity: 'SEV1', reason: 'checkout down' });
        const policy = (await get(engine, id)).cadence.internal;
        const firstMinutes = (policy.firstMs ?? policy.intervalMs)! / M;
        c.advance(((firstMinutes + 1) / 5) * M);
        await engine.wake();
        const missed = (await get(engine, id)).missed;
        expect(missed.some((m) => m.kind === 'cadence')).toBe(true);
      } finally {
        await engine.close();
      }
    });
  });

  it('never takes a live alert, even one a route would send to it', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now, 'console-a', { alertRoutes: [{ match: { service: 'checkout' } }] });
      try {
        const { id } = await start(engine, 1);
        await must(engine, 'incident.promote', { incidentId: id, severity: 'SEV1', reason: 'practice' });
        const taken = await engine.intake('alertmanager', alertmanagerPayload());
        if (!taken.ok) throw new Error(taken.error.message);
        expect(taken.value.created).toHaveLength(1);
        expect(taken.value.incidentIds).not.toContain(id);
        const live = await get(engine, taken.value.created[0]!);
        expect(live.drill).toBeNull();
      } finally {
        await engine.close();
      }
    });
  });

  it('says DRILL on every draft, export, sent update and bundle, and has no status page post', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now);
      try {
        const { id } = await start(engine, 1);
        await must(engine, 'incident.promote', { incidentId: id, severity: 'SEV1', reason: 'checkout down' });
        await must(engine, 'role.assign', { incidentId: id, role: 'incident-commander', name: 'Facilitator Fay' });
        const draft = await must<{ body: string }>(engine, 'update.compose', { incidentId: id, kind: 'external' });
        expect(draft.body.startsWith(DRILL_BANNER)).toBe(true);
        const file = await must<{ fileName: string; content: string }>(engine, 'update.export', { incidentId: id, kind: 'external', body: 'Checkout is failing.', format: 'txt' });
        expect(file.fileName).toContain('-DRILL-');
        expect(file.content.startsWith(DRILL_BANNER)).toBe(true);
        const page = await engine.dispatch('update.export', { incidentId: id, kind: 'external', body: draft.body, format: 'statuspage' });
        expect(page.ok ? null : page.error.message).toMatch(/no status page post/);

        const unmarked = await engine.dispatch('update.approve', { incidentId: id, draftId: 'd1', kind: 'external', body: 'Checkout is failing.' });
        expect(unmarked.ok ? null : unmarked.error.message).toMatch(/as the first line/);
        await must(engine, 'update.approve', { incidentId: id, draftId: 'd1', kind: 'external', body: draft.body });
        await must(engine, 'update.send', { incidentId: id, draftId: 'd1', kind: 'external', body: draft.body, channel: 'Status page (drill)', recipients: '' });

        const bundle = await must<{ base64: string }>(engine, 'bundle.export', { incidentId: id });
        const files = unzipSync(Buffer.from(bundle.base64, 'base64'));
        const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { title: string; drill: { scenario: string } };
        expect(manifest.title).toBe('DRILL: Checkout bad deploy');
        expect(manifest.drill.scenario).toBe('Checkout bad deploy');
        const update = Object.entries(files).find(([name]) => name.startsWith('updates/'))!;
        expect(strFromU8(update[1]).startsWith(DRILL_BANNER)).toBe(true);
        const markdown = Object.entries(files).find(([name]) => name.endsWith('.md'))!;
        expect(strFromU8(markdown[1])).toContain(`**${DRILL_BANNER}**`);
      } finally {
        await engine.close();
      }
    });
  });

  it('is scored from its journal, charted per team and person; only drills are scored', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const engine = await open(dir, c.now);
      try {
        const drill = await must<IncidentView>(engine, 'drill.start', { scenario: { builtin: 'bad-deploy' }, speed: 5, team: 'Payments on-call' });
        expect(drill.drill?.team).toBe('Payments on-call');
        c.advance(M / 5); // T+1
        await must(engine, 'incident.promote', { incidentId: drill.id, severity: 'SEV2', reason: 'checkout errors' });
        await must(engine, 'role.assign', { incidentId: drill.id, role: 'incident-commander', name: 'Dana' });
        await must(engine, 'timeline.log', { incidentId: drill.id, kind: 'decision', text: 'Roll back 4.2.1' });
        await must(engine, 'drill.control', { incidentId: drill.id, action: 'end' });
        const scored = await must<{ categories: Array<{ category: string; score: number | null }>; criteria: Array<{ id: string; met: boolean | null; evidence: unknown[] }> }>(
          engine,
          'drill.debrief',
          { incidentId: drill.id },
        );
        expect(scored.categories.map((x) => x.category)).toEqual(['identify-scope', 'incident-mechanics', 'internal-comms', 'external-comms', 'command']);
        const decided = scored.criteria.filter((x) => x.met === true);
        expect(decided.length).toBeGreaterThan(0);
        expect(Object.fromEntries(decided.map((x) => [x.id, x.evidence.length > 0]))).toMatchObject({ 'severity-on-time': true, 'severity-matches': true, 'ic-assigned': true, 'decisions-logged': true });

        const history = await must<{ teams: Array<{ name: string; points: unknown[] }>; people: Array<{ name: string }>; drills: number }>(engine, 'drill.history', {});
        expect(history.drills).toBe(1);
        expect(history.teams).toEqual([expect.objectContaining({ name: 'Payments on-call', points: [expect.anything()] })]);
        expect(history.people.map((p) => p.name)).toContain('Dana');

        const live = await must<IncidentView>(engine, 'incident.declare', { title: 'Real outage', severity: 'SEV2' });
        const refused = await engine.dispatch('drill.debrief', { incidentId: live.id });
        expect(refused.ok ? null : refused.error.message).toMatch(/only drills are scored/);
        const scenarios = await must<Array<{ id: string }>>(engine, 'drill.scenarios', {});
        expect(scenarios.length).toBeGreaterThanOrEqual(3);
      } finally {
        await engine.close();
      }
    });
  });

  it('logs a ticked checklist item once, on the timeline', async () => {
    await withTempDir(async (dir) => {
      const engine = await open(dir, clock().now);
      try {
        const live = await must<IncidentView>(engine, 'incident.declare', { title: 'Real outage', severity: 'SEV1' });
        await must(engine, 'checklist.tick', { incidentId: live.id, item: 'What is the impact?', done: true });
        const before = (await get(engine, live.id)).lastSeq;
        await must(engine, 'checklist.tick', { incidentId: live.id, item: 'What is the impact?', done: true });
        const view = await get(engine, live.id);
        expect(view.lastSeq).toBe(before);
        expect(view.checklist).toEqual([expect.objectContaining({ item: 'What is the impact?', done: true, by: 'Facilitator Fay' })]);
        expect(view.timeline.filter((e) => e.text === 'Checklist: ✓ What is the impact?')).toHaveLength(1);
      } finally {
        await engine.close();
      }
    });
  });

  it('refuses a bad scenario file, naming the field, and makes nothing', async () => {
    await withTempDir(async (dir) => {
      const engine = await open(dir, clock().now);
      try {
        const bad = { ...SCENARIO, injects: [{ ...SCENARIO.injects[0]!, alert: undefined }] };
        const refused = await engine.dispatch('drill.start', { scenario: { fileName: 'mine.json', text: JSON.stringify(bad, null, 2) }, speed: 1 });
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.error.message).toMatch(/^mine\.json: The scenario file has a problem:\nline 11: injects\[0\]\.alert is required for an alert inject$/);
        const notJson = await engine.dispatch('drill.start', { scenario: { fileName: 'mine.json', text: '{"id": ' }, speed: 1 });
        expect(notJson.ok ? null : notJson.error.code).toBe('INVALID_INPUT');
        expect(await must<IncidentListItem[]>(engine, 'incident.list', {})).toEqual([]);
      } finally {
        await engine.close();
      }
    });
  });

  it('is run only from the facilitator’s console, and a live incident has no drill controls', async () => {
    await withTempDir(async (dir) => {
      const c = clock();
      const first = await open(dir, c.now, 'console-a');
      const { id } = await start(first, 1);
      const live = await must<IncidentView>(first, 'incident.declare', { title: 'Real outage', severity: 'SEV2' });
      const notDrill = await first.dispatch('drill.control', { incidentId: live.id, action: 'pause' });
      expect(notDrill.ok ? null : notDrill.error.message).toMatch(/live incident, not a drill/);
      await first.close();
      const other = await open(dir, c.now, 'console-b');
      try {
        const refused = await other.dispatch('drill.control', { incidentId: id, action: 'pause' });
        expect(refused.ok ? null : refused.error.message).toMatch(/Only the facilitator's console \(Facilitator Fay\)/);
        c.advance(40 * M);
        await other.wake();
        expect((await get(other, id)).drill!.fired).toEqual(['a1']);
      } finally {
        await other.close();
      }
    });
  });
});
