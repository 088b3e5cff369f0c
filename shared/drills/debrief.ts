import { formatSpan } from '../domain/clocks';
import type { IncidentEvent } from '../domain/events';
import { compareStamped } from '../domain/hlc';
import { ROLE_LABELS, type IncidentState, type Millis, type RoleKey, type Severity } from '../domain/incident';
import { applyEvent } from '../domain/reducer';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { DEBRIEF_CATEGORIES, DEBRIEF_CATEGORY_LABELS, type DebriefCategory } from './types';

/**
 * The drill's debrief: named criteria in the seeds' five categories, each decided from the
 * journal with the events that decided it. Pure: the same journal always scores the same. In a
 * drill every `at` is drill time, so the minutes below are minutes of the drill.
 */

export interface Evidence {
  eventId: string;
  at: Millis;
  text: string;
}

export interface Criterion {
  id: string;
  category: DebriefCategory;
  label: string;
  /** null: does not apply to this run (nothing was paged, nobody handed off…). */
  met: boolean | null;
  evidence: Evidence[];
  why: string;
}

export interface CategoryScore {
  category: DebriefCategory;
  label: string;
  met: number;
  applicable: number;
  /** met / applicable as 0–100, or null when nothing in the category applied. */
  score: number | null;
}

/** Someone who took part: for the history per person. */
export interface Participant {
  name: string;
  roles: RoleKey[];
  /** Changes they made themselves (notes, roles, updates, status…). */
  actions: number;
}

export interface Debrief {
  incidentId: string;
  scenarioId: string | null;
  scenarioName: string | null;
  /** The opening's time: the drill's start. */
  startedAt: Millis;
  criteria: Criterion[];
  categories: CategoryScore[];
  /** The mean of the category scores that apply, 0–100; null when none does. */
  overall: number | null;
  participants: Participant[];
}

export type DebriefPolicy = Pick<Settings, 'requiredRoles' | 'cadence'> & Partial<Pick<Settings, 'approvalRequired'>>;

/** The seeds' triage window: severity, an IC and a first hypothesis within five minutes. */
export const TRIAGE_MINUTES = 5;
/** The IC may hold the technical lead this long (the first responder often starts alone), not longer. */
export const IC_TECH_LEAD_GRACE_MINUTES = 5;
/** A stakeholder's question is answered within this, or within the internal update interval when that is shorter. */
export const STAKEHOLDER_ANSWER_MINUTES = 15;
/** Without an approval policy, the kinds that go outside need the IC's approval (the settings' default). */

const MIN = 60_000;

/** Types a person makes (the rest are the engine's: injects, alerts, missed deadlines, policy pages). */
const PERSON_MADE = new Set<IncidentEvent['type']>([
  'incident.declared',
  'incident.promoted',
  'incident.dismissed',
  'incident.statusChanged',
  'incident.severityChanged',
  'incident.timeSet',
  'incident.edited',
  'role.assigned',
  'role.handedOff',
  'role.released',
  'responder.joined',
  'responder.left',
  'workstream.opened',
  'workstream.updated',
  'timeline.logged',
  'timeline.amended',
  'timeline.struck',
  'timeline.pinned',
  'cadence.set',
  'escalation.acknowledged',
  'update.approved',
  'update.sent',
  'checklist.ticked',
]);

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;
const isType =
  <T extends IncidentEvent['type']>(...types: T[]) =>
  (e: IncidentEvent): e is Of<T> =>
    (types as string[]).includes(e.type);
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What one pass over the journal learns, beyond the final state. */
interface Walk {
  events: IncidentEvent[];
  final: IncidentState;
  start: Millis;
  /** The drill's end, else the last event's time. */
  end: Millis;
  /** Severity as each decision left it: the opening declaration, a promotion, a change. */
  severityDecisions: Array<{ event: IncidentEvent; severity: Severity }>;
  /** When it was first SEV1 while declared (the event that made it so). */
  sev1From: IncidentEvent | null;
  /** Each stretch when the IC also held the technical lead. */
  icTechLead: Array<{ from: IncidentEvent; to: Millis | null }>;
  /** The first event that put someone in each role. */
  firstHeld: Partial<Record<RoleKey, IncidentEvent>>;
  /** Roles that changed hands: with a handoff (and its briefing), or by assigning over the holder. */
  handovers: Array<{ event: IncidentEvent; role: RoleKey; from: string; to: string; briefed: boolean }>;
  /** Entry ids that were hypotheses when logged or amended into one. */
  hypothesisIds: Set<string>;
}

function walk(events: readonly IncidentEvent[]): Walk | null {
  const ordered = [...events].sort(compareStamped);
  const opening = ordered.find(isType('incident.declared', 'incident.detected'));
  if (!opening) return null;
  const mine = ordered.filter((e) => e.incidentId === opening.incidentId);
  let state: IncidentState | null = null;
  const w: Omit<Walk, 'final' | 'end'> = {
    events: mine,
    start: opening.at,
    severityDecisions: [],
    sev1From: null,
    icTechLead: [],
    firstHeld: {},
    handovers: [],
    hypothesisIds: new Set(),
  };
  for (const e of mine) {
    if (state && e.type === 'role.assigned') {
      const before = state.roles[e.payload.role];
      if (before && !sameName(before.name, e.payload.name)) w.handovers.push({ event: e, role: e.payload.role, from: before.name, to: e.payload.name, briefed: false });
    }
    if (e.type === 'role.handedOff') {
      const b = e.payload.briefing;
      const briefed = [b.situation, b.actions, b.decisions, b.nextUpdate].some((s) => s.trim() !== '');
      w.handovers.push({ event: e, role: e.payload.role, from: e.payload.from, to: e.payload.name, briefed });
    }
    if (e.type === 'timeline.logged' && e.payload.kind === 'hypothesis') w.hypothesisIds.add(e.payload.entryId);
    if (e.type === 'timeline.amended' && e.payload.kind === 'hypothesis') w.hypothesisIds.add(e.payload.entryId);
    const severityBefore = state?.severity;
    state = applyEvent(state, e);
    if (!state) continue;
    if ((e === opening && e.type === 'incident.declared') || e.type === 'incident.promoted' || (e.type === 'incident.severityChanged' && state.severity !== severityBefore)) {
      w.severityDecisions.push({ event: e, severity: state.severity });
    }
    if (!w.sev1From && state.severity === 'SEV1' && state.timestamps.declaredAt !== null) w.sev1From = e;
    for (const role of Object.keys(state.roles) as RoleKey[]) w.firstHeld[role] ??= e;
    const ic = state.roles['incident-commander'];
    const tl = state.roles['technical-lead'];
    const both = !!ic && !!tl && sameName(ic.name, tl.name);
    const open = w.icTechLead[w.icTechLead.length - 1];
    if (both && (!open || open.to !== null)) w.icTechLead.push({ from: e, to: null });
    if (!both && open && open.to === null) open.to = e.at;
  }
  const final = state!;
  const ended = final.drill?.endedAt ?? null;
  return { ...w, final, end: ended ?? mine[mine.length - 1]!.at };
}

function evidence(e: IncidentEvent, text: string): Evidence {
  return { eventId: e.id, at: e.at, text };
}

type Rule = (w: Walk, policy: DebriefPolicy) => Omit<Criterion, 'id' | 'category' | 'label'>;

interface RuleDef {
  id: string;
  category: DebriefCategory;
  label: string;
  rule: Rule;
}

const na = (why: string) => ({ met: null, evidence: [], why });

/** The drill's first inject (its first signal), or the opening when there was none. */
function firstSignal(w: Walk): IncidentEvent {
  return w.events.find(isType('drill.injected')) ?? w.events[0]!;
}

const tPlus = (w: Walk, at: Millis) => `T+${formatSpan(at - w.start)}`;

const severityOnTime: Rule = (w) => {
  const signal = firstSignal(w);
  const deadline = signal.at + TRIAGE_MINUTES * MIN;
  const first = w.severityDecisions[0];
  if (!first) return { met: false, evidence: [], why: 'Nobody declared the incident, so no severity was ever set.' };
  const ev = [evidence(first.event, `${first.severity} set by ${first.event.actor} at ${tPlus(w, first.event.at)}`)];
  if (first.event.at <= deadline) return { met: true, evidence: ev, why: `Severity set ${formatSpan(first.event.at - signal.at)} after the first signal (within ${TRIAGE_MINUTES} min).` };
  return { met: false, evidence: ev, why: `Severity first set ${formatSpan(first.event.at - signal.at)} after the first signal; triage should set it within ${TRIAGE_MINUTES} min.` };
};

const severityMatches: Rule = (w) => {
  const expected = w.final.drill?.scenario.expectedSeverity;
  if (!expected) return na('No scenario says what the severity should be.');
  const last = w.severityDecisions[w.severityDecisions.length - 1];
  if (!last) return { met: false, evidence: [], why: `No severity was set; the scenario expects ${expected}.` };
  const ev = w.severityDecisions.map((d) => evidence(d.event, `${d.severity} at ${tPlus(w, d.event.at)}`));
  return last.severity === expected
    ? { met: true, evidence: ev, why: `The response reached ${expected}, the severity the scenario expects.` }
    : { met: false, evidence: ev, why: `The response ended at ${last.severity}; the scenario expects ${expected}.` };
};

const hypothesisRecorded: Rule = (w) => {
  const entries = w.events.filter(isType('timeline.logged', 'timeline.amended')).filter((e) => e.payload.kind === 'hypothesis');
  if (!entries.length) return { met: false, evidence: [], why: 'No hypothesis was logged: the team investigated without writing down what it was testing.' };
  const first = entries[0]!;
  return { met: true, evidence: [evidence(first, first.payload.text)], why: `A hypothesis was logged at ${tPlus(w, first.at)}.` };
};

const hypothesisRevised: Rule = (w) => {
  const firstHypothesis = w.events.filter(isType('timeline.logged', 'timeline.amended')).find((e) => e.payload.kind === 'hypothesis');
  if (!firstHypothesis) return na('No hypothesis to revise.');
  const later = w.events.filter(isType('timeline.logged', 'timeline.amended', 'timeline.struck')).filter(
    (e) =>
      compareStamped(e, firstHypothesis) > 0 &&
      ((e.type === 'timeline.logged' && (e.payload.kind === 'hypothesis' || e.payload.kind === 'finding')) ||
        (e.type === 'timeline.amended' && w.hypothesisIds.has(e.payload.entryId)) ||
        (e.type === 'timeline.struck' && w.hypothesisIds.has(e.payload.entryId))),
  );
  const hit = later[0];
  if (!hit) return { met: false, evidence: [evidence(firstHypothesis, firstHypothesis.payload.text)], why: 'The first hypothesis was never revised, replaced, struck or tested by a finding on the record.' };
  const what = hit.type === 'timeline.struck' ? 'struck' : hit.type === 'timeline.amended' ? 'amended' : `followed by a ${hit.payload.kind}`;
  const text = hit.type === 'timeline.struck' ? hit.payload.reason || 'struck' : hit.payload.text;
  return { met: true, evidence: [evidence(firstHypothesis, firstHypothesis.payload.text), evidence(hit, text)], why: `The hypothesis was ${what} at ${tPlus(w, hit.at)}.` };
};

const workstreamsOwned: Rule = (w) => {
  const opened = w.events.filter(isType('workstream.opened'));
  if (!opened.length) return { met: false, evidence: [], why: 'No workstream was opened: parallel work went untracked.' };
  const ev = opened.map((e) => evidence(e, `${e.payload.title} — ${e.payload.owner || 'no owner'}`));
  const ownerless = w.final.workstreams.filter((s) => !s.owner.trim());
  return ownerless.length
    ? { met: false, evidence: ev, why: `${ownerless.map((s) => s.title).join(', ')} had no owner.` }
    : { met: true, evidence: ev, why: `${opened.length} workstream${opened.length > 1 ? 's' : ''}, each with an owner.` };
};

const workstreamCheckIns: Rule = (w) => {
  const opened = w.events.filter(isType('workstream.opened'));
  if (!opened.length) return na('No workstreams.');
  const withCheckIn = new Set<string>();
  for (const e of w.events) {
    if (e.type === 'workstream.opened' && e.payload.checkInAt !== null) withCheckIn.add(e.payload.workstreamId);
    if (e.type === 'workstream.updated' && e.payload.changes.checkInAt) withCheckIn.add(e.payload.workstreamId);
  }
  const missed = w.events.filter(isType('deadline.missed')).filter((e) => e.payload.kind === 'check-in');
  const never = opened.filter((e) => !withCheckIn.has(e.payload.workstreamId));
  const ev = [...missed.map((e) => evidence(e, e.payload.label)), ...never.map((e) => evidence(e, `${e.payload.title}: no check-in time`))];
  if (missed.length) return { met: false, evidence: ev, why: `${missed.length} check-in${missed.length > 1 ? 's were' : ' was'} missed.` };
  if (never.length) return { met: false, evidence: ev, why: `${never.map((e) => e.payload.title).join(', ')} never had a check-in time.` };
  return { met: true, evidence: opened.map((e) => evidence(e, e.payload.title)), why: 'Every workstream had a check-in time and none was missed.' };
};

const mitigationBeforeResolution: Rule = (w) => {
  const t = w.final.timestamps;
  if (t.resolvedAt === null) return na('Not resolved during the drill.');
  const moves = w.events.filter(isType('incident.statusChanged')).filter((e) => e.payload.to === 'mitigated' || e.payload.to === 'resolved');
  const ev = moves.map((e) => evidence(e, `${e.payload.to} at ${tPlus(w, e.payload.at ?? e.at)}`));
  if (t.mitigatedAt !== null && t.mitigatedAt < t.resolvedAt) {
    return { met: true, evidence: ev, why: `Mitigated at ${tPlus(w, t.mitigatedAt)}, resolved ${formatSpan(t.resolvedAt - t.mitigatedAt)} later.` };
  }
  return { met: false, evidence: ev, why: 'Resolved without first marking it mitigated: stopping the impact and fixing the cause were not kept apart.' };
};

const escalationAcknowledged: Rule = (w) => {
  const pages = w.events.filter(isType('escalation.paged'));
  if (!pages.length) return na('Nobody was paged.');
  const ack = w.events.find(isType('escalation.acknowledged'));
  const ev = [evidence(pages[0]!, `Paged ${pages[0]!.payload.target}`)];
  return ack
    ? { met: true, evidence: [...ev, evidence(ack, `Acknowledged by ${ack.payload.by}`)], why: `Acknowledged ${formatSpan(ack.at - pages[0]!.at)} after the first page.` }
    : { met: false, evidence: ev, why: 'Paged, and never acknowledged: escalation kept climbing.' };
};

/** The internal interval in force: the incident's own clock, else the policy's for the final severity. */
function internalIntervalMs(w: Walk, policy: DebriefPolicy): number | null {
  if (w.final.cadence.internal.intervalMs !== null) return w.final.cadence.internal.intervalMs;
  const minutes = policy.cadence[w.final.severity]?.internalMinutes ?? null;
  return minutes === null ? null : minutes * MIN;
}

const internalCadence: Rule = (w, policy) => {
  const declaredAt = w.final.timestamps.declaredAt;
  const interval = internalIntervalMs(w, policy);
  if (declaredAt === null) return na('Never declared: no cadence ran.');
  if (interval === null) return na(`No internal cadence at ${w.final.severity}.`);
  const missed = w.events.filter(isType('deadline.missed')).filter((e) => e.payload.kind === 'cadence' && e.payload.key.startsWith('cadence:internal'));
  const sent = w.events.filter(isType('update.sent')).filter((e) => e.payload.audience === 'internal');
  const stop = Math.min(w.final.timestamps.resolvedAt ?? Infinity, w.end);
  // Gaps longer than the interval: declaration → first update, between updates, last update → resolution.
  const late: Evidence[] = [];
  let previous = declaredAt;
  for (const e of sent) {
    if (e.at - previous > interval) late.push(evidence(e, `Internal update ${formatSpan(e.at - previous - interval)} late`));
    previous = Math.max(previous, e.at);
  }
  const silentToEnd = stop - previous > interval;
  const ev = [...missed.map((e) => evidence(e, e.payload.label)), ...late];
  if (missed.length || late.length || silentToEnd) {
    const tail = silentToEnd ? ` No internal update in the last ${formatSpan(stop - previous)} before ${w.final.timestamps.resolvedAt !== null ? 'resolution' : 'the end'}.` : '';
    return { met: false, evidence: ev, why: `The internal cadence (every ${interval / MIN} min) was not kept.${tail}` };
  }
  return { met: true, evidence: sent.map((e) => evidence(e, `Internal update via ${e.payload.channel}`)), why: `Internal updates at least every ${interval / MIN} min.` };
};

const stakeholdersAnswered: Rule = (w, policy) => {
  const asks = w.events.filter(isType('drill.injected')).filter((e) => e.payload.kind === 'stakeholder');
  if (!asks.length) return na('No stakeholder asked anything.');
  const ev: Evidence[] = [];
  const unanswered: string[] = [];
  const minutes = Math.min(policy.cadence[w.final.severity]?.internalMinutes ?? Infinity, STAKEHOLDER_ANSWER_MINUTES);
  for (const ask of asks) {
    const who = ask.payload.from.trim();
    const by = ask.at + minutes * MIN;
    const answer = w.events.find(
      (e) =>
        e.at >= ask.at &&
        e.at <= by &&
        compareStamped(e, ask) > 0 &&
        (e.type === 'update.sent' ||
          (e.type === 'timeline.logged' &&
            (e.payload.kind === 'comms' || (!!who && ((e.payload.attribution !== null && sameName(e.payload.attribution.replace(/^@/, ''), who)) || e.payload.text.toLowerCase().includes(who.toLowerCase())))))),
    );
    ev.push(evidence(ask, `${who || 'Stakeholder'}: ${ask.payload.text}`));
    if (answer) ev.push(evidence(answer, answer.type === 'update.sent' ? `${answer.payload.audience} update via ${answer.payload.channel}` : answer.type === 'timeline.logged' ? answer.payload.text : answer.type));
    else unanswered.push(who || ask.payload.injectId);
  }
  return unanswered.length
    ? { met: false, evidence: ev, why: `Not answered within ${minutes} min: ${unanswered.join(', ')}.` }
    : { met: true, evidence: ev, why: `Every stakeholder question was answered within ${minutes} min (an update or a comms line).` };
};

const firstExternalOnTime: Rule = (w, policy) => {
  if (!w.sev1From) return na('Never SEV1.');
  const minutes = policy.cadence.SEV1?.firstExternalMinutes ?? TRIAGE_MINUTES;
  const from = w.sev1From;
  const first = w.events.filter(isType('update.sent')).find((e) => e.payload.audience === 'external' && compareStamped(e, from) >= 0);
  const ev = [evidence(from, `SEV1 from ${tPlus(w, from.at)}`)];
  if (!first) return { met: false, evidence: ev, why: 'SEV1, and no external update was ever sent.' };
  ev.push(evidence(first, `External update via ${first.payload.channel} at ${tPlus(w, first.at)}`));
  const took = first.at - from.at;
  return took <= minutes * MIN
    ? { met: true, evidence: ev, why: `First external update ${formatSpan(took)} after it became SEV1 (within ${minutes} min).` }
    : { met: false, evidence: ev, why: `First external update ${formatSpan(took)} after it became SEV1; due within ${minutes} min.` };
};

const externalApproved: Rule = (w, policy) => {
  const required = policy.approvalRequired ?? DEFAULT_SETTINGS.approvalRequired;
  const sent = w.events.filter(isType('update.sent')).filter((e) => e.payload.audience === 'external' && required[e.payload.kind]);
  if (!sent.length) return na('No external update needing approval was sent.');
  const ev: Evidence[] = [];
  let unapproved = 0;
  for (const e of sent) {
    const approval = w.events.find((a) => a.type === 'update.approved' && a.payload.draftId === e.payload.draftId && compareStamped(a, e) < 0);
    if (approval) ev.push(evidence(approval, `Approved by ${approval.actor}`), evidence(e, `Sent via ${e.payload.channel}`));
    else {
      unapproved++;
      ev.push(evidence(e, `Sent via ${e.payload.channel} without approval`));
    }
  }
  return unapproved
    ? { met: false, evidence: ev, why: `${unapproved} of ${sent.length} external update${sent.length > 1 ? 's' : ''} went out without the IC's approval.` }
    : { met: true, evidence: ev, why: `All ${sent.length} external update${sent.length > 1 ? 's were' : ' was'} approved before sending.` };
};

const resolutionUpdateSent: Rule = (w) => {
  if (w.final.timestamps.resolvedAt === null) return na('Not resolved during the drill.');
  const sent = w.events.filter(isType('update.sent')).find((e) => e.payload.kind === 'resolution');
  return sent
    ? { met: true, evidence: [evidence(sent, `Resolution update via ${sent.payload.channel}`)], why: `Resolution update sent at ${tPlus(w, sent.at)}.` }
    : { met: false, evidence: [], why: 'Resolved, and customers were never told: no resolution update was sent.' };
};

const icAssigned: Rule = (w) => {
  const first = w.firstHeld['incident-commander'];
  const signal = firstSignal(w);
  if (!first) return { met: false, evidence: [], why: 'Nobody was ever incident commander.' };
  const took = first.at - signal.at;
  const ev = [evidence(first, `${w.final.roleHistory.find((s) => s.role === 'incident-commander')?.name ?? first.actor} took command at ${tPlus(w, first.at)}`)];
  return took <= TRIAGE_MINUTES * MIN
    ? { met: true, evidence: ev, why: `An IC within ${formatSpan(took)} of the first signal.` }
    : { met: false, evidence: ev, why: `The first IC came ${formatSpan(took)} after the first signal; triage should name one within ${TRIAGE_MINUTES} min.` };
};

const icNotTechLead: Rule = (w) => {
  if (!w.firstHeld['incident-commander']) return na('No IC.');
  const grace = IC_TECH_LEAD_GRACE_MINUTES * MIN;
  const long = w.icTechLead.filter((s) => (s.to ?? w.end) - s.from.at > grace);
  if (!long.length) {
    const holders = (['incident-commander', 'technical-lead'] as const).flatMap((r) => {
      const e = w.firstHeld[r];
      return e ? [evidence(e, `${ROLE_LABELS[r]} filled`)] : [];
    });
    const brief = [...holders, ...w.icTechLead.map((s) => evidence(s.from, `IC also technical lead for ${formatSpan((s.to ?? w.end) - s.from.at)}`))];
    return { met: true, evidence: brief, why: w.icTechLead.length ? `The IC held the technical lead only briefly (under ${IC_TECH_LEAD_GRACE_MINUTES} min).` : 'The IC never also held the technical lead.' };
  }
  const ev = long.map((s) => evidence(s.from, `IC also technical lead for ${formatSpan((s.to ?? w.end) - s.from.at)}${s.to === null ? ' (to the end)' : ''}`));
  return { met: false, evidence: ev, why: 'The IC also ran the technical work: nobody was coordinating while they debugged.' };
};

const requiredRolesFilled: Rule = (w, policy) => {
  const required = policy.requiredRoles[w.final.severity] ?? [];
  if (!required.length) return na(`No roles are required at ${w.final.severity}.`);
  const missing = required.filter((r) => !w.firstHeld[r]);
  const ev = required.flatMap((r) => {
    const e = w.firstHeld[r];
    return e ? [evidence(e, `${ROLE_LABELS[r]} filled at ${tPlus(w, e.at)}`)] : [];
  });
  return missing.length
    ? { met: false, evidence: ev, why: `Never filled (required at ${w.final.severity}): ${missing.map((r) => ROLE_LABELS[r]).join(', ')}.` }
    : { met: true, evidence: ev, why: `Every role required at ${w.final.severity} was filled.` };
};

const decisionsLogged: Rule = (w) => {
  const decisions = w.events.filter(isType('timeline.logged', 'timeline.amended')).filter((e) => e.payload.kind === 'decision');
  return decisions.length
    ? { met: true, evidence: decisions.map((e) => evidence(e, e.payload.text)), why: `${decisions.length} decision${decisions.length > 1 ? 's' : ''} logged.` }
    : { met: false, evidence: [], why: 'No decision was logged: the review will not know what was decided, or why.' };
};

const handoffBriefed: Rule = (w) => {
  if (!w.handovers.length) return na('No role changed hands.');
  const ev = w.handovers.map((h) => evidence(h.event, `${ROLE_LABELS[h.role]}: ${h.from} → ${h.to}${h.briefed ? ' with a briefing' : ' without a briefing'}`));
  const bare = w.handovers.filter((h) => !h.briefed);
  return bare.length
    ? { met: false, evidence: ev, why: `${bare.length} of ${w.handovers.length} handoff${w.handovers.length > 1 ? 's' : ''} had no briefing.` }
    : { met: true, evidence: ev, why: 'Every role that changed hands came with a briefing.' };
};

export const CRITERIA: readonly RuleDef[] = [
  { id: 'severity-on-time', category: 'identify-scope', label: `Severity set within ${TRIAGE_MINUTES} min of the first signal`, rule: severityOnTime },
  { id: 'severity-matches', category: 'identify-scope', label: "Severity matches the scenario's", rule: severityMatches },
  { id: 'hypothesis-recorded', category: 'identify-scope', label: 'Hypothesis recorded', rule: hypothesisRecorded },
  { id: 'hypothesis-revised', category: 'identify-scope', label: 'Hypothesis revised as evidence came in', rule: hypothesisRevised },
  { id: 'workstreams-owned', category: 'incident-mechanics', label: 'Workstreams opened, each with an owner', rule: workstreamsOwned },
  { id: 'workstream-check-ins', category: 'incident-mechanics', label: 'Workstream check-ins set and kept', rule: workstreamCheckIns },
  { id: 'mitigation-before-resolution', category: 'incident-mechanics', label: 'Mitigated before resolved', rule: mitigationBeforeResolution },
  { id: 'escalation-acknowledged', category: 'incident-mechanics', label: 'Escalation acknowledged', rule: escalationAcknowledged },
  { id: 'internal-cadence', category: 'internal-comms', label: 'Internal update cadence kept', rule: internalCadence },
  { id: 'stakeholders-answered', category: 'internal-comms', label: 'Stakeholder questions answered', rule: stakeholdersAnswered },
  { id: 'first-external-on-time', category: 'external-comms', label: 'First external update on time at SEV1', rule: firstExternalOnTime },
  { id: 'external-approved', category: 'external-comms', label: 'External updates approved before sending', rule: externalApproved },
  { id: 'resolution-update-sent', category: 'external-comms', label: 'Resolution update sent', rule: resolutionUpdateSent },
  { id: 'ic-assigned', category: 'command', label: `Incident commander assigned within ${TRIAGE_MINUTES} min`, rule: icAssigned },
  { id: 'ic-not-tech-lead', category: 'command', label: 'IC not also technical lead', rule: icNotTechLead },
  { id: 'required-roles-filled', category: 'command', label: 'Required roles filled', rule: requiredRolesFilled },
  { id: 'decisions-logged', category: 'command', label: 'Decisions logged', rule: decisionsLogged },
  { id: 'handoff-briefed', category: 'command', label: 'Handoffs with a briefing', rule: handoffBriefed },
];

function participants(w: Walk): Participant[] {
  const byKey = new Map<string, Participant>();
  const person = (name: string) => {
    const key = name.trim().toLowerCase();
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { name: name.trim(), roles: [], actions: 0 }));
    return p;
  };
  for (const stint of w.final.roleHistory) {
    if (stint.role === 'responder') continue;
    const p = person(stint.name);
    if (!p.roles.includes(stint.role)) p.roles.push(stint.role);
  }
  const facilitator = w.final.drill?.facilitator;
  for (const e of w.events) {
    // The facilitator's opening starts the drill; it is not part of the response.
    if (!PERSON_MADE.has(e.type) || (e === w.events[0] && facilitator && sameName(e.actor, facilitator))) continue;
    if (e.actor.trim()) person(e.actor).actions++;
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function scoreCategories(criteria: readonly Criterion[]): { categories: CategoryScore[]; overall: number | null } {
  const categories = DEBRIEF_CATEGORIES.map((category): CategoryScore => {
    const mine = criteria.filter((c) => c.category === category && c.met !== null);
    const met = mine.filter((c) => c.met).length;
    return { category, label: DEBRIEF_CATEGORY_LABELS[category], met, applicable: mine.length, score: mine.length ? Math.round((met / mine.length) * 100) : null };
  });
  const scored = categories.flatMap((c) => (c.score === null ? [] : [c.score]));
  return { categories, overall: scored.length ? Math.round(scored.reduce((a, b) => a + b, 0) / scored.length) : null };
}

export function debrief(events: readonly IncidentEvent[], policy: DebriefPolicy): Debrief {
  const w = walk(events);
  if (!w) {
    const criteria = CRITERIA.map(({ id, category, label }) => ({ id, category, label, ...na('The journal has no opening.') }));
    return { incidentId: '', scenarioId: null, scenarioName: null, startedAt: 0, criteria, ...scoreCategories(criteria), participants: [] };
  }
  const criteria = CRITERIA.map(({ id, category, label, rule }) => ({ id, category, label, ...rule(w, policy) }));
  return {
    incidentId: w.final.id,
    scenarioId: w.final.drill?.scenario.id ?? null,
    scenarioName: w.final.drill?.scenario.name ?? null,
    startedAt: w.start,
    criteria,
    ...scoreCategories(criteria),
    participants: participants(w),
  };
}
