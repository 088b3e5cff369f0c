import { describe, expect, it } from 'vitest';
import { CommandFailure } from '../contract/result';
import { incidentClocks } from './clocks';
import type { DecisionContext } from './decisions/context';
import { policyDrafts } from './decisions/clocks';
import { setStatus } from './decisions/lifecycle';
import { logEntry, openWorkstream, updateWorkstream } from './decisions/work';
import { checkInDueAt, deadlines } from './deadlines';
import type { EventDraft, IncidentEvent } from './events';
import type { IncidentState } from './incident';
import { mitigationOffer } from './mitigation-offer';
import { applyEvent } from './reducer';
import { DEFAULT_SETTINGS } from './settings';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 22, 2, 0);

function world() {
  let seq = 0;
  let ids = 0;
  const clock = { t: T0 };
  let state: IncidentState | null = null;
  const batches: IncidentEvent[][] = [];
  const commit = (drafts: EventDraft[]) => {
    const batch = drafts.map((d) => ({ ...d, id: `e${++seq}`, incidentId: 'INC-1', seq, at: clock.t, actor: 'ic' }) as IncidentEvent);
    for (const event of batch) state = applyEvent(state, event);
    batches.push(batch);
  };
  const ctx = (): DecisionContext => ({ now: clock.t, newId: () => `id${++ids}`, actor: 'ic', settings: DEFAULT_SETTINGS });
  commit([
    { type: 'incident.declared', payload: { title: 'x', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null } },
    ...policyDrafts(DEFAULT_SETTINGS, 'SEV1', 'policy'),
  ]);
  return {
    clock,
    ctx,
    commit,
    batches,
    get state(): IncidentState {
      return state!;
    },
  };
}

const open = (w: ReturnType<typeof world>, title: string) =>
  w.commit(openWorkstream(w.state, { incidentId: 'INC-1', title, kind: 'investigate', owner: 'Ana', nextStep: '', checkInAt: w.clock.t + 10 * M }, w.ctx()));

describe('resolving ends the work (issue 10: workstreams stayed active with check-ins counting)', () => {
  it('closes the open workstreams in the same commit when asked, and leaves done ones alone', () => {
    const w = world();
    open(w, 'Rollback');
    open(w, 'Customer comms');
    open(w, 'Old lead');
    const old = w.state.workstreams[2]!.id;
    w.commit(updateWorkstream(w.state, { incidentId: 'INC-1', workstreamId: old, status: 'done' }, w.ctx()));
    w.clock.t += 20 * M;
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'resolved', reason: 'fixed', closeWorkstreams: true }, w.ctx()));
    const batch = w.batches.at(-1)!;
    expect(batch.map((e) => e.type)).toEqual(['incident.statusChanged', 'workstream.updated', 'workstream.updated']);
    expect(w.state.workstreams.map((ws) => [ws.title, ws.status, ws.checkInAt])).toEqual([
      ['Rollback', 'done', null],
      ['Customer comms', 'done', null],
      ['Old lead', 'done', T0 + 10 * M],
    ]);
  });

  it('no check-in or update clock runs after resolution, even for a workstream left open', () => {
    const w = world();
    open(w, 'Rollback');
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'resolved', reason: '' }, w.ctx()));
    expect(w.state.workstreams[0]!.status).toBe('active');
    expect(checkInDueAt(w.state, w.state.workstreams[0]!)).toBeNull();
    expect(deadlines(w.state)).toEqual([]);
  });
});

describe('a mitigation entry offers to set TTM (issue 10)', () => {
  it('offers the latest mitigation logged since the status last changed, until mitigated', () => {
    const w = world();
    expect(mitigationOffer(w.state)).toBeNull();
    w.clock.t += 41 * M;
    w.commit(logEntry(w.state, { incidentId: 'INC-1', text: 'Rolled back eu-west-1', kind: 'mitigation', attribution: null, workstreamId: null, occurredAt: T0 + 39 * M }, w.ctx()));
    const offer = mitigationOffer(w.state);
    expect(offer).toMatchObject({ at: T0 + 39 * M, text: 'Rolled back eu-west-1' });

    w.clock.t += 2 * M;
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'mitigated', reason: 'Rolled back eu-west-1', at: offer!.at }, w.ctx()));
    expect(w.state.timestamps.mitigatedAt).toBe(T0 + 39 * M);
    expect(incidentClocks(w.state, w.clock.t).ttm).toEqual({ ms: 39 * M, running: false });
    expect(w.state.timeline.at(-1)).toMatchObject({ kind: 'system', at: T0 + 39 * M });
    expect(mitigationOffer(w.state)).toBeNull();

    // Reopened: an old mitigation line does not offer again; a new one does.
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'investigating', reason: 'errors back' }, w.ctx()));
    expect(mitigationOffer(w.state)).toBeNull();
  });

  it('a mitigation time in the future, or a time for any other move, is refused', () => {
    const w = world();
    const ask = (status: 'mitigated' | 'identified', at: number) => () =>
      setStatus(w.state, { incidentId: 'INC-1', status, reason: '', at }, w.ctx());
    expect(ask('mitigated', T0 + 10 * M)).toThrow(CommandFailure);
    expect(ask('identified', T0)).toThrow(/only when marking/);
    expect(ask('mitigated', T0 - 5 * M)).not.toThrow();
  });
});
