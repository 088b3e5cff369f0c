import { describe, expect, it } from 'vitest';
import type { DecisionContext } from './decisions/context';
import { acknowledge, approveUpdate, policyDrafts, sendUpdate } from './decisions/clocks';
import { setSeverity, setStatus } from './decisions/lifecycle';
import { openWorkstream, updateWorkstream } from './decisions/work';
import { alertFor } from './alerts';
import { cadenceTone, deadlines, dueNow, fireDue, liveAlertCauses, nextDeadlineAt, nextUpdateDue } from './deadlines';
import type { EventDraft, IncidentEvent } from './events';
import type { IncidentState, Severity } from './incident';
import { draftValues } from './drafts/values';
import { applyEvent } from './reducer';
import { DEFAULT_SETTINGS } from './settings';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 22, 3, 0);

/** A tiny engine: decisions and fired deadlines become events, applied in order. */
function world(severity: Severity = 'SEV1') {
  let seq = 0;
  let ids = 0;
  const clock = { t: T0 };
  let state: IncidentState | null = null;
  const log: IncidentEvent[] = [];
  const commit = (drafts: EventDraft[], actor = 'ic') => {
    for (const d of drafts) {
      const event = { ...d, id: `e${++seq}`, incidentId: 'INC-1', seq, at: clock.t, actor } as IncidentEvent;
      log.push(event);
      state = applyEvent(state, event);
    }
  };
  const ctx = (): DecisionContext => ({ now: clock.t, newId: () => `id${++ids}`, actor: 'ic', settings: DEFAULT_SETTINGS });
  commit([
    {
      type: 'incident.declared',
      payload: { title: 'x', severity, detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null },
    },
    ...policyDrafts(DEFAULT_SETTINGS, severity, 'policy'),
  ]);
  return {
    clock,
    ctx,
    commit,
    log,
    get state(): IncidentState {
      return state!;
    },
    tick(ms: number) {
      clock.t += ms;
      commit(fireDue(state!, clock.t), 'Command Post');
    },
  };
}

describe('deadlines from state and wall clock', () => {
  it('SEV1: first external post within 5 min, internal every 15, escalation tiers at 0/5/15/30', () => {
    const w = world('SEV1');
    expect(deadlines(w.state).map((d) => [d.kind, (d.dueAt - T0) / M, d.audience ?? d.target])).toEqual([
      ['escalation', 0, 'Primary on-call'],
      ['cadence', 5, 'external'],
      ['escalation', 5, 'Secondary on-call'],
      ['cadence', 15, 'internal'],
      ['escalation', 15, 'Engineering manager'],
      ['escalation', 30, 'Executive on duty'],
    ]);
    expect(dueNow(w.state, T0).map((d) => d.key)).toEqual(['escalation:primary on-call']);
  });

  it('SEV3: internal every hour, no external clock; SEV4: none', () => {
    expect(nextUpdateDue(world('SEV3').state, 'internal')).toBe(T0 + 60 * M);
    expect(nextUpdateDue(world('SEV3').state, 'external')).toBeNull();
    expect(deadlines(world('SEV4').state).filter((d) => d.kind === 'cadence')).toEqual([]);
  });

  it('fires each deadline once, however often it is checked', () => {
    const w = world('SEV1');
    w.tick(6 * M);
    w.tick(0);
    w.tick(1);
    const missed = w.state.missed.map((m) => m.key);
    expect(missed).toEqual([`cadence:external:${T0 + 5 * M}`]);
    expect(w.state.escalation.pages.map((p) => p.target)).toEqual(['Primary on-call', 'Secondary on-call']);
    expect(w.state.timeline.filter((e) => e.systemType === 'deadline.missed').map((e) => e.text)).toEqual(['External update overdue by 1:00']);
  });

  it('a sent update resets its audience clock and records whether it was on time', () => {
    const w = world('SEV1');
    w.clock.t += 7 * M;
    w.commit(sendUpdate(w.state, { incidentId: 'INC-1', draftId: 'd1', kind: 'internal', body: 'b', channel: 'slack', recipients: '#inc' }, w.ctx()));
    expect(nextUpdateDue(w.state, 'internal')).toBe(T0 + 7 * M + 15 * M);
    expect(w.state.updates[0]).toMatchObject({ audience: 'internal', dueAt: T0 + 15 * M, sentAt: T0 + 7 * M });
  });

  it('acknowledging stops escalation; a severity upgrade adds the stricter tiers without re-paging', () => {
    const w = world('SEV3');
    w.tick(1);
    expect(w.state.escalation.pages.map((p) => p.target)).toEqual(['Primary on-call']);
    w.clock.t += 2 * M;
    w.commit([...setSeverity(w.state, { incidentId: 'INC-1', severity: 'SEV1', reason: '' }), ...policyDrafts(DEFAULT_SETTINGS, 'SEV1', 'up')]);
    w.tick(4 * M); // 7 min after declaration: SEV1's secondary (5 min) is due, primary is not paged twice
    expect(w.state.escalation.pages.map((p) => p.target)).toEqual(['Primary on-call', 'Secondary on-call']);
    w.commit(acknowledge(w.state, { incidentId: 'INC-1', by: 'Dana' }, w.ctx()));
    expect(w.state.timestamps.acknowledgedAt).toBe(w.clock.t);
    w.tick(60 * M);
    expect(w.state.escalation.pages).toHaveLength(2);
    expect(deadlines(w.state).some((d) => d.kind === 'escalation')).toBe(false);
  });

  it('stops all clocks once resolved; a reopen starts the cadence from the last update', () => {
    const w = world('SEV2');
    w.commit(acknowledge(w.state, { incidentId: 'INC-1', by: '' }, w.ctx()));
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'resolved', reason: '' }, w.ctx()));
    expect(deadlines(w.state)).toEqual([]);
    w.clock.t += 90 * M;
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'investigating', reason: 'back' }, w.ctx()));
    // No update was ever sent: both clocks count from declaration, so both are overdue at once.
    expect(dueNow(w.state, w.clock.t).map((d) => d.kind)).toEqual(['cadence', 'cadence']);
  });

  it('check-ins count down on a workstream and fire when missed; a linked report clears them', () => {
    const w = world('SEV4');
    w.commit(openWorkstream(w.state, { incidentId: 'INC-1', title: 'DB', kind: 'investigate', owner: 'Ana', nextStep: '', checkInAt: T0 + 10 * M }, w.ctx()));
    expect(nextDeadlineAt(w.state, T0)).toBe(T0 + 10 * M);
    w.tick(11 * M);
    expect(w.state.missed.map((m) => m.kind)).toEqual(['check-in']);
    expect(w.state.timeline.at(-1)!.text).toBe('DB check-in missed by 1:00');
  });

  it('a clock jump forwards fires what it skipped; backwards un-fires nothing and fires nothing early', () => {
    const w = world('SEV1');
    w.tick(3 * 3_600_000);
    const fired = w.state.missed.length + w.state.escalation.pages.length;
    expect(fired).toBe(2 + 4);
    w.clock.t -= 4 * 3_600_000;
    w.tick(0);
    expect(w.state.missed.length + w.state.escalation.pages.length).toBe(fired);
  });

  it('a cadence too long for any date (an imported 1e300 minutes) means no update is due, and a draft promises none', () => {
    const w = world('SEV1');
    w.commit([{ type: 'cadence.set', payload: { audience: 'internal', intervalMinutes: 1e300, firstMinutes: 1e300, reason: '' } }]);
    expect(nextUpdateDue(w.state, 'internal')).toBeNull();
    expect(deadlines(w.state).filter((d) => d.audience === 'internal')).toEqual([]);
    expect(draftValues(w.state, 'internal', T0).nextUpdate).toBe('as soon as we know more');
  });

  it('tones: calm, amber in the last two minutes, overdue', () => {
    expect(cadenceTone(null, T0)).toBe('off');
    expect(cadenceTone(T0 + 5 * M, T0)).toBe('calm');
    expect(cadenceTone(T0 + 2 * M, T0)).toBe('amber');
    expect(cadenceTone(T0, T0)).toBe('overdue');
  });
});

describe('a banner belongs to its deadline (issue 10: banners did not know when they were done)', () => {
  const causesOf = (events: IncidentEvent[]) => events.flatMap((e) => alertFor(e, { title: 'Checkout down', drill: false })?.cause ?? []);
  const stillLive = (w: ReturnType<typeof world>, causes: string[]) => causes.filter((c) => liveAlertCauses(w.state).includes(c));

  it('an escalation page is live until someone acknowledges; an overdue update until it is sent', () => {
    const w = world('SEV1');
    w.tick(6 * M);
    const causes = causesOf(w.log);
    expect(causes).toEqual(['escalation:unacknowledged', 'cadence:external:' + (T0 + 5 * M), 'escalation:unacknowledged']);
    expect(stillLive(w, causes)).toEqual(causes);

    w.commit(acknowledge(w.state, { incidentId: 'INC-1', by: 'Dana' }, w.ctx()));
    expect(stillLive(w, causes)).toEqual(['cadence:external:' + (T0 + 5 * M)]);

    w.commit(approveUpdate(w.state, { incidentId: 'INC-1', draftId: 'd1', kind: 'external', body: 'b', override: { reason: 'the IC is on a call' } }, w.ctx()));
    w.commit(sendUpdate(w.state, { incidentId: 'INC-1', draftId: 'd1', kind: 'external', body: 'b', channel: 'status page', recipients: '' }, w.ctx()));
    expect(stillLive(w, causes)).toEqual([]);
  });

  it('resolving settles every alarm: overdue updates, missed check-ins and unanswered pages', () => {
    const w = world('SEV1');
    w.commit(openWorkstream(w.state, { incidentId: 'INC-1', title: 'DB', kind: 'investigate', owner: 'Ana', nextStep: '', checkInAt: T0 + 10 * M }, w.ctx()));
    w.tick(16 * M);
    const causes = causesOf(w.log);
    expect(causes).toContain(`check-in:${w.state.workstreams[0]!.id}:${T0 + 10 * M}`);
    expect(causes).toContain(`cadence:internal:${T0 + 15 * M}`);
    expect(stillLive(w, causes)).toEqual(causes);
    w.commit(setStatus(w.state, { incidentId: 'INC-1', status: 'resolved', reason: '' }, w.ctx()));
    expect(stillLive(w, causes)).toEqual([]);
  });

  it('a check-in alarm goes when the workstream reports with a new check-in', () => {
    const w = world('SEV3');
    w.commit(openWorkstream(w.state, { incidentId: 'INC-1', title: 'DB', kind: 'investigate', owner: 'Ana', nextStep: '', checkInAt: T0 + 10 * M }, w.ctx()));
    w.tick(11 * M);
    const causes = causesOf(w.log).filter((c) => c.startsWith('check-in:'));
    expect(stillLive(w, causes)).toHaveLength(1);
    const id = w.state.workstreams[0]!.id;
    w.commit(updateWorkstream(w.state, { incidentId: 'INC-1', workstreamId: id, checkInAt: T0 + 30 * M }, w.ctx()));
    expect(stillLive(w, causes)).toEqual([]);
  });
});
