import type { DrillState } from '../../../shared/drills/types';
import { incidentNow } from '../../../shared/drills/clock';
import { useNow } from '../../lib/use-now';

/** "Now" for this incident, once a second: a drill's own clock (1×, 2×, 5×, paused), the wall otherwise. */
export function useIncidentNow(drill: DrillState | null): number {
  return incidentNow(drill, useNow());
}
