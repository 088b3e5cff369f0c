import { formatSpan } from '../domain/clocks';
import { checkInDueAt, lastUpdateAt, nextUpdateDue } from '../domain/deadlines';
import { ROLE_KEYS, ROLE_LABELS, type Audience, type IncidentState, type Millis, type RoleKey } from '../domain/incident';
import type { Settings } from '../domain/settings';
import { responseWarnings } from '../domain/warnings';
import { recoveryNotes } from '../metrics/responder-toll';

/**
 * What the person running the incident should do next, most urgent first, each with the one
 * UI action that does it. Computed from state and policy at `now` (a drill passes its own
 * clock's time). It takes in the war room's response warnings (empty role, IC holding the
 * technical lead, long shift).
 */

export type NextStepSeverity = 'urgent' | 'soon' | 'info';

/** The actions the war room knows how to start; each names what it needs. */
export type NextStepAction =
  | { kind: 'declare' }
  | { kind: 'assign-role'; role: RoleKey }
  | { kind: 'draft-update'; audience: Audience }
  | { kind: 'set-severity' }
  | { kind: 'check-in-workstream'; workstreamId: string }
  | { kind: 'resolve' }
  | { kind: 'decide-review' }
  | { kind: 'handoff-role'; role: RoleKey | null; person: string }
  | { kind: 'open-checklist' }
  | { kind: 'open-responders' };

export interface NextStep {
  /** Stable while the step stands, so the UI can keep focus and dismissals: `role-empty:scribe`. */
  id: string;
  severity: NextStepSeverity;
  title: string;
  detail: string;
  action: NextStepAction & { label: string; key?: string };
}

/** Mitigated this long without being resolved: verify and resolve, or admit it is not over. */
export const MITIGATED_UNRESOLVED_MINUTES = 30;
/** A first external update due within this is urgent even below SEV1 (the cadence clock's amber). */
const SOON_MS = 2 * 60_000;
/** For this long after declaration, the checklist is offered until something is ticked. */
const CHECKLIST_WINDOW_MS = 10 * 60_000;
/** After a SEV1/SEV2 closes, recovery is offered this long (or until the review is held). */
export const RECOVERY_WINDOW_MS = 72 * 3_600_000;

const RANK: Record<NextStepSeverity, number> = { urgent: 0, soon: 1, info: 2 };
const ACTIVE = new Set(['investigating', 'identified', 'mitigated']);
const AUDIENCE_WORD: Record<Audience, string> = { internal: 'Internal', external: 'External' };

interface Candidate extends NextStep {
  /** Earlier deadlines first within a severity; steps without one after. */
  dueAt: Millis | null;
}

export function nextSteps(state: IncidentState, policy: Settings, now: Millis): NextStep[] {
  const steps: Candidate[] = [];
  if (state.status === 'detected') steps.push(declareStep());
  if (ACTIVE.has(state.status)) {
    const conflict = severityConflictStep(state);
    if (conflict) steps.push(conflict);
    steps.push(...roleSteps(state, policy, now));
    steps.push(...updateSteps(state, policy, now));
    steps.push(...workstreamSteps(state, now));
    const resolve = resolveStep(state, now);
    if (resolve) steps.push(resolve);
    const checklist = checklistStep(state, now);
    if (checklist) steps.push(checklist);
  }
  const review = reviewStep(state);
  if (review) steps.push(review);
  const recovery = recoveryStep(state, policy, now);
  if (recovery) steps.push(recovery);
  return steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => RANK[a.step.severity] - RANK[b.step.severity] || (a.step.dueAt ?? Infinity) - (b.step.dueAt ?? Infinity) || a.order - b.order)
    .map(({ step: { dueAt: _dueAt, ...step } }) => step);
}

function declareStep(): Candidate {
  return {
    id: 'declare',
    severity: 'urgent',
    title: 'Declare this incident, or dismiss it',
    detail: 'It was detected but nobody has declared it: until someone does, no roles, clocks or updates run. Dismiss it if it is a false alarm or minor.',
    action: { kind: 'declare', label: 'Declare or dismiss' },
    dueAt: null,
  };
}

/** Two consoles set the severity without seeing each other: the IC confirms one (it decides cadence and roles). */
function severityConflictStep(state: IncidentState): Candidate | null {
  const open = state.conflicts.find((c) => c.field === 'severity' && c.settled === null);
  if (!open) return null;
  return {
    id: `severity-conflict:${open.id}`,
    severity: 'urgent',
    title: `Severity set two ways: ${open.chosen.value} (${open.chosen.actor}) and ${open.other.value} (${open.other.actor})`,
    detail: `${open.chosen.value} is in force. Confirm it or set the other: the severity decides the cadence, the roles and who is paged.`,
    action: { kind: 'set-severity', label: 'Confirm severity' },
    dueAt: null,
  };
}

/** Empty roles (the IC first and urgent), the IC running the technical work, long shifts. */
function roleSteps(state: IncidentState, policy: Settings, now: Millis): Candidate[] {
  const steps: Candidate[] = [];
  if (!state.roles['incident-commander']) {
    steps.push({
      id: 'role-empty:incident-commander',
      severity: 'urgent',
      title: 'Nobody is incident commander',
      detail: 'Someone must coordinate: decide what gets investigated, who does what, and when to escalate. Take the role or give it to someone.',
      action: { kind: 'assign-role', role: 'incident-commander', label: 'Assign incident commander' },
      dueAt: null,
    });
  }
  for (const warning of responseWarnings(state, policy, now)) {
    if (warning.code === 'role-empty' && warning.role && warning.role !== 'incident-commander') {
      steps.push({
        id: `role-empty:${warning.role}`,
        severity: 'soon',
        title: `${ROLE_LABELS[warning.role]} is empty`,
        detail: warning.message,
        action: { kind: 'assign-role', role: warning.role, label: `Assign ${ROLE_LABELS[warning.role].toLowerCase()}` },
        dueAt: null,
      });
    }
    if (warning.code === 'ic-holds-tech-lead' && warning.person) {
      steps.push({
        id: 'ic-holds-tech-lead',
        severity: 'soon',
        title: 'The incident commander is also technical lead',
        detail: `${warning.message} Hand the technical lead to someone else.`,
        action: { kind: 'handoff-role', role: 'technical-lead', person: warning.person, label: 'Hand off technical lead' },
        dueAt: null,
      });
    }
    if (warning.code === 'long-shift' && warning.person) {
      const role = heldRole(state, warning.person);
      steps.push({
        id: `long-shift:${warning.person.trim().toLowerCase()}`,
        severity: 'soon',
        title: `${warning.person} needs a handoff`,
        detail: `${warning.message} Tired responders make poor decisions; brief a replacement.`,
        action: { kind: 'handoff-role', role, person: warning.person, label: role ? `Hand off ${ROLE_LABELS[role].toLowerCase()}` : `Relieve ${warning.person}` },
        dueAt: null,
      });
    }
  }
  return steps;
}

function heldRole(state: IncidentState, person: string): RoleKey | null {
  const key = person.trim().toLowerCase();
  return ROLE_KEYS.find((role) => state.roles[role]?.name.trim().toLowerCase() === key) ?? null;
}

/**
 * The first external update, from the policy of the incident's severity (the seeds: within
 * minutes for SEV1, even if all it says is "investigating"); then any update whose cadence is
 * overdue or about to be.
 */
function updateSteps(state: IncidentState, policy: Settings, now: Millis): Candidate[] {
  const steps: Candidate[] = [];
  const declaredAt = state.timestamps.declaredAt;
  const rule = policy.cadence[state.severity];
  const firstMinutes = rule?.firstExternalMinutes ?? rule?.externalMinutes ?? null;
  const noExternalYet = lastUpdateAt(state, 'external') === null;
  if (noExternalYet && declaredAt !== null && firstMinutes !== null) {
    const dueAt = declaredAt + firstMinutes * 60_000;
    const left = dueAt - now;
    const when = left >= 0 ? `${formatSpan(left)} left` : `overdue by ${formatSpan(-left)}`;
    steps.push({
      id: 'first-external-update',
      severity: state.severity === 'SEV1' || left <= SOON_MS ? 'urgent' : 'soon',
      title: `No external update yet: ${when}`,
      detail: `At ${state.severity} the first external update is due ${firstMinutes} min after declaration. Say what customers notice and when the next update comes, even if the cause is unknown.`,
      action: { kind: 'draft-update', audience: 'external', label: 'Draft external update' },
      dueAt,
    });
  }
  for (const audience of ['internal', 'external'] as const) {
    if (audience === 'external' && noExternalYet && firstMinutes !== null) continue;
    const dueAt = nextUpdateDue(state, audience);
    if (dueAt === null || dueAt - now > SOON_MS) continue;
    const left = dueAt - now;
    steps.push({
      id: `update-due:${audience}`,
      severity: left < 0 ? 'urgent' : 'soon',
      title: left < 0 ? `${AUDIENCE_WORD[audience]} update overdue by ${formatSpan(-left)}` : `${AUDIENCE_WORD[audience]} update due: ${formatSpan(left)} left`,
      detail: 'Stakeholders who hear nothing start interrupting the responders. Post what changed, what is being tried, and the next update time.',
      action: { kind: 'draft-update', audience, label: `Draft ${audience} update` },
      dueAt,
    });
  }
  return steps;
}

function workstreamSteps(state: IncidentState, now: Millis): Candidate[] {
  return state.workstreams.flatMap((w): Candidate[] => {
    const dueAt = checkInDueAt(state, w);
    if (dueAt === null || dueAt > now) return [];
    return [
      {
        id: `check-in:${w.id}`,
        severity: 'urgent',
        title: `${w.title}: check-in missed by ${formatSpan(now - dueAt)}`,
        detail: `${w.owner || 'The owner'} was due to report. Ask for status and the next step, and set the next check-in.`,
        action: { kind: 'check-in-workstream', workstreamId: w.id, label: `Check in with ${w.owner || w.title}` },
        dueAt,
      },
    ];
  });
}

function resolveStep(state: IncidentState, now: Millis): Candidate | null {
  const mitigatedAt = state.timestamps.mitigatedAt;
  if (state.status !== 'mitigated' || mitigatedAt === null) return null;
  const since = now - mitigatedAt;
  if (since < MITIGATED_UNRESOLVED_MINUTES * 60_000) return null;
  return {
    id: 'resolve-after-mitigation',
    severity: 'soon',
    title: `Mitigated ${Math.floor(since / 60_000)} min ago and still not resolved`,
    detail: `Past ${MITIGATED_UNRESOLVED_MINUTES} min of stable mitigation: verify the fix holds and resolve (and send the resolution update), or go back to investigating if it does not.`,
    action: { kind: 'resolve', label: 'Resolve' },
    dueAt: mitigatedAt + MITIGATED_UNRESOLVED_MINUTES * 60_000,
  };
}

function checklistStep(state: IncidentState, now: Millis): Candidate | null {
  const declaredAt = state.timestamps.declaredAt;
  if (declaredAt === null || now - declaredAt > CHECKLIST_WINDOW_MS || state.checklist.some((t) => t.done)) return null;
  return {
    id: 'checklist',
    severity: 'info',
    title: `Work through the ${state.severity} checklist`,
    detail: 'The first five minutes: what is the impact, is it getting worse, do we know the probable cause; then roles, channel, first update.',
    action: { kind: 'open-checklist', label: 'Open checklist' },
    dueAt: null,
  };
}

/** Closing asks whether a review is needed; a journal without the answer (or one not yet scheduled) is told. */
/**
 * "Review starts with responder recovery": on a lead's console (Settings → Roster turns the
 * figures on), after a SEV1/SEV2 closes, who was on it long or outside their working hours.
 */
function recoveryStep(state: IncidentState, policy: Settings, now: Millis): Candidate | null {
  const closedAt = state.timestamps.closedAt;
  if (!policy.showResponderToll || closedAt === null || state.postmortem.reviewHeldAt !== null || now - closedAt > RECOVERY_WINDOW_MS) return null;
  const hours = Object.fromEntries(policy.roster.map((p) => [p.name, p.workingHours]));
  const plan = recoveryNotes(state, hours, now, policy.shiftLimitHours).filter((note) => note.endsWith('plan recovery'));
  if (plan.length === 0) return null;
  return {
    id: 'plan-recovery',
    severity: 'soon',
    title: plan.length === 1 ? 'Plan recovery for one responder' : `Plan recovery for ${plan.length} responders`,
    detail: `${plan.join('. ')}. Rest comes before the review.`,
    action: { kind: 'open-responders', label: 'See the responders' },
    dueAt: null,
  };
}

function reviewStep(state: IncidentState): Candidate | null {
  if (state.status !== 'closed' || state.dismissed) return null;
  if (state.reviewNeeded === null) {
    return {
      id: 'review-decision',
      severity: 'soon',
      title: 'Closed with no decision on a review',
      detail: 'Decide whether this incident needs a post-incident review; the most common failure is no review at all.',
      action: { kind: 'decide-review', label: 'Decide on a review' },
      dueAt: null,
    };
  }
  if (state.reviewNeeded && state.postmortem.reviewAt === null && state.postmortem.reviewHeldAt === null) {
    return {
      id: 'review-unscheduled',
      severity: 'info',
      title: 'The review is not scheduled',
      detail: 'Hold it within 24–72 hours, while memories and dashboards are fresh.',
      action: { kind: 'decide-review', label: 'Schedule the review' },
      dueAt: null,
    };
  }
  return null;
}
