import type { IncidentEvent } from './events';

/** Time order, then the order within the journal that wrote it, then id: total and intrinsic. */
export function compareEvents(a: IncidentEvent, b: IncidentEvent): number {
  return a.at - b.at || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Two logs of the same incident (an offline scribe's and the commander's) as one: the union
 * by event id, in time order. Commutative, associative and idempotent, so logs can be merged
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
