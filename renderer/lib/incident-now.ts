import { incidentNow } from '../../shared/drills/clock';
import type { DrillState } from '../../shared/drills/types';
import { useNow } from './use-now';

/** Anything that may be a drill: an incident's state or view. */
type Clocked = { drill?: DrillState | null } | null | undefined;

/**
 * "Now" on an incident's own clock. A drill's events carry drill time (at 5× it runs ahead of
 * the wall), so every countdown, elapsed clock and "x min ago" on a drill must read this, not
 * Date.now(), or the clocks lie. A live incident gets the wall.
 */
export function nowOn(incident: Clocked, wall: number = Date.now()): number {
  return incidentNow(incident?.drill, wall);
}

/** The shared one-second display clock, on the incident's clock. */
export function useIncidentNow(incident: Clocked): number {
  return nowOn(incident, useNow());
}
