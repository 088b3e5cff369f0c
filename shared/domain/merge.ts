import type { IncidentEvent } from './events';
import { compareStamped } from './hlc';

const isOpening = (e: { type: string }) => e.type === 'incident.declared' || e.type === 'incident.detected';

/**
 * The order of every incident's events: the opening first, then by clock stamp, then id. Total
 * and intrinsic to the events, so every console sorts a set of events alike. The opening leads
 * whatever its stamp: a line from an older file, stamped from its own time, may predate it.
 */
export function compareEvents(a: { type: string; hlc: string; id: string }, b: { type: string; hlc: string; id: string }): number {
  const oa = isOpening(a);
  if (oa !== isOpening(b)) return oa ? -1 : 1;
  return compareStamped(a, b);
}

/**
 * Two logs of the same incident (an offline scribe's and the commander's) as one: the union
 * by event id, in stamp order. Commutative, associative and idempotent, so logs can be merged
 * in any order, any number of times, and agree.
 */
export function mergeLogs(a: readonly IncidentEvent[], b: readonly IncidentEvent[]): IncidentEvent[] {
  const byId = new Map<string, IncidentEvent>();
  for (const e of [...a, ...b]) {
    const held = byId.get(e.id);
    // The same id is the same event; should two copies differ, keep one chosen by content alone.
    if (!held || JSON.stringify(e) < JSON.stringify(held)) byId.set(e.id, e);
  }
  return [...byId.values()].sort(compareEvents);
}
