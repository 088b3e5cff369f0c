import { instantOf, type TimeZone, wallTime } from '../../time/zone';
import type { ActionItem, IncidentState, IncidentSummary, Millis } from '../incident';

const DAY = 86_400_000;
/** Working hours, in the operator's zone: a review starts on a half hour and ends by 17:00. */
const DAY_STARTS = 9 * 60;
const DAY_ENDS = 17 * 60;
const MEETING = 60;
const SLOT = 30;

/**
 * SEV1/SEV2 reviews at least 48 h after resolution (the seeds say 24–72 h), others after a week:
 * the first working-day slot from then, 09:00–17:00 Monday to Friday in `zone`, so nobody is
 * invited to a review at 03:04 because the incident was resolved at 03:04.
 */
export function proposedReviewAt(state: Pick<IncidentState, 'severity' | 'timestamps'>, now: Millis, zone: TimeZone): Millis {
  const from = state.timestamps.resolvedAt ?? now;
  const severe = state.severity === 'SEV1' || state.severity === 'SEV2';
  return nextWorkingSlot(from + (severe ? 2 : 7) * DAY, zone);
}

/** The first slot at or after `ms` that starts on a half hour and ends by 17:00 on a weekday. */
export function nextWorkingSlot(ms: Millis, zone: TimeZone): Millis {
  const w = wallTime(ms, zone);
  const late = w.second > 0 || ms % 1000 !== 0 ? 1 : 0;
  let minute = Math.ceil((w.hour * 60 + w.minute + late) / SLOT) * SLOT;
  for (let day = 0; day < 14; day++) {
    const date = new Date(Date.UTC(w.year, w.month - 1, w.day + day));
    const weekday = date.getUTCDay();
    const start = Math.max(minute, DAY_STARTS);
    if (weekday !== 0 && weekday !== 6 && start + MEETING <= DAY_ENDS) {
      const slot = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(start / 60), minute: start % 60, second: 0 };
      return instantOf(slot, zone);
    }
    minute = 0;
  }
  return ms;
}

type ReviewFields = Pick<IncidentSummary, 'reviewNeeded' | 'reviewAt' | 'reviewHeldAt' | 'severity' | 'timestamps'>;

/** When the review is due: the date set, or else the default proposal once resolved. */
export function reviewDueAt(summary: ReviewFields, zone: TimeZone): Millis | null {
  if (summary.reviewNeeded !== true) return null;
  if (summary.reviewAt !== null) return summary.reviewAt;
  return summary.timestamps.resolvedAt === null ? null : proposedReviewAt(summary, summary.timestamps.resolvedAt, zone);
}

export function isReviewOverdue(summary: ReviewFields, now: Millis, zone: TimeZone): boolean {
  const due = reviewDueAt(summary, zone);
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
