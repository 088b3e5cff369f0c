import type { SyncStatus } from '../../shared/sync/sync-status';

interface Props {
  status: SyncStatus;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Share with the team": on unless unticked while sync is on; a local incident can be shared later. */
export function ShareToggle({ status, checked, onChange }: Props) {
  return (
    <label className="declare-detect">
      <input type="checkbox" data-testid="declare-share" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        Share with the team{status.team ? ` (${status.team})` : ''}
        <small>
          {checked
            ? 'Teammates see it live; while the team database is out of reach it is sent when it is back.'
            : 'Kept on this machine only; share it later from its header.'}
        </small>
      </span>
    </label>
  );
}
