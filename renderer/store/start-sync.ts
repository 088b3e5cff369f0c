import type { CommandPostApi } from '../../shared/contract/api';
import { setConnectionState } from './connection-store';
import { refreshIncidentList, scheduleIncidentListRefresh } from './incident-list-store';
import { applyPushedEvent, reloadOpenIncident } from './open-incident-sync';
import { followSelectionInAddress } from './selection';
import { pollSyncStatus } from './sync-status-store';

/**
 * Wires the host to the stores. On every (re)connect the list and the open incident are
 * fetched again, because events may have been missed while the line was down.
 */
export function startSync(api: CommandPostApi): () => void {
  const stopSelection = followSelectionInAddress();
  const stopSyncPolling = pollSyncStatus();
  const stopConnection = api.onConnection((state) => {
    setConnectionState(state);
    if (state === 'open') {
      void refreshIncidentList();
      void reloadOpenIncident();
    }
  });
  const stopEvents = api.onEvent((event) => {
    applyPushedEvent(event);
    scheduleIncidentListRefresh();
  });
  return () => {
    stopSelection();
    stopSyncPolling();
    stopConnection();
    stopEvents();
  };
}
