import type { SyncStatus } from '../../../shared/sync/sync-status';

/**
 * What a screen reader hears about team sync, and when: only when the state (or the reason for
 * an error) changes, never for a count going down or a poll that found nothing new.
 */
export function syncAnnouncement(status: SyncStatus, label: string): { key: string; text: string } {
  const key = status.state === 'error' ? `error:${status.problem?.code ?? ''}` : status.state;
  // The label of the offline state carries a count that changes with every entry: leave it out.
  const text = status.state === 'offline' ? 'Team sync offline: work goes on here and is sent when the database is back.' : `Team sync: ${label}.`;
  return { key, text };
}
