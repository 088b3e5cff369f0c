import type { DrillState } from '../../../shared/drills/types';
import { useSyncStatus } from '../../store/sync-status-store';

/** Whether this console runs the drill: only the facilitator's console keeps its clock and script. */
export function useIsFacilitator(drill: DrillState | null): boolean {
  // sync.status names this console whether or not sync is on.
  const consoleId = useSyncStatus((s) => s.status?.consoleId ?? null);
  return drill !== null && consoleId !== null && drill.facilitatorConsole === consoleId;
}
