import { useState } from 'react';
import { useConnection } from '../../store/connection-store';
import { SyncDetailsDialog } from './SyncDetailsDialog';
import { useSyncWords } from './use-sync-words';
import './sync.css';

interface Props {
  /** Where it sits; the rail's is the same pill on a line of its own. */
  place: 'header' | 'rail';
}

/**
 * Team sync in one pill: Local only, Connecting…, Synced, Syncing N, Offline since …, or the
 * error. Informative only: nothing here ever stops work on this machine. Opens the details.
 */
export function SyncIndicator({ place }: Props) {
  const words = useSyncWords();
  const connection = useConnection((s) => s.state);
  const [open, setOpen] = useState(false);
  // Cut off from the engine, the last answer may no longer be true: the connection says why instead.
  if (!words || connection !== 'open') return null;
  const { status, label, detail } = words;
  return (
    <>
      <button
        type="button"
        className={`sync-pill sync-${status.state} sync-pill-${place}`}
        data-testid="sync-indicator"
        data-place={place}
        data-state={status.state}
        aria-haspopup="dialog"
        title={`${detail} Click for details.`}
        onClick={() => setOpen(true)}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="visually-hidden">Team sync: </span>
        <span className="sync-label">{label}</span>
      </button>
      {open && <SyncDetailsDialog words={words} onClose={() => setOpen(false)} />}
    </>
  );
}
