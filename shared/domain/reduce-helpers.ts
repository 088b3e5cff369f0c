import type { IncidentEvent } from './events';
import type { IncidentState, TimelineEntry } from './incident';

/** A line the engine writes on the timeline for a system event, visually distinct. */
export function systemEntry(event: IncidentEvent, text: string, at = event.at): TimelineEntry {
  return {
    id: `${event.id}:system`,
    at,
    loggedAt: event.at,
    text,
    kind: 'system',
    actor: event.actor,
    attribution: null,
    workstreamId: null,
    pinned: false,
    struck: null,
    revisions: [],
    systemType: event.type,
    eventId: event.id,
    ...(event.origin ? { origin: event.origin } : {}),
  };
}

// Entry id → index in the timeline, kept beside each state (not in it, so snapshots stay plain
// JSON). Entries are only appended or replaced in place, so indexes never move.
const indexes = new WeakMap<IncidentState, { byId: Map<string, number>; upTo: number }>();

export function entryIndex(state: IncidentState, entryId: string): number {
  let index = indexes.get(state);
  if (!index || index.upTo > state.timeline.length) {
    index = { byId: new Map(), upTo: 0 };
    indexes.set(state, index);
  }
  for (; index.upTo < state.timeline.length; index.upTo++) {
    const id = state.timeline[index.upTo]!.id;
    if (!index.byId.has(id)) index.byId.set(id, index.upTo);
  }
  return index.byId.get(entryId) ?? -1;
}

export function pushEntry(state: IncidentState, entry: TimelineEntry): void {
  state.timeline.push(entry);
}

/** Replaces an entry with a changed copy: entry objects are never mutated. */
export function replaceEntry(state: IncidentState, entryId: string, change: (entry: TimelineEntry) => TimelineEntry): boolean {
  const i = entryIndex(state, entryId);
  if (i < 0) return false;
  state.timeline[i] = change(state.timeline[i]!);
  return true;
}

export function formatUtc(ms: number | null): string {
  if (ms === null) return 'not set';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
