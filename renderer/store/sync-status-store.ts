import { create } from 'zustand';
import type { SyncStatus } from '../../shared/sync/sync-status';
import { api } from '../api';
import { useConnection } from './connection-store';

interface SyncStatusStore {
  /** Team sync as the engine last answered; null until the first answer. */
  status: SyncStatus | null;
}

/** Team sync as the indicator, the declare dialog and the list show it. Polled, never pushed. */
export const useSyncStatus = create<SyncStatusStore>(() => ({ status: null }));

/** Often enough that "Syncing 3" counts down visibly; one small answer per poll. */
export const SYNC_POLL_MS = 1_500;

let latestRequest = 0;

/** Asks now: after a change to the connection or a share, the indicator should not wait for the next poll. */
export async function refreshSyncStatus(): Promise<void> {
  const request = ++latestRequest;
  const result = await api.call('sync.status', {});
  // A slower, older answer must not overwrite a newer one.
  if (request !== latestRequest || !result.ok) return;
  useSyncStatus.setState({ status: result.value });
}

/** Whether new incidents are shared by default: sync is configured and on, whatever its state. */
export function useSyncOn(): boolean {
  return useSyncStatus((s) => s.status !== null && s.status.state !== 'off');
}

/**
 * Polls while the window is connected to the engine, and stops while it is not (the engine's
 * answer could not arrive, and the connection indicator already says why).
 */
export function pollSyncStatus(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;
  let stopped = false;
  const connected = () => !stopped && useConnection.getState().state === 'open';
  const ask = async () => {
    timer = null;
    asking = true;
    try {
      await refreshSyncStatus();
    } finally {
      asking = false;
    }
    if (connected()) timer = setTimeout(() => void ask(), SYNC_POLL_MS);
  };
  const stopFollowing = useConnection.subscribe((now, before) => {
    if (now.state === before.state) return;
    if (connected() && timer === null && !asking) void ask();
    if (!connected() && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  });
  if (connected()) void ask();
  return () => {
    stopped = true;
    stopFollowing();
    if (timer !== null) clearTimeout(timer);
  };
}
