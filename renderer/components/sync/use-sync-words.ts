import { describeSync, type SyncStatus } from '../../../shared/sync/sync-status';
import { formatClockIn } from '../../../shared/time/format';
import { dayKey, type TimeZone } from '../../../shared/time/zone';
import { formatShortDay } from '../../lib/time';
import { useTimeZone } from '../../lib/zone';
import { useSyncStatus } from '../../store/sync-status-store';

/** `03:14` today, `Sat 21 Nov 03:14` on another day: in the operator's zone, seconds when asked. */
export function syncTime(ms: number, now: number, zone: TimeZone, seconds = false): string {
  const clock = formatClockIn(ms, zone, seconds);
  return dayKey(ms, zone) === dayKey(now, zone) ? clock : `${formatShortDay(ms, zone)} ${clock}`;
}

export interface SyncWords {
  status: SyncStatus;
  label: string;
  detail: string;
}

/** The engine's last sync status and its words in the operator's zone; null before the first answer. */
export function useSyncWords(): SyncWords | null {
  const status = useSyncStatus((s) => s.status);
  const zone = useTimeZone();
  if (!status) return null;
  // The status is polled every few seconds, so "now" read here is fresh enough for the day.
  const now = Date.now();
  return { status, ...describeSync(status, (ms) => syncTime(ms, now, zone)) };
}
