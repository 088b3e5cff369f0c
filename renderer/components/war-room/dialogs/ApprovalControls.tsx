import { useState } from 'react';
import { openOperatorPrompt } from '../../../store/operator-store';
import type { ApproverStanding } from './approval-standing';
import { APPROVE } from '../../../lib/shortcuts';
import { ChordHint } from '../../ChordHint';

interface StateProps {
  standing: ApproverStanding;
  approved: boolean;
  approvedBefore: boolean;
  /** Set when the approval of this exact text was an override. */
  overrideReason: string | null;
}

/** Whether this exact text is approved, and who would have to approve it. */
export function ApprovalState({ standing, approved, approvedBefore, overrideReason }: StateProps) {
  if (approved) {
    return (
      <span className="approval approval-ok" data-testid="approval-state" title={overrideReason ? `Override: ${overrideReason}` : undefined}>
        ✓ Approved — this exact text{overrideReason ? ' (override)' : ''}
      </span>
    );
  }
  const notIc = standing.kind === 'not-ic';
  const need = approvedBefore
    ? 'Text changed since approval — approve again'
    : notIc
      ? 'Needs the IC’s approval'
      : 'Needs the IC’s approval before sending';
  const who = notIc ? ` · ${standing.ic ? `${standing.ic} is the IC` : 'nobody holds IC'}` : '';
  return (
    <span className="approval approval-needed" data-testid="approval-state">
      {need}
      {who}
    </span>
  );
}

interface ButtonProps {
  standing: ApproverStanding;
  approved: boolean;
  busy: boolean;
  onApprove: () => void;
  onOverride: () => void;
}

/** The IC approves in one click; anyone else is led to the override, an unknown operator to say who they are. */
export function ApproveButton({ standing, approved, busy, onApprove, onOverride }: ButtonProps) {
  if (standing.kind === 'unknown') {
    return (
      <button type="button" className="btn" data-testid="draft-approve" onClick={openOperatorPrompt} title="Approvals are signed with your name">
        Say who you are to approve
      </button>
    );
  }
  const ic = standing.kind === 'ic';
  return (
    <button
      type="button"
      className="btn"
      data-testid="draft-approve"
      disabled={busy || approved}
      aria-keyshortcuts={APPROVE.aria}
      title={ic ? undefined : 'You do not hold the IC role: approving needs a reason on the timeline'}
      onClick={ic ? onApprove : onOverride}
    >
      {ic ? 'Approve as IC' : 'Approve as IC…'} <ChordHint chord={APPROVE} />
    </button>
  );
}

interface OverrideProps {
  ic: string | null;
  busy: boolean;
  onApprove: (reason: string) => void;
  onCancel: () => void;
}

/** Approving in the IC's place: allowed, never silent — the reason goes on the timeline. */
export function OverrideBox({ ic, busy, onApprove, onCancel }: OverrideProps) {
  const [reason, setReason] = useState('');
  const ready = reason.trim() !== '' && !busy;
  return (
    <div className="approve-override" role="group" aria-label="Approve in the IC's place" data-testid="approve-override">
      <p className="approve-override-why">
        You are not the IC{ic ? ` — ${ic} is` : ' — nobody holds the role'}. Approving anyway puts your reason on the timeline.
      </p>
      <div className="approve-override-row">
        <input
          className="input"
          data-testid="approve-override-reason"
          aria-label="Reason for approving in the IC's place"
          autoFocus
          value={reason}
          placeholder={ic ? `e.g. ${ic} is on the bridge and asked me to post` : 'e.g. IC role empty during the handover'}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && ready) {
              e.preventDefault();
              onApprove(reason);
            }
          }}
        />
        <button type="button" className="btn btn-danger" data-testid="draft-approve-override" disabled={!ready} onClick={() => onApprove(reason)}>
          Approve with override
        </button>
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
