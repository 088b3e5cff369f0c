import type { IncidentState, TimelineEntry } from '../../../shared/domain/incident';
import { entryMatches, filterKey, isEmptyFilter, readingOrder, readingSlot, type TimelineFilter } from '../../../shared/domain/timeline-query';

/** The engine's own name on the lines it writes: not a person who wrote on the incident. */
const ENGINE_NAME = 'Command Post';
/** Filtered orders kept per incident: the one on screen, the one before it, and a spare. */
const FILTERS_KEPT = 3;

let generations = 0;
/** Unique in the process: an order replaced (re-reduce, reopen) never repeats a number. */
const nextGeneration = () => ++generations;

interface FilteredOrder {
  key: string;
  generation: number;
  edits: number;
  /** Timeline indexes examined so far: entries past it are new and were appended at the end. */
  upTo: number;
  positions: number[];
}

/** Names on the timeline, for the filter menus and the scribe-log export. */
export interface Facets {
  actors: Set<string>;
  attributions: Set<string>;
  /** Lines each person wrote (any kind), the engine's own lines left out. */
  authors: Map<string, number>;
}

/**
 * The reading order of one state's timeline, kept beside it. Appends at the end are cheap; an
 * entry that lands in the middle (backfilled `at`) moves later positions and starts a new
 * generation. A re-reduce makes a new state object, hence a new index and generation: a page
 * is always cut from one generation, never from two.
 */
export class TimelineIndex {
  generation = nextGeneration();
  /** Timeline indexes in reading order. */
  readonly order: number[];
  private seen: number;
  private readonly filtered: FilteredOrder[] = [];
  readonly facets: Facets = { actors: new Set(), attributions: new Set(), authors: new Map() };

  constructor(readonly state: IncidentState) {
    this.order = readingOrder(state.timeline);
    this.seen = state.timeline.length;
    for (const entry of state.timeline) this.countFacets(entry);
  }

  /** Takes in entries appended to the timeline since the last call. */
  sync(): void {
    const timeline = this.state.timeline;
    for (; this.seen < timeline.length; this.seen++) {
      const entry = timeline[this.seen]!;
      this.countFacets(entry);
      const slot = readingSlot(timeline, this.order, entry.at);
      if (slot === this.order.length) this.order.push(this.seen);
      else {
        this.order.splice(slot, 0, this.seen);
        this.generation = nextGeneration();
      }
    }
  }

  /** The positions matching `filter`, in reading order; `edits` counts amendments, strikes and pins so far. */
  positions(filter: TimelineFilter, edits: number): readonly number[] {
    this.sync();
    if (isEmptyFilter(filter)) return this.order;
    const key = filterKey(filter);
    const needle = filter.text.trim().toLowerCase();
    const timeline = this.state.timeline;
    let held = this.filtered.find((f) => f.key === key);
    if (!held || held.generation !== this.generation || held.edits !== edits) {
      held = { key, generation: this.generation, edits, upTo: timeline.length, positions: [] };
      for (const i of this.order) if (entryMatches(timeline[i]!, filter, needle)) held.positions.push(i);
      this.remember(held);
      return held.positions;
    }
    // Same generation: everything past `upTo` was appended at the end of the reading order.
    for (; held.upTo < timeline.length; held.upTo++) if (entryMatches(timeline[held.upTo]!, filter, needle)) held.positions.push(held.upTo);
    return held.positions;
  }

  entry(index: number): TimelineEntry {
    return this.state.timeline[index]!;
  }

  private remember(order: FilteredOrder): void {
    const at = this.filtered.findIndex((f) => f.key === order.key);
    if (at >= 0) this.filtered.splice(at, 1);
    this.filtered.unshift(order);
    this.filtered.length = Math.min(this.filtered.length, FILTERS_KEPT);
  }

  private countFacets(entry: TimelineEntry): void {
    if (entry.kind !== 'system' && entry.actor) this.facets.actors.add(entry.actor);
    if (entry.attribution) this.facets.attributions.add(entry.attribution);
    if (entry.actor !== ENGINE_NAME) this.facets.authors.set(entry.actor, (this.facets.authors.get(entry.actor) ?? 0) + 1);
  }
}

// Kept beside each state object, not in it: snapshots stay plain JSON, and a state replaced by
// a re-reduce drops its index with it.
const indexes = new WeakMap<IncidentState, TimelineIndex>();

export function timelineIndex(state: IncidentState): TimelineIndex {
  let index = indexes.get(state);
  if (!index) {
    index = new TimelineIndex(state);
    indexes.set(state, index);
  }
  return index;
}

// Amendments, strikes and pins change entries in place of their position: a filtered order
// that looked at text, kind or pins is then redone. Counted per incident id.
const edits = new Map<string, number>();
const EDIT_TYPES = new Set(['timeline.amended', 'timeline.struck', 'timeline.pinned']);

export function noteTimelineEdits(events: ReadonlyArray<{ type: string; incidentId: string }>): void {
  for (const event of events) if (EDIT_TYPES.has(event.type)) edits.set(event.incidentId, (edits.get(event.incidentId) ?? 0) + 1);
}

export function editsOf(incidentId: string): number {
  return edits.get(incidentId) ?? 0;
}
