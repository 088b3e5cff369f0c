import type { ActionItem, IncidentState, IncidentSummary, Millis } from '../incident';

const DAY = 86_400_000;

/** SEV1/SEV2 reviews within 48 h of resolution (the seeds say 24–72 h); others within a week. */
export function proposedReviewAt(state: Pick<IncidentState, 'severity' | 'timestamps'>, now: Millis): Millis {
  const from = state.timestamps.resolvedAt ?? now;
  const severe = state.severity === 'SEV1' || state.severity === 'SEV2';
  return from + (severe ? 2 : 7) * DAY;
}

type ReviewFields = Pick<IncidentSummary, 'reviewNeeded' | 'reviewAt' | 'reviewHeldAt' | 'severity' | 'timestamps'>;

/** When the review is due: the date set, or else the default proposal once resolved. */
export function reviewDueAt(summary: ReviewFields): Millis | null {
  if (summary.reviewNeeded !== true) return null;
  if (summary.reviewAt !== null) return summary.reviewAt;
  return summary.timestamps.resolvedAt === null ? null : proposedReviewAt(summary, summary.timestamps.resolvedAt);
}

export function isReviewOverdue(summary: ReviewFields, now: Millis): boolean {
  const due = reviewDueAt(summary);
  return due !== null && summary.reviewHeldAt === null && due < now;
}

/** `YYYY-MM-DD` for a local calendar day. */
export function dayOf(ms: Millis): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isActionOverdue(item: Pick<ActionItem, 'dueDate' | 'status'>, now: Millis): boolean {
  if (item.status === 'done' || item.status === 'wont-do' || item.dueDate === null) return false;
  return item.dueDate < dayOf(now);
}
