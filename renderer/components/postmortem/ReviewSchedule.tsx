import type { IncidentView } from '../../../shared/contract/contract';
import { isReviewOverdue, proposedReviewAt } from '../../../shared/domain/review/schedule';
import { formatDay, formatClock, formatUtc } from '../../lib/time';
import { useTimeZone } from '../../lib/zone';
import { FieldStatus, Section, usePostmortemField } from './fields';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input wants it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

const when = (ms: number) => `${formatDay(ms)} ${formatClock(ms).slice(0, 5)}`;

/** The review meeting: a proposed date (within 48 h for SEV1/SEV2), the date set, and whether it was held. */
export function ReviewSchedule({ incident, now }: { incident: IncidentView; now: number }) {
  const pm = incident.postmortem;
  const reviewAt = usePostmortemField(incident.id, pm, 'reviewAt', 'Review date');
  const held = usePostmortemField(incident.id, pm, 'reviewHeldAt', 'Review held');
  const zone = useTimeZone();
  const proposal = proposedReviewAt(incident, now, zone);
  const severe = incident.severity === 'SEV1' || incident.severity === 'SEV2';
  const overdue = isReviewOverdue({ ...incident, reviewAt: pm.reviewAt, reviewHeldAt: pm.reviewHeldAt }, now, zone);
  const needed = incident.reviewNeeded;

  return (
    <Section
      title="Review"
      className="pm-review"
      testId="pm-review"
      hint={needed === true ? 'needed (decided at closing)' : needed === false ? 'not needed (decided at closing)' : undefined}
      aside={
        held.draft !== null ? (
          <span className="review-pill is-held" data-testid="pm-review-held-state">
            Held
          </span>
        ) : overdue ? (
          <span className="review-pill is-overdue" data-testid="pm-review-overdue">
            Overdue
          </span>
        ) : reviewAt.draft !== null ? (
          <span className="review-pill">Scheduled</span>
        ) : null
      }
    >
      <div className="review-row">
        <label className="pm-field review-date">
          <span className="pm-field-head">
            <span className="pm-label">Review meeting</span>
            <FieldStatus status={reviewAt.status} testId="pm-reviewAt-error" />
          </span>
          <input
            type="datetime-local"
            className="input pm-input"
            data-testid="pm-reviewAt"
            value={reviewAt.draft === null ? '' : toLocalInput(reviewAt.draft)}
            onChange={(e) => reviewAt.change(fromLocalInput(e.target.value))}
            {...reviewAt.focusProps}
          />
        </label>
        {reviewAt.draft === null ? (
          <div className="review-proposal">
            <span className="pm-field-note">
              Proposed: <b title={formatUtc(proposal)}>{when(proposal)}</b> ({severe ? 'first working-hours slot 48 h after resolution, for SEV1/SEV2' : 'first working-hours slot a week after resolution'})
            </span>
            <button type="button" className="btn btn-small" data-testid="pm-review-use-proposal" onClick={() => reviewAt.commit(proposal)}>
              Schedule for then
            </button>
          </div>
        ) : (
          <div className="review-proposal">
            <button type="button" className="btn btn-small btn-quiet" onClick={() => reviewAt.commit(null)}>
              Clear date
            </button>
          </div>
        )}
        <div className="review-held">
          {held.draft === null ? (
            <button type="button" className="btn btn-small" data-testid="pm-review-held" onClick={() => held.commit(Date.now())}>
              Mark review held
            </button>
          ) : (
            <span className="review-held-text">
              Held <b title={formatUtc(held.draft)}>{when(held.draft)}</b>{' '}
              <button type="button" className="link-btn" data-testid="pm-review-held-undo" onClick={() => held.commit(null)}>
                undo
              </button>
            </span>
          )}
          <FieldStatus status={held.status} />
        </div>
      </div>
    </Section>
  );
}
