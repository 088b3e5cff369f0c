import type { Millis } from '../domain/incident';
import type { DrillClock, DrillState } from './types';

/** The drill's time at a wall time: it runs at the drill's speed from its last anchor, and stands still while paused. */
export function drillTimeAt(clock: DrillClock, wall: Millis): Millis {
  if (clock.paused) return clock.anchorDrill;
  return clock.anchorDrill + Math.max(0, wall - clock.anchorWall) * clock.speed;
}

/** The wall time at which the drill reaches `drillTime`, or null while paused (it never will until resumed). */
export function wallTimeFor(clock: DrillClock, drillTime: Millis): Millis | null {
  if (clock.paused) return null;
  return clock.anchorWall + Math.max(0, drillTime - clock.anchorDrill) / clock.speed;
}

/** "Now" for an incident: the drill's clock for a drill that has not ended, the wall otherwise. */
export function incidentNow(drill: DrillState | null | undefined, wall: Millis): Millis {
  if (!drill) return wall;
  if (drill.endedAt !== null) return drill.endedAt;
  return drillTimeAt(drill.clock, wall);
}

/** Minutes since the drill began, on its clock (T+12). */
export function drillMinute(drill: DrillState, wall: Millis): number {
  return (incidentNow(drill, wall) - drill.startedAt) / 60_000;
}
