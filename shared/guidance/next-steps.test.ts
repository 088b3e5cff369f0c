import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEventSequence } from '../../tests/support/arbitrary-events';
import { formatStamp } from '../domain/hlc';
import type { EventDraft, IncidentEvent } from '../domain/events';
import type { IncidentState, RoleKey, Severity } from '../domain/incident';
import { replay } from '../domain/reducer';
import { DEFAULT_SETTINGS } from '../domain/settings';
import type { WorkingHours } from '../metrics/working-hours';
import { at as atBerlin, BERLIN, nightOfTheRollback } from '../../tests/support/role-incidents';
import { MITIGATED_UNRESOLVED_MINUTES, nextSteps, RECOVERY_WINDOW_MS, type NextStep } from './next-steps';

const T0 = Date.UTC(2026, 10, 30, 3, 0);
const MIN = 60_000;
const policy = DEFAULT_SETTINGS;

type Step = { min: number; draft: EventDraft; actor?: string };
const at = <T extends EventDraft['type']>(min: number, type: T, payload: Extract<EventDraft, { type: T }>['payload'], actor = 'dana'): Step => ({
  min,
  draft: { type, payload } as EventDraft,
  actor,
});

function state(...steps: Step[]): IncidentState {
  const events = steps.map(({ min, draft, actor }, i) => {
    const time = T0 + min * MIN;
    return { ...draft, id: `e${i + 1}`, incidentId: 'INC-1', seq: i + 1, hlc: formatStamp({ wall: time, counter: i, node: 'test' }), at: time, actor: actor ?? 'dana' } as IncidentEvent;
  });
  return replay(events)!;
}

const opening = (severity: Severity = 'SEV2', type: 'incident.declared' | 'incident.detected' = 'incident.declared') =>
  at(0, type, { title: 'Checkout errors', severity, detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null });
const assign = (min: number, role: RoleKey, name: string) => at(min, 'role.assigned', { role, name, contact: '' });
/** A SEV2 with every required role filled by different people. */
const staffed = (severity: Severity = 'SEV2') => [
  opening(severity),
  assign(1, 'incident-commander', 'Dana'),
  assign(1, 'technical-lead', 'Sam'),
  assign(1, 'communications-lead', 'Lee'),
  assign(1, 'scribe', 'Kim'),
];
const sendExternal = (min: number) =>
  at(min, 'update.sent', { updateId: `u${min}`, draftId: `d${min}`, audience: 'external', kind: 'external', channel: 'status page', recipients: '', body: 'x', dueAt: null });
const sendInternal = (min: number) =>
  at(min, 'update.sent', { updateId: `i${min}`, draftId: `di${min}`, audience: 'internal', kind: 'internal', channel: 'slack', recipients: '', body: 'x', dueAt: null });
const tick = (min: number) => at(min, 'checklist.ticked', { item: 'What is the impact?', done: true });

const ids = (steps: NextStep[]) => steps.map((s) => s.id);
const find = (steps: NextStep[], id: string) => steps.find((s) => s.id === id);

describe('nextSteps', () => {
  it('a detection: declare or dismiss, and nothing else; gone once declared', () => {
    const detected = state(opening('SEV2', 'incident.detected'));
    expect(nextSteps(detected, policy, T0 + MIN)).toEqual([expect.objectContaining({ id: 'declare', severity: 'urgent', action: expect.objectContaining({ kind: 'declare' }) })]);
    const declared = state(opening('SEV2', 'incident.detected'), at(2, 'incident.promoted', { severity: 'SEV2', reason: '' }));
    expect(ids(nextSteps(declared, policy, T0 + 3 * MIN))).not.toContain('declare');
  });

  it('no IC yet is urgent and comes first; gone once someone takes it', () => {
    const none = nextSteps(state(opening()), policy, T0 + MIN);
    expect(none[0]).toMatchObject({ id: 'role-empty:incident-commander', severity: 'urgent', action: { kind: 'assign-role', role: 'incident-commander' } });
    expect(ids(none).filter((id) => id === 'role-empty:incident-commander')).toHaveLength(1);
    expect(ids(nextSteps(state(opening(), assign(1, 'incident-commander', 'Dana')), policy, T0 + 2 * MIN))).not.toContain('role-empty:incident-commander');
  });

  it('a required role empty is a step with its assign action; gone once filled', () => {
    const partly = state(opening(), assign(1, 'incident-commander', 'Dana'), assign(1, 'technical-lead', 'Sam'));
    const steps = nextSteps(partly, policy, T0 + 2 * MIN);
    expect(find(steps, 'role-empty:communications-lead')).toMatchObject({ severity: 'soon', action: { kind: 'assign-role', role: 'communications-lead' } });
    expect(find(steps, 'role-empty:scribe')).toBeDefined();
    expect(ids(nextSteps(state(...staffed()), policy, T0 + 2 * MIN)).filter((id) => id.startsWith('role-empty'))).toEqual([]);
    // SEV4 requires no roles but the IC is still asked for.
    expect(ids(nextSteps(state(opening('SEV4')), policy, T0 + MIN)).filter((id) => id.startsWith('role-empty'))).toEqual(['role-empty:incident-commander']);
  });

  it('SEV1 with no external update says how long is left, from the policy; gone once one is sent', () => {
    const s = state(...staffed('SEV1'));
    // DEFAULT_SETTINGS: first external update within 5 min at SEV1; declared at T0.
    const step = find(nextSteps(s, policy, T0 + 108_000), 'first-external-update');
    expect(step).toMatchObject({ severity: 'urgent', title: 'No external update yet: 3:12 left', action: { kind: 'draft-update', audience: 'external' } });
    expect(find(nextSteps(s, policy, T0 + 6 * MIN), 'first-external-update')?.title).toBe('No external update yet: overdue by 1:00');
    const custom = { ...policy, cadence: { ...policy.cadence, SEV1: { ...policy.cadence.SEV1, firstExternalMinutes: 10 } } };
    expect(find(nextSteps(s, custom, T0 + 108_000), 'first-external-update')?.title).toBe('No external update yet: 8:12 left');
    expect(ids(nextSteps(state(...staffed('SEV1'), sendExternal(3)), policy, T0 + 4 * MIN))).not.toContain('first-external-update');
  });

  it('below SEV1 the first external update is "soon" until it is nearly due; none when the policy has no external cadence', () => {
    const s = state(...staffed('SEV2'));
    expect(find(nextSteps(s, policy, T0 + 2 * MIN), 'first-external-update')?.severity).toBe('soon');
    expect(find(nextSteps(s, policy, T0 + 29 * MIN), 'first-external-update')?.severity).toBe('urgent');
    expect(ids(nextSteps(state(...staffed('SEV3')), policy, T0 + 2 * MIN))).not.toContain('first-external-update');
  });

  it('an internal update overdue by the incident clock is urgent; gone once sent', () => {
    const withCadence = [...staffed('SEV2'), at(1, 'cadence.set', { audience: 'internal', intervalMinutes: 30, firstMinutes: null, reason: '' })] as const;
    expect(find(nextSteps(state(...withCadence), policy, T0 + 20 * MIN), 'update-due:internal')).toBeUndefined();
    expect(find(nextSteps(state(...withCadence), policy, T0 + 29 * MIN), 'update-due:internal')).toMatchObject({ severity: 'soon', title: 'Internal update due: 1:00 left' });
    expect(find(nextSteps(state(...withCadence), policy, T0 + 31 * MIN), 'update-due:internal')).toMatchObject({ severity: 'urgent', title: 'Internal update overdue by 1:00' });
    expect(find(nextSteps(state(...withCadence, sendInternal(30)), policy, T0 + 31 * MIN), 'update-due:internal')).toBeUndefined();
  });

  it('the IC holding the technical lead: hand it off; gone once someone else has it', () => {
    const s = state(opening(), assign(1, 'incident-commander', 'Dana'), assign(1, 'technical-lead', 'dana '));
    expect(find(nextSteps(s, policy, T0 + 2 * MIN), 'ic-holds-tech-lead')).toMatchObject({ action: { kind: 'handoff-role', role: 'technical-lead', person: 'Dana' } });
    const fixed = state(opening(), assign(1, 'incident-commander', 'Dana'), assign(1, 'technical-lead', 'Dana'), assign(3, 'technical-lead', 'Sam'));
    expect(ids(nextSteps(fixed, policy, T0 + 4 * MIN))).not.toContain('ic-holds-tech-lead');
  });

  it(`mitigated ${MITIGATED_UNRESOLVED_MINUTES} min ago and not resolved: resolve; not before, and gone once resolved`, () => {
    const mitigated = [...staffed(), at(10, 'incident.statusChanged', { from: 'investigating', to: 'mitigated', reason: '', reviewNeeded: null })] as const;
    expect(ids(nextSteps(state(...mitigated), policy, T0 + 39 * MIN))).not.toContain('resolve-after-mitigation');
    expect(find(nextSteps(state(...mitigated), policy, T0 + 50 * MIN), 'resolve-after-mitigation')).toMatchObject({
      title: 'Mitigated 40 min ago and still not resolved',
      action: { kind: 'resolve' },
    });
    const resolved = state(...mitigated, at(45, 'incident.statusChanged', { from: 'mitigated', to: 'resolved', reason: '', reviewNeeded: null }));
    expect(ids(nextSteps(resolved, policy, T0 + 50 * MIN))).not.toContain('resolve-after-mitigation');
  });

  it('a workstream check-in missed: check in; gone once it reports', () => {
    const opened = [...staffed(), at(2, 'workstream.opened', { workstreamId: 'w1', title: 'Roll back', kind: 'mitigate', owner: 'Sam', nextStep: '', checkInAt: T0 + 12 * MIN })] as const;
    expect(ids(nextSteps(state(...opened), policy, T0 + 11 * MIN))).not.toContain('check-in:w1');
    const missed = nextSteps(state(...opened), policy, T0 + 15 * MIN);
    expect(find(missed, 'check-in:w1')).toMatchObject({ severity: 'urgent', title: 'Roll back: check-in missed by 3:00', action: { kind: 'check-in-workstream', workstreamId: 'w1' } });
    const reported = state(...opened, at(14, 'workstream.updated', { workstreamId: 'w1', changes: { nextStep: 'pipeline 50%', checkInAt: T0 + 24 * MIN } }));
    expect(ids(nextSteps(reported, policy, T0 + 15 * MIN))).not.toContain('check-in:w1');
  });

  it('closed with no review decision: decide; gone once decided (and scheduled)', () => {
    const resolved = [...staffed(), at(20, 'incident.statusChanged', { from: 'investigating', to: 'resolved', reason: '', reviewNeeded: null })] as const;
    const undecided = state(...resolved, at(30, 'incident.statusChanged', { from: 'resolved', to: 'closed', reason: '', reviewNeeded: null }));
    expect(nextSteps(undecided, policy, T0 + 31 * MIN)).toEqual([expect.objectContaining({ id: 'review-decision', action: expect.objectContaining({ kind: 'decide-review' }) })]);
    const decided = state(...resolved, at(30, 'incident.statusChanged', { from: 'resolved', to: 'closed', reason: '', reviewNeeded: true }));
    expect(ids(nextSteps(decided, policy, T0 + 31 * MIN))).toEqual(['review-unscheduled']);
    const scheduled = state(...resolved, at(30, 'incident.statusChanged', { from: 'resolved', to: 'closed', reason: '', reviewNeeded: true }), at(31, 'postmortem.edited', { changes: { reviewAt: T0 + 2 * 86_400_000 } }));
    expect(nextSteps(scheduled, policy, T0 + 32 * MIN)).toEqual([]);
    const noReview = state(...resolved, at(30, 'incident.statusChanged', { from: 'resolved', to: 'closed', reason: '', reviewNeeded: false }));
    expect(nextSteps(noReview, policy, T0 + 31 * MIN)).toEqual([]);
  });

  it('a long shift: hand off the role they hold; not before the limit', () => {
    const s = state(...staffed());
    expect(ids(nextSteps(s, policy, T0 + 3 * 3_600_000)).filter((id) => id.startsWith('long-shift'))).toEqual([]);
    const late = nextSteps(s, policy, T0 + 5 * 3_600_000);
    expect(find(late, 'long-shift:dana')).toMatchObject({ action: { kind: 'handoff-role', role: 'incident-commander', person: 'Dana' } });
    expect(find(late, 'long-shift:sam')?.action).toMatchObject({ role: 'technical-lead' });
  });

  it('offers the checklist just after declaration, until something is ticked', () => {
    expect(find(nextSteps(state(...staffed()), policy, T0 + 2 * MIN), 'checklist')).toMatchObject({ severity: 'info', action: { kind: 'open-checklist' } });
    expect(find(nextSteps(state(...staffed(), tick(2)), policy, T0 + 3 * MIN), 'checklist')).toBeUndefined();
    expect(find(nextSteps(state(...staffed()), policy, T0 + 11 * MIN), 'checklist')).toBeUndefined();
  });

  it('a severity set two ways without seeing each other: confirm it; gone once settled', () => {
    // Both consoles changed SEV2 → something, neither having seen the other's change.
    const clash = [
      ...staffed('SEV2'),
      at(3, 'incident.severityChanged', { from: 'SEV2', to: 'SEV1', reason: '' }, 'Dana'),
      at(4, 'incident.severityChanged', { from: 'SEV2', to: 'SEV3', reason: '' }, 'Sam'),
    ];
    const s = state(...clash);
    const conflictId = s.conflicts[0]!.id;
    expect(find(nextSteps(s, policy, T0 + 5 * MIN), `severity-conflict:${conflictId}`)).toMatchObject({
      severity: 'urgent',
      title: 'Severity set two ways: SEV3 (Sam) and SEV1 (Dana)',
      action: { kind: 'set-severity' },
    });
    const settled = state(...clash, at(5, 'conflict.settled', { conflictId, field: 'severity', value: 'SEV3' }));
    expect(ids(nextSteps(settled, policy, T0 + 6 * MIN)).filter((id) => id.startsWith('severity-conflict'))).toEqual([]);
  });

  it('orders by urgency, then by the earliest deadline', () => {
    const s = state(
      opening('SEV1'),
      assign(1, 'incident-commander', 'Dana'),
      assign(1, 'technical-lead', 'Dana'),
      at(2, 'workstream.opened', { workstreamId: 'w1', title: 'Logs', kind: 'investigate', owner: 'Sam', nextStep: '', checkInAt: T0 + 3 * MIN }),
      at(2, 'workstream.opened', { workstreamId: 'w2', title: 'Deploys', kind: 'investigate', owner: 'Kim', nextStep: '', checkInAt: T0 + 2 * MIN }),
    );
    const steps = nextSteps(s, policy, T0 + 4 * MIN);
    const severities = steps.map((x) => x.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['urgent', 'soon', 'info'].indexOf(a) - ['urgent', 'soon', 'info'].indexOf(b)));
    expect(ids(steps).slice(0, 3)).toEqual(['check-in:w2', 'check-in:w1', 'first-external-update']);
    expect(ids(steps)).toContain('ic-holds-tech-lead');
    expect(new Set(ids(steps)).size).toBe(steps.length);
  });
});

describe('nextSteps on any journal', () => {
  it('never throws, gives each step once, most urgent first', () => {
    const order = ['urgent', 'soon', 'info'];
    fc.assert(
      fc.property(arbitraryEventSequence('INC-9', { maxEvents: 60 }), fc.integer({ min: 0, max: 8_000_000_000_000 }), (events, now) => {
        const s = replay(events);
        if (!s) return;
        const steps = nextSteps(s, policy, now);
        expect(new Set(ids(steps)).size).toBe(steps.length);
        const ranks = steps.map((x) => order.indexOf(x.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('responder recovery after a SEV1/SEV2 closes', () => {
  const OFFICE: WorkingHours = { timeZone: BERLIN, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  const roster = [{ id: 'p1', name: 'Dana', contact: '', usualRoles: [], workingHours: OFFICE }];
  const leads = { ...DEFAULT_SETTINGS, showResponderToll: true, roster };
  const HOUR = 3_600_000;

  it("on a lead's console: who needs rest, with the Responders view as its action", () => {
    const steps = nextSteps(nightOfTheRollback(), leads, atBerlin(23));
    expect(find(steps, 'plan-recovery')).toEqual({
      id: 'plan-recovery',
      severity: 'soon',
      title: 'Plan recovery for one responder',
      detail: 'Dana: 5 h 20 on incident, 3 h 20 outside working hours — plan recovery. Rest comes before the review.',
      action: { kind: 'open-responders', label: 'See the responders' },
    });
  });

  it('not with the figures off, not for a SEV3, not once the review is held, not after three days', () => {
    expect(find(nextSteps(nightOfTheRollback(), { ...leads, showResponderToll: false }, atBerlin(23)), 'plan-recovery')).toBeUndefined();
    expect(find(nextSteps(nightOfTheRollback('SEV3'), leads, atBerlin(23)), 'plan-recovery')).toBeUndefined();
    expect(find(nextSteps(nightOfTheRollback('SEV1', false), leads, atBerlin(23)), 'plan-recovery')).toBeUndefined();
    const held = nightOfTheRollback();
    expect(find(nextSteps({ ...held, postmortem: { ...held.postmortem, reviewHeldAt: atBerlin(23) } }, leads, atBerlin(23)), 'plan-recovery')).toBeUndefined();
    const closedAt = held.timestamps.closedAt!;
    expect(find(nextSteps(held, leads, closedAt + RECOVERY_WINDOW_MS), 'plan-recovery')).toBeDefined();
    expect(find(nextSteps(held, leads, closedAt + RECOVERY_WINDOW_MS + HOUR), 'plan-recovery')).toBeUndefined();
  });
});
