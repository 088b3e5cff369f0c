import type { EventDraft } from './events';
import { type Audience, AUDIENCES, type IncidentState, type Millis, type Workstream } from './incident';
import { formatSpan, isRecordableTime } from './clocks';

/**
 * Every clock the engine watches, computed from wall-clock timestamps in the state and
 * nothing else: no timer's own count matters. The scheduler fires what is due; the renderer
 * draws the same deadlines as countdowns.
 */
export interface Deadline {
  /** Stable identity: a deadline with this key fires at most once. */
  key: string;
  kind: 'cadence' | 'check-in' | 'escalation';
  dueAt: Millis;
  label: string;
  audience?: Audience;
  workstreamId?: string;
  tier?: number;
  target?: string;
  contact?: string;
}

const RESPONDING = new Set(['investigating', 'identified', 'mitigated']);
const AUDIENCE_LABEL = { internal: 'Internal', external: 'External' };

export function lastUpdateAt(state: IncidentState, audience: Audience): Millis | null {
  return state.updates.findLast((u) => u.audience === audience)?.sentAt ?? null;
}

/**
 * When the next update to `audience` is due, or null when none is (no cadence, not responding,
 * or a cadence so long that its deadline is past any time an event can hold).
 */
export function nextUpdateDue(state: IncidentState, audience: Audience): Millis | null {
  const clock = state.cadence[audience];
  const declaredAt = state.timestamps.declaredAt;
  if (!RESPONDING.has(state.status) || declaredAt === null || clock.intervalMs === null) return null;
  const last = lastUpdateAt(state, audience);
  const due = last === null ? declaredAt + (clock.firstMs ?? clock.intervalMs) : last + clock.intervalMs;
  return isRecordableTime(due) ? due : null;
}

function cadenceDeadlines(state: IncidentState): Deadline[] {
  return AUDIENCES.flatMap((audience) => {
    const dueAt = nextUpdateDue(state, audience);
    if (dueAt === null) return [];
    return [{ key: `cadence:${audience}:${dueAt}`, kind: 'cadence' as const, dueAt, audience, label: `${AUDIENCE_LABEL[audience]} update due` }];
  });
}

/** When a workstream is due to report, or null: none set, done, or the response is over. */
export function checkInDueAt(state: Pick<IncidentState, 'status'>, w: Workstream): Millis | null {
  if (!RESPONDING.has(state.status) || w.status === 'done') return null;
  return w.checkInAt;
}

function checkInDeadlines(state: IncidentState): Deadline[] {
  return state.workstreams.flatMap((w) => {
    const dueAt = checkInDueAt(state, w);
    return dueAt === null ? [] : [{ key: `check-in:${w.id}:${dueAt}`, kind: 'check-in' as const, dueAt, workstreamId: w.id, label: `${w.title} check-in` }];
  });
}

/** Paging goes on while the incident is declared, being responded to, and nobody has acknowledged. */
function escalating(state: IncidentState): boolean {
  return state.timestamps.declaredAt !== null && state.timestamps.acknowledgedAt === null && RESPONDING.has(state.status);
}

/** Tiers not yet paged, while nobody has acknowledged. A target paged once is not paged again. */
function escalationDeadlines(state: IncidentState): Deadline[] {
  const start = state.timestamps.declaredAt;
  if (start === null || !escalating(state)) return [];
  const paged = new Set(state.escalation.pages.map((p) => p.target.trim().toLowerCase()));
  return state.escalation.tiers.flatMap((tier, i) =>
    paged.has(tier.target.trim().toLowerCase())
      ? []
      : [
          {
            key: `escalation:${tier.target.trim().toLowerCase()}`,
            kind: 'escalation' as const,
            dueAt: start + tier.delayMinutes * 60_000,
            tier: i + 1,
            target: tier.target,
            contact: tier.contact,
            label: `Tier ${i + 1}: page ${tier.target}`,
          },
        ],
  );
}

/** Every pending deadline of the incident, earliest first, whether or not it has passed. */
export function deadlines(state: IncidentState): Deadline[] {
  return [...cadenceDeadlines(state), ...checkInDeadlines(state), ...escalationDeadlines(state)].sort((a, b) => a.dueAt - b.dueAt);
}

/** What an escalation page alarms about: that nobody has acknowledged yet. */
export const ESCALATION_CAUSE = 'escalation:unacknowledged';
/** A detection waiting for a person's decision: its alert lasts until it is declared, attached or dismissed. */
export const TRIAGE_CAUSE = 'triage';

/**
 * The causes an alert can still be about: each pending update or check-in deadline by its key
 * (a sent update or a new check-in moves the key on), and unanswered escalation. A banner whose
 * cause is not here is done; the timeline keeps the history.
 */
export function liveAlertCauses(state: IncidentState): string[] {
  const causes = [...cadenceDeadlines(state), ...checkInDeadlines(state)].map((d) => d.key);
  if (escalating(state)) causes.push(ESCALATION_CAUSE);
  if (state.status === 'detected') causes.push(TRIAGE_CAUSE);
  return causes;
}

/** Deadlines that have passed and not yet been recorded: what the scheduler must fire now. */
export function dueNow(state: IncidentState, now: Millis): Deadline[] {
  const fired = new Set(state.missed.map((m) => m.key));
  return deadlines(state).filter((d) => d.dueAt <= now && !fired.has(d.key));
}

/** The earliest deadline still to come (for arming the one timer), or null. */
export function nextDeadlineAt(state: IncidentState, now: Millis): Millis | null {
  const fired = new Set(state.missed.map((m) => m.key));
  for (const d of deadlines(state)) if (d.dueAt > now && !fired.has(d.key)) return d.dueAt;
  return null;
}

/** The events that record due deadlines: a page for an escalation tier, a miss for the rest. */
export function fireDue(state: IncidentState, now: Millis): EventDraft[] {
  return dueNow(state, now).map((d): EventDraft => {
    if (d.kind === 'escalation') {
      const late = now - d.dueAt > 60_000 ? ` (due ${formatSpan(now - d.dueAt)} ago)` : '';
      return {
        type: 'escalation.paged',
        payload: { target: d.target!, contact: d.contact ?? '', tier: d.tier!, reason: `unacknowledged${late}`, dueAt: d.dueAt },
      };
    }
    const overdue = formatSpan(Math.max(0, now - d.dueAt));
    const label = d.kind === 'cadence' ? `${d.label.replace(' due', '')} overdue` : `${d.label} missed`;
    return {
      type: 'deadline.missed',
      payload: { key: d.key, kind: d.kind, dueAt: d.dueAt, label: now - d.dueAt >= 60_000 ? `${label} by ${overdue}` : label },
    };
  });
}

export type ClockTone = 'off' | 'calm' | 'amber' | 'overdue';

/** Amber in the last two minutes, red once overdue. */
export const AMBER_MS = 2 * 60_000;

export function cadenceTone(dueAt: Millis | null, now: Millis): ClockTone {
  if (dueAt === null) return 'off';
  if (now >= dueAt) return 'overdue';
  return dueAt - now <= AMBER_MS ? 'amber' : 'calm';
}
