import { useState } from 'react';
import { syncAnnouncement } from './sync-announcement';
import { useSyncWords } from './use-sync-words';

/**
 * The one live region for team sync, drawn once for the whole window (the pills are plain
 * buttons): its words change only when the state does, so a poll every 1.5 s stays silent.
 */
export function SyncAnnouncer() {
  const words = useSyncWords();
  const [heard, setHeard] = useState<{ key: string; text: string } | null>(null);
  if (words) {
    const next = syncAnnouncement(words.status, words.label);
    // The first state is what the window opened with: nothing to announce.
    if (heard === null) setHeard({ key: next.key, text: '' });
    else if (heard.key !== next.key) setHeard(next);
  }
  return (
    <div className="visually-hidden" role="status" data-testid="sync-announcer">
      {heard?.text ?? ''}
    </div>
  );
}
