import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEventSequence } from '../../tests/support/arbitrary-events';
import { formatStamp } from '../domain/hlc';
import type { EventDraft, IncidentEvent } from '../domain/events';
import type { Briefing, RoleKey, Severity } from '../domain/incident';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { BAD_DEPLOY } from './builtin/bad-deploy';
import { CRITERIA, debrief, type Debrief } from './debrief';
import type { InjectKind, Scenario } from './types';

// ---- a journal builder: drafts at drill minutes → events with ids, seq, stamps and times ----

const T0 = Date.UTC(2026, 10, 30, 10, 0);
const MIN = 60_000;
const policy = DEFAULT_SETTINGS;

interface Step {
  min: number;
  draft: EventDraft;
  actor: string;
  /** A name for the step, so a test can drop or replace it. */
  tag?: string;
}

function at<T extends EventDraft['type']>(min: number, type: T, payload: Extract<EventDraft, { type: T }>['payload'], actor = 'Dana', tag?: string): Step {
  return { min, draft: { type, payload } as EventDraft, actor, ...(tag ? { tag } : {}) };
}
const tagged = (tag: string, step: Step): Step => ({ ...step, tag });

/** Events in the order given; stamps follow the given order within one minute. */
function journal(steps: readonly Step[]): IncidentEvent[] {
  return steps.map(({ min, draft, actor }, i) => {
    const time = T0 + min * MIN;
    return { ...draft, id: `e${String(i + 1).padStart(3, '0')}`, incidentId: 'DRILL-1', seq: i + 1, hlc: formatStamp({ wall: time, counter: i, node: 'test' }), at: time, actor } as IncidentEvent;
  });
}
const without = (steps: readonly Step[], ...tags: string[]) => steps.filter((s) => !s.tag || !tags.includes(s.tag));
const replacing = (steps: readonly Step[], tag: string, ...by: Step[]) => steps.flatMap((s) => (s.tag === tag ? by : [s]));

// ---- the pieces of a response -------------------------------------------------------------

const drillOpening = (scenario: Scenario = BAD_DEPLOY, severity: Severity = 'SEV2') =>
  at(0, 'incident.detected', {
    title: scenario.name,
    severity,
    detectionSource: 'alert',
    summary: '',
    impactStartedAt: null,
    detectedAt: null,
    drill: { scenario, facilitator: 'Fran', facilitatorConsole: 'console-f', speed: 5, wallAt: T0 },
  }, 'Fran');
const liveOpening = (severity: Severity) =>
  at(0, 'incident.declared', { title: 'Live', severity, detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null });
const inject = (min: number, injectId: string, kind: InjectKind, text: string, from = '') =>
  at(min, 'drill.injected', { injectId, kind, text, from, manual: false }, 'Fran');
const promote = (min: number, severity: Severity) => at(min, 'incident.promoted', { severity, reason: '' });
const assign = (min: number, role: RoleKey, name: string) => at(min, 'role.assigned', { role, name, contact: '' });
const log = (min: number, kind: 'note' | 'decision' | 'hypothesis' | 'finding' | 'comms', text: string, entryId = `entry-${min}-${kind}`, attribution: string | null = null) =>
  at(min, 'timeline.logged', { entryId, text, kind, occurredAt: T0 + min * MIN, attribution, workstreamId: null });
const openWs = (min: number, workstreamId: string, title: string, owner: string, checkInMin: number | null) =>
  at(min, 'workstream.opened', { workstreamId, title, kind: 'investigate', owner, nextStep: '', checkInAt: checkInMin === null ? null : T0 + checkInMin * MIN });
const approve = (min: number, draftId: string, kind: 'external' | 'resolution' = 'external') => at(min, 'update.approved', { draftId, kind, bodyHash: 'h' });
const send = (min: number, audience: 'internal' | 'external', kind: 'internal' | 'external' | 'resolution', draftId: string) =>
  at(min, 'update.sent', { updateId: `u-${draftId}`, draftId, audience, kind, channel: audience === 'external' ? 'status page' : '#inc-checkout', recipients: '', body: 'text', dueAt: null }, 'Lee');
const status = (min: number, from: 'investigating' | 'identified' | 'mitigated', to: 'mitigated' | 'resolved') => at(min, 'incident.statusChanged', { from, to, reason: '', reviewNeeded: null });
const briefing = (situation: string): Briefing => ({ situation, actions: '', decisions: '', nextUpdate: '' });

/** A deliberately good run of the bad-deploy drill (SEV2 expected). */
const GOOD: readonly Step[] = [
  drillOpening(),
  inject(0, 'checkout-5xx', 'alert', 'CheckoutHighErrorRate firing'),
  tagged('declare', promote(1, 'SEV2')),
  tagged('ic', assign(1, 'incident-commander', 'Dana')),
  tagged('tl', assign(1, 'technical-lead', 'Sam')),
  assign(2, 'communications-lead', 'Lee'),
  tagged('scribe', assign(2, 'scribe', 'Kim')),
  at(2, 'cadence.set', { audience: 'internal', intervalMinutes: 30, firstMinutes: null, reason: 'SEV2 policy' }),
  tagged('hypothesis', log(3, 'hypothesis', 'The deploy at T-3 broke checkout', 'h1')),
  tagged('ws1', openWs(3, 'w1', 'Investigate the deploy', 'Sam', 13)),
  tagged('ws2', openWs(4, 'w2', 'Customer comms', 'Lee', 14)),
  inject(7, 'deploy-found', 'finding', 'checkout v2024.11.3 deployed at T-3'),
  tagged('finding', log(8, 'finding', 'Release #4711 matches the start of the errors')),
  tagged('decision', log(9, 'decision', 'Roll back #4711 rather than fix forward')),
  inject(10, 'ceo-asks', 'stakeholder', 'When will checkout be back?', 'CEO'),
  tagged('answer', log(11, 'comms', 'Told the CEO: rollback under way, next update 10:30', 'answer', '@CEO')),
  tagged('approve-1', approve(12, 'd1')),
  tagged('external-1', send(12, 'external', 'external', 'd1')),
  at(13, 'workstream.updated', { workstreamId: 'w1', changes: { nextStep: 'rolling back', checkInAt: T0 + 23 * MIN } }),
  at(14, 'workstream.updated', { workstreamId: 'w2', changes: { checkInAt: T0 + 24 * MIN } }),
  tagged('internal-1', send(14, 'internal', 'internal', 'i1')),
  tagged('page', at(16, 'escalation.paged', { target: 'DB on-call', contact: '', tier: null, reason: 'check the migration', dueAt: null })),
  tagged('ack', at(17, 'escalation.acknowledged', { by: 'Mei' }, 'Mei')),
  tagged('mitigated', status(20, 'investigating', 'mitigated')),
  at(22, 'workstream.updated', { workstreamId: 'w1', changes: { status: 'done' } }),
  at(23, 'workstream.updated', { workstreamId: 'w2', changes: { status: 'done' } }),
  tagged('handoff', at(25, 'role.handedOff', { role: 'scribe', from: 'Kim', name: 'Jo', contact: '', briefing: briefing('Rolled back; watching error rate') }, 'Kim')),
  tagged('internal-2', send(28, 'internal', 'internal', 'i2')),
  tagged('approve-r', approve(30, 'r1', 'resolution')),
  tagged('resolution', send(30, 'external', 'resolution', 'r1')),
  tagged('resolved', status(31, 'mitigated', 'resolved')),
  tagged('end', at(32, 'drill.clockSet', { action: 'end', speed: 5, wallAt: T0 + 7 * MIN, drillAt: T0 + 32 * MIN }, 'Fran')),
];

const run = (steps: readonly Step[]) => debrief(journal(steps), policy);
const criterion = (d: Debrief, id: string) => {
  const found = d.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};
const met = (steps: readonly Step[], id: string) => criterion(run(steps), id).met;

describe('debrief of a good run', () => {
  const good = run(GOOD);

  it('meets every criterion that applies, and scores 100 everywhere', () => {
    const missed = good.criteria.filter((c) => c.met === false).map((c) => `${c.id}: ${c.why}`);
    expect(missed).toEqual([]);
    expect(good.criteria.filter((c) => c.met === null).map((c) => c.id)).toEqual(['first-external-on-time']);
    expect(good.categories.map((c) => c.score)).toEqual([100, 100, 100, 100, 100]);
    expect(good.overall).toBe(100);
    expect(good).toMatchObject({ incidentId: 'DRILL-1', scenarioId: 'bad-deploy', startedAt: T0 });
  });

  it('gives evidence that points at real events, with their drill times', () => {
    const events = new Map(journal(GOOD).map((e) => [e.id, e]));
    for (const c of good.criteria) {
      if (c.met) expect(c.evidence.length, c.id).toBeGreaterThan(0);
      for (const e of c.evidence) expect(events.get(e.eventId)?.at, `${c.id} ${e.eventId}`).toBe(e.at);
    }
    expect(criterion(good, 'severity-on-time').evidence[0]).toMatchObject({ at: T0 + MIN, text: 'SEV2 set by Dana at T+1:00' });
  });

  it('names who took part, with their roles, and leaves the facilitator out', () => {
    expect(good.participants.map((p) => p.name)).toEqual(['Dana', 'Jo', 'Kim', 'Lee', 'Mei', 'Sam']);
    expect(good.participants.find((p) => p.name === 'Dana')).toMatchObject({ roles: ['incident-commander'] });
    expect(good.participants.find((p) => p.name === 'Lee')!.actions).toBeGreaterThan(3);
  });

  it('is the same whatever order the events arrive in (they are ordered by stamp)', () => {
    const events = journal(GOOD);
    expect(debrief([...events].reverse(), policy)).toEqual(good);
  });

  it('covers the five categories with the criteria the issue names', () => {
    expect(new Set(CRITERIA.map((c) => c.category)).size).toBe(5);
    expect(CRITERIA.length).toBeGreaterThanOrEqual(17);
  });
});

describe('each criterion: met, and missed', () => {
  it('severity set within 5 min of the first inject', () => {
    expect(met(GOOD, 'severity-on-time')).toBe(true);
    expect(met(replacing(GOOD, 'declare', promote(7, 'SEV2')), 'severity-on-time')).toBe(false);
    expect(met(without(GOOD, 'declare'), 'severity-on-time')).toBe(false);
    // Exactly five minutes is in time.
    expect(met(replacing(GOOD, 'declare', promote(5, 'SEV2')), 'severity-on-time')).toBe(true);
  });

  it("severity matches the scenario's (the one in force at the end)", () => {
    expect(met(GOOD, 'severity-matches')).toBe(true);
    expect(met(replacing(GOOD, 'declare', promote(1, 'SEV3')), 'severity-matches')).toBe(false);
    const raised = replacing(GOOD, 'declare', promote(1, 'SEV3'), at(6, 'incident.severityChanged', { from: 'SEV3', to: 'SEV2', reason: 'a third of checkouts fail' }));
    expect(met(raised, 'severity-matches')).toBe(true);
    expect(met([liveOpening('SEV2')], 'severity-matches')).toBeNull();
  });

  it('hypothesis recorded', () => {
    expect(met(GOOD, 'hypothesis-recorded')).toBe(true);
    expect(met(without(GOOD, 'hypothesis'), 'hypothesis-recorded')).toBe(false);
  });

  it('hypothesis revised: a later finding, hypothesis, amendment or strike', () => {
    expect(met(GOOD, 'hypothesis-revised')).toBe(true);
    const alone = without(GOOD, 'finding');
    expect(met(alone, 'hypothesis-revised')).toBe(false);
    expect(met([...alone, at(15, 'timeline.struck', { entryId: 'h1', reason: 'disproved by the network team' })], 'hypothesis-revised')).toBe(true);
    expect(met([...alone, at(15, 'timeline.amended', { entryId: 'h1', text: 'The pool, not the deploy', kind: 'hypothesis' })], 'hypothesis-revised')).toBe(true);
    // A finding logged before the hypothesis does not revise it.
    expect(met(replacing(alone, 'hypothesis', log(2, 'finding', 'errors from 09:57'), log(3, 'hypothesis', 'the deploy', 'h1')), 'hypothesis-revised')).toBe(false);
    expect(met(without(GOOD, 'hypothesis'), 'hypothesis-revised')).toBeNull();
  });

  it('workstreams opened, each with an owner', () => {
    expect(met(GOOD, 'workstreams-owned')).toBe(true);
    expect(met(replacing(GOOD, 'ws2', openWs(4, 'w2', 'Customer comms', '', 14)), 'workstreams-owned')).toBe(false);
    expect(met(without(GOOD, 'ws1', 'ws2'), 'workstreams-owned')).toBe(false);
  });

  it('workstream check-ins set and none missed', () => {
    expect(met(GOOD, 'workstream-check-ins')).toBe(true);
    const missed = [...GOOD.slice(0, -1), at(24, 'deadline.missed', { key: 'check-in:w1:x', kind: 'check-in', dueAt: T0 + 23 * MIN, label: 'Investigate the deploy check-in missed' }, 'system')];
    expect(met(missed, 'workstream-check-ins')).toBe(false);
    expect(met(replacing(GOOD, 'ws2', openWs(4, 'w3', 'Logs', 'Kim', null)), 'workstream-check-ins')).toBe(false);
    expect(met(without(GOOD, 'ws1', 'ws2'), 'workstream-check-ins')).toBeNull();
  });

  it('mitigated before resolved', () => {
    expect(met(GOOD, 'mitigation-before-resolution')).toBe(true);
    expect(met(replacing(without(GOOD, 'mitigated'), 'resolved', status(31, 'investigating', 'resolved')), 'mitigation-before-resolution')).toBe(false);
    expect(met(without(GOOD, 'resolved'), 'mitigation-before-resolution')).toBeNull();
  });

  it('escalation acknowledged, when paged', () => {
    expect(met(GOOD, 'escalation-acknowledged')).toBe(true);
    expect(met(without(GOOD, 'ack'), 'escalation-acknowledged')).toBe(false);
    expect(met(without(GOOD, 'page', 'ack'), 'escalation-acknowledged')).toBeNull();
  });

  it('internal cadence kept: no missed deadline, no gap longer than the interval', () => {
    expect(met(GOOD, 'internal-cadence')).toBe(true);
    // Declared at T+1 and resolved at T+31: thirty minutes of silence is exactly the SEV2 interval.
    expect(met(without(GOOD, 'internal-1', 'internal-2'), 'internal-cadence')).toBe(true);
    const longer = replacing(without(GOOD, 'internal-1', 'internal-2', 'end'), 'resolved', status(40, 'mitigated', 'resolved'));
    expect(met(longer, 'internal-cadence')).toBe(false);
    expect(criterion(run(longer), 'internal-cadence').why).toContain('No internal update in the last 39:00 before resolution');
    expect(met(without(GOOD, 'internal-2'), 'internal-cadence')).toBe(true);
    // The first update more than 30 min after declaration.
    const late = replacing(without(GOOD, 'internal-2'), 'internal-1', send(31.5, 'internal', 'internal', 'i1'));
    expect(met(late, 'internal-cadence')).toBe(false);
    const recorded = [...GOOD, at(33, 'deadline.missed', { key: 'cadence:internal:1', kind: 'cadence', dueAt: T0, label: 'Internal update overdue' }, 'system')];
    expect(met(recorded, 'internal-cadence')).toBe(false);
    expect(met([liveOpening('SEV4')], 'internal-cadence')).toBeNull();
  });

  it('stakeholder questions answered before the next internal update is due', () => {
    expect(met(GOOD, 'stakeholders-answered')).toBe(true);
    const ask = [drillOpening(), promote(1, 'SEV2'), inject(10, 'ceo-asks', 'stakeholder', 'When will checkout be back?', 'CEO')];
    expect(met(ask, 'stakeholders-answered')).toBe(false);
    expect(met([...ask, log(12, 'note', 'Rollback started')], 'stakeholders-answered')).toBe(false);
    expect(met([...ask, log(12, 'note', 'Replied to the CEO: 20 min')], 'stakeholders-answered')).toBe(true);
    expect(met([...ask, log(12, 'note', 'ETA 20 min', 'n1', '@ceo')], 'stakeholders-answered')).toBe(true);
    expect(met([...ask, send(12, 'internal', 'internal', 'i9')], 'stakeholders-answered')).toBe(true);
    // Within 15 min (or the internal interval, if shorter): later is too late.
    expect(met([...ask, log(25, 'comms', 'Answered the CEO')], 'stakeholders-answered')).toBe(true);
    expect(met([...ask, log(26, 'comms', 'Answered the CEO')], 'stakeholders-answered')).toBe(false);
    expect(met(ask.slice(0, 2), 'stakeholders-answered')).toBeNull();
  });

  it('first external update within 5 min at SEV1, from declaration or from the raise to SEV1', () => {
    const sev1 = (external: Step[]) => [liveOpening('SEV1'), ...external];
    expect(met(sev1([approve(4, 'd1'), send(4, 'external', 'external', 'd1')]), 'first-external-on-time')).toBe(true);
    expect(met(sev1([approve(7, 'd1'), send(7, 'external', 'external', 'd1')]), 'first-external-on-time')).toBe(false);
    expect(met(sev1([]), 'first-external-on-time')).toBe(false);
    const raised = [liveOpening('SEV2'), at(10, 'incident.severityChanged', { from: 'SEV2', to: 'SEV1', reason: '' }), send(13, 'external', 'external', 'd1')];
    expect(met(raised, 'first-external-on-time')).toBe(true);
    expect(met([...raised.slice(0, 2), send(16, 'external', 'external', 'd1')], 'first-external-on-time')).toBe(false);
    // A drill detected at SEV1 counts from its declaration, not from the detection.
    const detected = [drillOpening(BAD_DEPLOY, 'SEV1'), promote(3, 'SEV1'), send(7, 'external', 'external', 'd1')];
    expect(met(detected, 'first-external-on-time')).toBe(true);
    expect(met(GOOD, 'first-external-on-time')).toBeNull();
  });

  it('external updates approved before sending', () => {
    expect(met(GOOD, 'external-approved')).toBe(true);
    expect(met(without(GOOD, 'approve-1'), 'external-approved')).toBe(false);
    const lateApproval = replacing(without(GOOD, 'approve-1'), 'external-1', send(12, 'external', 'external', 'd1'), approve(13, 'd1'));
    expect(met(lateApproval, 'external-approved')).toBe(false);
    // With a policy that needs no approval for external updates, only the resolution update counts.
    const relaxed = { ...policy, approvalRequired: { ...policy.approvalRequired, external: false } };
    expect(criterion(debrief(journal(without(GOOD, 'approve-1')), relaxed), 'external-approved').met).toBe(true);
    expect(met(without(GOOD, 'approve-1', 'external-1', 'approve-r', 'resolution'), 'external-approved')).toBeNull();
  });

  it('resolution update sent', () => {
    expect(met(GOOD, 'resolution-update-sent')).toBe(true);
    expect(met(without(GOOD, 'resolution', 'approve-r'), 'resolution-update-sent')).toBe(false);
    expect(met(without(GOOD, 'resolved'), 'resolution-update-sent')).toBeNull();
  });

  it('IC assigned within 5 min', () => {
    expect(met(GOOD, 'ic-assigned')).toBe(true);
    expect(met(replacing(GOOD, 'ic', assign(8, 'incident-commander', 'Dana')), 'ic-assigned')).toBe(false);
    expect(met(without(GOOD, 'ic'), 'ic-assigned')).toBe(false);
  });

  it('IC not also technical lead (beyond 5 minutes)', () => {
    expect(met(GOOD, 'ic-not-tech-lead')).toBe(true);
    expect(met(replacing(GOOD, 'tl', assign(1, 'technical-lead', 'dana')), 'ic-not-tech-lead')).toBe(false);
    expect(met(replacing(GOOD, 'tl', assign(1, 'technical-lead', 'Dana'), assign(4, 'technical-lead', 'Sam')), 'ic-not-tech-lead')).toBe(true);
    expect(met(replacing(GOOD, 'tl', assign(1, 'technical-lead', 'Dana'), assign(9, 'technical-lead', 'Sam')), 'ic-not-tech-lead')).toBe(false);
    expect(met(without(GOOD, 'ic'), 'ic-not-tech-lead')).toBeNull();
  });

  it('required roles filled, per the policy at the final severity', () => {
    expect(met(GOOD, 'required-roles-filled')).toBe(true);
    const noScribe = without(GOOD, 'scribe', 'handoff');
    expect(met(noScribe, 'required-roles-filled')).toBe(false);
    expect(criterion(run(noScribe), 'required-roles-filled').why).toContain('Scribe');
    // At SEV3 only the IC is required.
    expect(met(replacing(noScribe, 'declare', promote(1, 'SEV3')), 'required-roles-filled')).toBe(true);
    expect(met([liveOpening('SEV4')], 'required-roles-filled')).toBeNull();
  });

  it('decisions logged', () => {
    expect(met(GOOD, 'decisions-logged')).toBe(true);
    expect(met(without(GOOD, 'decision'), 'decisions-logged')).toBe(false);
  });

  it('handoffs with a briefing', () => {
    expect(met(GOOD, 'handoff-briefed')).toBe(true);
    const bare = at(25, 'role.handedOff', { role: 'scribe', from: 'Kim', name: 'Jo', contact: '', briefing: briefing('  ') }, 'Kim');
    expect(met(replacing(GOOD, 'handoff', bare), 'handoff-briefed')).toBe(false);
    // Assigning over the holder is a change of hands with no briefing at all.
    expect(met(replacing(GOOD, 'handoff', assign(25, 'scribe', 'Jo')), 'handoff-briefed')).toBe(false);
    expect(met(without(GOOD, 'handoff'), 'handoff-briefed')).toBeNull();
  });
});

describe('scores', () => {
  it('a deliberately poor run scores low, per category and overall', () => {
    const poor = run([
      drillOpening(),
      inject(0, 'checkout-5xx', 'alert', 'CheckoutHighErrorRate firing'),
      promote(9, 'SEV3'),
      assign(9, 'incident-commander', 'Dana'),
      assign(9, 'technical-lead', 'Dana'),
      inject(10, 'ceo-asks', 'stakeholder', 'When will checkout be back?', 'CEO'),
      send(30, 'external', 'external', 'd1'),
      status(75, 'investigating', 'resolved'),
    ]);
    expect(poor.overall).toBeLessThan(20);
    for (const c of poor.categories) expect(c.score === null || c.score < 50, c.category).toBe(true);
    expect(poor.categories.find((c) => c.category === 'command')).toMatchObject({ met: 1, applicable: 4, score: 25 });
  });

  it('an empty journal applies nothing', () => {
    const empty = debrief([], policy);
    expect(empty.overall).toBeNull();
    expect(empty.criteria.every((c) => c.met === null)).toBe(true);
  });
});

describe('debrief of any journal', () => {
  it('never throws; scores stay within 0–100 and evidence points at events of the journal', () => {
    fc.assert(
      fc.property(arbitraryEventSequence('INC-9', { maxEvents: 60 }), (events) => {
        const d = debrief(events, policy);
        const ids = new Set(events.map((e) => e.id));
        expect(d.criteria).toHaveLength(CRITERIA.length);
        for (const c of d.criteria) for (const e of c.evidence) expect(ids.has(e.eventId)).toBe(true);
        for (const c of d.categories) {
          expect(c.met).toBeLessThanOrEqual(c.applicable);
          if (c.score !== null) expect(c.score >= 0 && c.score <= 100).toBe(true);
        }
        if (d.overall !== null) expect(d.overall >= 0 && d.overall <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
