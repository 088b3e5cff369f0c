import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { scheduleIncidentListRefresh } from '../../store/incident-list-store';
import { reloadOpenIncident } from '../../store/open-incident-sync';
import { refreshSyncStatus, useSyncStatus } from '../../store/sync-status-store';
import { showNotice } from '../../store/war-room-store';

/**
 * Whether teammates see this incident: a quiet "Shared" mark, or, for an incident kept on this
 * machine while sync is on, the one action that shares it. With sync off it draws nothing.
 */
export function ShareControl({ incident }: { incident: IncidentView }) {
  const status = useSyncStatus((s) => s.status);
  const [sharing, setSharing] = useState(false);
  if (incident.shared) {
    return (
      <span className="share-mark" data-testid="incident-shared" title={`Shared with team ${status?.team ?? ''}: teammates see every change live.`}>
        Shared
      </span>
    );
  }
  if (!status || status.state === 'off') return null;

  async function share() {
    setSharing(true);
    const result = await api.call('incident.share', { incidentId: incident.id });
    setSharing(false);
    showNotice(result.ok ? null : result.error.message);
    if (!result.ok) return;
    // Sharing writes no event: the incident's `shared` comes with a fresh read.
    void refreshSyncStatus();
    void reloadOpenIncident();
    scheduleIncidentListRefresh();
  }

  return (
    <button
      type="button"
      className="btn btn-sm share-button"
      data-testid="share-incident"
      title={`Only on this machine. Sharing sends its whole timeline to team ${status.team ?? ''}; from then on teammates see it live.`}
      disabled={sharing}
      onClick={() => void share()}
    >
      {sharing ? 'Sharing…' : 'Share with team'}
    </button>
  );
}
