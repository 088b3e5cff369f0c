import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { Debrief } from '../../../shared/drills/debrief';
import { withTempDir } from '../../../tests/support/temp-dir';
import { openEngine } from '../engine';
import type { Engine } from '../engine-types';
import { createMemorySettings } from '../settings/conf-settings';

// The same built-in scenario (a bad deploy rolled back) played twice through the engine at 5×:
// once the way the seeds say a response should go, once the way it goes when nobody takes command.

const M = 60_000;
const T0 = Date.UTC(2026, 10, 30, 3, 0);
const SPEED = 5;

type Step = [minute: number, command: string, input: (id: string) => Record<string, unknown>];

const GOOD: Step[] = [
  [1, 'incident.promote', (id) => ({ incidentId: id, severity: 'SEV2', reason: 'checkout 5xx at 14%, payments failing' })],
  [1.5, 'role.assign', (id) => ({ incidentId: id, role: 'incident-commander', name: 'Dana' })],
  [2, 'role.assign', (id) => ({ incidentId: id, role: 'technical-lead', name: 'Ravi' })],
  [2, 'role.assign', (id) => ({ incidentId: id, role: 'communications-lead', name: 'Ana' })],
  [2, 'role.assign', (id) => ({ incidentId: id, role: 'scribe', name: 'Sam' })],
  [2.5, 'escalation.acknowledge', (id) => ({ incidentId: id, by: 'Dana' })],
  [3, 'timeline.log', (id) => ({ incidentId: id, kind: 'hypothesis', text: 'Checkout errors started with a bad deploy?' })],
  [3, 'workstream.open', (id) => ({ incidentId: id, title: 'Find what changed', owner: 'Ravi', checkInAt: T0 + 15 * M })],
  [4, 'update.send', (id) => ({ incidentId: id, draftId: 'int-1', kind: 'internal', body: '{drill}Checkout failing since 03:00; investigating a deploy.', channel: '#inc-checkout' })],
  [8, 'timeline.log', (id) => ({ incidentId: id, kind: 'finding', text: 'Deploy 4.2.1 went out at T-3; errors began with it' })],
  [9, 'timeline.log', (id) => ({ incidentId: id, kind: 'decision', text: 'Roll back 4.2.1 now rather than fix forward' })],
  [11, 'timeline.log', (id) => ({ incidentId: id, kind: 'comms', attribution: 'CEO', text: 'Told the CEO: rollback under way, next update 03:30' })],
  [14, 'workstream.update', (id) => ({ incidentId: id, workstreamId: 'ws', status: 'done' })],
  [16, 'incident.setStatus', (id) => ({ incidentId: id, status: 'mitigated', reason: 'rolled back; errors under 1%' })],
  [18, 'update.send', (id) => ({ incidentId: id, draftId: 'int-2', kind: 'internal', body: '{drill}Mitigated by rollback; watching.', channel: '#inc-checkout' })],
  [24, 'update.approve', (id) => ({ incidentId: id, draftId: 'res-1', kind: 'resolution', body: '{drill}Checkout is back to normal.' })],
  [24.5, 'update.send', (id) => ({ incidentId: id, draftId: 'res-1', kind: 'resolution', body: '{drill}Checkout is back to normal.', channel: 'Status page (drill)' })],
  [25, 'incident.setStatus', (id) => ({ incidentId: id, status: 'resolved', reason: 'stable 10 minutes' })],
];

// Nobody takes command: someone starts debugging, much later declares, fixes and resolves.
const POOR: Step[] = [
  [12, 'incident.promote', (id) => ({ incidentId: id, severity: 'SEV4', reason: 'some errors' })],
  [13, 'role.assign', (id) => ({ incidentId: id, role: 'technical-lead', name: 'Ravi' })],
  [40, 'incident.setStatus', (id) => ({ incidentId: id, status: 'resolved', reason: 'fixed' })],
];

async function play(dataDir: string, steps: Step[]): Promise<Debrief> {
  let wall = T0;
  const engine: Engine = await openEngine({ dataDir, now: () => wall, consoleId: 'facilitator', settings: createMemorySettings({ operatorName: 'Dana' }) });
  try {
    const drill = await engine.dispatch('drill.start', { scenario: { builtin: 'bad-deploy' }, speed: SPEED, team: 'Payments on-call' });
    if (!drill.ok) throw new Error(drill.error.message);
    const id = (drill.value as IncidentView).id;
    let workstream = '';
    for (const [minute, command, input] of steps) {
      wall = T0 + (minute * M) / SPEED;
      await engine.wake();
      const raw = JSON.parse(JSON.stringify(input(id)).replaceAll('{drill}', 'DRILL — practice only, not a real incident.\\n\\n')) as Record<string, unknown>;
      if (raw.workstreamId === 'ws') raw.workstreamId = workstream;
      const done = await engine.dispatch(command, raw);
      if (!done.ok) throw new Error(`${command}: ${done.error.message}`);
      if (command === 'workstream.open') workstream = ((await engine.dispatch('incident.get', { incidentId: id })) as { value: IncidentView }).value.workstreams[0]!.id;
    }
    await engine.dispatch('drill.control', { incidentId: id, action: 'end' });
    const scored = await engine.dispatch('drill.debrief', { incidentId: id });
    if (!scored.ok) throw new Error(scored.error.message);
    return scored.value as Debrief;
  } finally {
    await engine.close();
  }
}

const table = (d: Debrief) => Object.fromEntries([...d.categories.map((c) => [c.category, c.score]), ['overall', d.overall]]);

describe('the debrief of the same scenario played well and played badly', () => {
  it('scores a response by the seeds high and one nobody commands low, with the missed criteria named', async () => {
    const good = await withTempDir((dir) => play(dir, GOOD));
    const poor = await withTempDir((dir) => play(dir, POOR));
    console.log('good run', JSON.stringify(table(good)), 'missed:', good.criteria.filter((c) => c.met === false).map((c) => c.id).join(', ') || 'none');
    console.log('poor run', JSON.stringify(table(poor)), 'met:', poor.criteria.filter((c) => c.met === true).map((c) => c.id).join(', ') || 'none');
    expect(good.overall).toBeGreaterThanOrEqual(85);
    expect(poor.overall).toBeLessThanOrEqual(30);
    const missed = new Set(poor.criteria.filter((c) => c.met === false).map((c) => c.id));
    for (const id of ['severity-on-time', 'severity-matches', 'ic-assigned', 'decisions-logged']) expect(missed, id).toContain(id);
  });
});
