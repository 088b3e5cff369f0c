import { useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import type { IncidentStatus } from '../../../../shared/domain/incident';
import { checkMove, STATUS_LABELS } from '../../../../shared/domain/lifecycle';
import { api } from '../../../api';
import { Field } from '../Field';
import { FormDialog } from '../FormDialog';
import { useCommand } from '../use-command';

interface Props {
  incident: IncidentView;
  to: IncidentStatus;
  onClose: () => void;
}

const PLACEHOLDER: Partial<Record<IncidentStatus, string>> = {
  identified: 'e.g. Cause found: connection pool limit in deploy 2026.11.22-3',
  mitigated: 'e.g. Rolled back; error rate at baseline for 5 minutes',
  resolved: 'e.g. Fix deployed and verified; no customer impact for 30 minutes',
  closed: 'e.g. Follow-ups tracked as action items',
  investigating: 'e.g. Errors came back after the rollback',
};

/**
 * One status move, with an optional reason. Closing asks, deliberately and with no default,
 * whether a post-incident review is needed.
 */
export function StatusDialog({ incident, to, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [review, setReview] = useState<boolean | null>(null);
  // Resolving ends the work: the open workstreams are closed with it unless the IC says otherwise.
  const [closeWork, setCloseWork] = useState(true);
  const { busy, error, run } = useCommand();
  const move = checkMove(incident.status, to);
  const reopen = move.ok && move.reopen;
  const closing = to === 'closed';
  const ending = !reopen && (to === 'resolved' || closing);
  const openWork = ending ? incident.workstreams.filter((w) => w.status !== 'done') : [];
  const title = reopen ? `Reopen (was ${STATUS_LABELS[incident.status]})` : `${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[to]}`;

  async function submit() {
    const done = await run(() =>
      api.call('incident.setStatus', {
        incidentId: incident.id,
        status: to,
        reason,
        ...(closing && review !== null ? { reviewNeeded: review } : {}),
        ...(openWork.length > 0 ? { closeWorkstreams: closeWork } : {}),
      }),
    );
    if (done) onClose();
  }

  return (
    <FormDialog
      title={title}
      description={move.ok ? describe(to, reopen) : move.reason}
      testId="status-dialog"
      submitLabel={reopen ? 'Reopen' : `Mark ${STATUS_LABELS[to].toLowerCase()}`}
      canSubmit={move.ok && (!closing || review !== null)}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {closing && (
        <fieldset className="choice-group" data-testid="review-needed">
          <legend className="field-label">Post-incident review needed?</legend>
          <div className="choice-row" role="radiogroup" aria-label="Post-incident review needed?">
            <label className="choice">
              <input type="radio" name="review" checked={review === true} onChange={() => setReview(true)} />
              <span className="choice-text">
                <strong>Yes</strong>
                <small>Schedule a blameless review</small>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="review" checked={review === false} onChange={() => setReview(false)} />
              <span className="choice-text">
                <strong>No</strong>
                <small>Nothing to learn here</small>
              </span>
            </label>
          </div>
        </fieldset>
      )}
      {openWork.length > 0 && (
        <label className="close-work" data-testid="close-workstreams">
          <input type="checkbox" checked={closeWork} onChange={(e) => setCloseWork(e.target.checked)} />
          <span>
            <strong>
              Close {openWork.length === 1 ? 'the open workstream' : `the ${openWork.length} open workstreams`} (check-ins stop)
            </strong>
            <small dir="auto">{openWork.map((w) => w.title).join(' · ')}</small>
          </span>
        </label>
      )}
      <Field label="Reason (optional)">
        <textarea
          className="input"
          dir="auto"
          data-testid="status-reason"
          rows={2}
          autoFocus={!closing}
          value={reason}
          placeholder={PLACEHOLDER[to] ?? ''}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

function describe(to: IncidentStatus, reopen: boolean): string {
  if (reopen) return 'The incident goes back to investigating; the resolution time is cleared, the first mitigation stays on record.';
  switch (to) {
    case 'identified':
      return 'The cause is known; the work moves to fixing it.';
    case 'mitigated':
      return 'Impact has stopped (time to mitigate is recorded); the cause may not be fixed yet.';
    case 'resolved':
      return 'The cause is fixed and verified. Update clocks and check-ins stop; a resolution update is still due.';
    case 'closed':
      return 'Nothing more to do on the response. It can still be reopened.';
    default:
      return 'Back to working out what is wrong.';
  }
}
