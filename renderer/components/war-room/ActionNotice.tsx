import { showNotice, useWarRoom } from '../../store/war-room-store';

/** Why a one-click action (pin, report, acknowledge) was refused; stays until dismissed or the next action. */
export function ActionNotice() {
  const notice = useWarRoom((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="action-notice" role="alert" data-testid="action-notice">
      <span>{notice}</span>
      <button type="button" className="btn btn-sm btn-quiet" onClick={() => showNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
