import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';
import { pushEntry, systemEntry } from './reduce-helpers';
import { formatSpan } from './clocks';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

const minutes = (m: number | null) => (m === null ? null : m * 60_000);
const AUDIENCE_LABEL = { internal: 'Internal', external: 'External' };

export function setCadence(state: IncidentState, event: Of<'cadence.set'>): void {
  const { audience, intervalMinutes, firstMinutes, reason } = event.payload;
  state.cadence = { ...state.cadence, [audience]: { intervalMs: minutes(intervalMinutes), firstMs: minutes(firstMinutes) } };
  const every = intervalMinutes === null ? 'no regular updates' : `every ${intervalMinutes} min`;
  const first = firstMinutes !== null && firstMinutes !== intervalMinutes ? `, first within ${firstMinutes} min` : '';
  pushEntry(state, systemEntry(event, `${AUDIENCE_LABEL[audience]} updates ${every}${first}${reason ? ` — ${reason}` : ''}`));
}

export function setEscalationPolicy(state: IncidentState, event: Of<'escalation.policySet'>): void {
  // Pages already made stay: a stricter policy adds tiers, it does not forget who was called.
  state.escalation = { ...state.escalation, policySeverity: event.payload.severity, tiers: event.payload.tiers };
}

export function page(state: IncidentState, event: Of<'escalation.paged'>): void {
  const { target, contact, tier, reason } = event.payload;
  // Every console of a team runs the escalation clock: a tier's page made on two of them is one page.
  const key = target.trim().toLowerCase();
  if (tier !== null && state.escalation.pages.some((p) => p.tier !== null && p.target.trim().toLowerCase() === key)) return;
  state.escalation = {
    ...state.escalation,
    pages: [...state.escalation.pages, { target, contact, at: event.at, tier, reason }],
  };
  const who = `${target}${contact ? ` (${contact})` : ''}`;
  const text = tier === null ? `Paged ${who}${reason ? ` — ${reason}` : ''}` : `Escalation tier ${tier}: page ${who}${reason ? ` — ${reason}` : ''}`;
  pushEntry(state, systemEntry(event, text));
}

export function acknowledge(state: IncidentState, event: Of<'escalation.acknowledged'>): void {
  if (state.timestamps.acknowledgedAt !== null) return;
  state.timestamps.acknowledgedAt = event.at;
  pushEntry(state, systemEntry(event, `Acknowledged by ${event.payload.by}; escalation stopped`));
}

const DRAFT_NAME = {
  internal: 'Internal update draft',
  external: 'External update draft',
  executive: 'Executive summary draft',
  resolution: 'Resolution update draft',
};

export function approve(state: IncidentState, event: Of<'update.approved'>): void {
  const { draftId, kind, bodyHash, override } = event.payload;
  const approval = { draftId, kind, bodyHash, approvedBy: event.actor, approvedAt: event.at };
  state.approvals = [...state.approvals, override ? { ...approval, overrideReason: override.reason } : approval];
  const why = override ? ` (not the IC: ${override.reason})` : '';
  pushEntry(state, systemEntry(event, `${DRAFT_NAME[kind]} approved as IC by ${event.actor}${why}`));
}

export function sendUpdate(state: IncidentState, event: Of<'update.sent'>): void {
  const p = event.payload;
  if (state.updates.some((u) => u.id === p.updateId)) return;
  const approval = state.approvals.findLast((a) => a.draftId === p.draftId);
  state.updates = [
    ...state.updates,
    {
      id: p.updateId,
      audience: p.audience,
      kind: p.kind,
      channel: p.channel,
      recipients: p.recipients,
      body: p.body,
      sentAt: event.at,
      sentBy: event.actor,
      approvedBy: approval?.approvedBy ?? null,
      approvedAt: approval?.approvedAt ?? null,
      dueAt: p.dueAt,
    },
  ];
  const late = p.dueAt !== null && event.at > p.dueAt ? ` (${formatSpan(event.at - p.dueAt)} late)` : '';
  const what = p.kind === p.audience ? `${AUDIENCE_LABEL[p.audience]} update` : `${AUDIENCE_LABEL[p.audience]} ${p.kind} update`;
  const entry = systemEntry(event, `${what} sent via ${p.channel}${p.recipients ? ` to ${p.recipients}` : ''}${late}`);
  pushEntry(state, { ...entry, kind: 'system' });
}

export function missDeadline(state: IncidentState, event: Of<'deadline.missed'>): void {
  const p = event.payload;
  if (state.missed.some((m) => m.key === p.key)) return;
  state.missed = [...state.missed, { key: p.key, kind: p.kind, dueAt: p.dueAt, firedAt: event.at, label: p.label }];
  pushEntry(state, systemEntry(event, p.label));
}
