import type { EntryKind, TimelineEntry } from './incident';

/** What the reader asked to see. Every part narrows; the empty filter shows everything. */
export interface TimelineFilter {
  /** 'all', one kind, or 'scribe' for everything but the engine's own lines. */
  kind: EntryKind | 'all' | 'scribe';
  /** A role key or a person's name, as written in `attribution`. */
  attribution: string | null;
  /** Who wrote it down. */
  actor: string | null;
  workstreamId: string | null;
  text: string;
  pinnedOnly: boolean;
}

export const EMPTY_FILTER: TimelineFilter = {
  kind: 'all',
  attribution: null,
  actor: null,
  workstreamId: null,
  text: '',
  pinnedOnly: false,
};

export function isEmptyFilter(f: TimelineFilter): boolean {
  return f.kind === 'all' && f.attribution === null && f.actor === null && f.workstreamId === null && f.text.trim() === '' && !f.pinnedOnly;
}

/** One string per filter, equal for filters that select the same entries. */
export function filterKey(f: TimelineFilter): string {
  return JSON.stringify([f.kind, f.attribution, f.actor, f.workstreamId, f.text.trim().toLowerCase(), f.pinnedOnly]);
}

function searchText(entry: TimelineEntry): string {
  return [entry.text, entry.actor, entry.attribution ?? '', ...entry.revisions.map((r) => r.text)].join('\n').toLowerCase();
}

/** `needle` is the filter's text, trimmed and lowered once by the caller. */
export function entryMatches(entry: TimelineEntry, f: TimelineFilter, needle: string): boolean {
  if (f.pinnedOnly && !entry.pinned) return false;
  if (f.kind === 'scribe' ? entry.kind === 'system' : f.kind !== 'all' && entry.kind !== f.kind) return false;
  if (f.workstreamId !== null && entry.workstreamId !== f.workstreamId) return false;
  if (f.attribution !== null && entry.attribution !== f.attribution) return false;
  if (f.actor !== null && entry.actor !== f.actor) return false;
  return needle === '' || searchText(entry).includes(needle);
}

/**
 * Where a new entry goes in reading order (by `at`, then logged order): after every entry that
 * happened at or before it. `order` holds timeline indexes already in reading order.
 */
export function readingSlot(timeline: readonly TimelineEntry[], order: readonly number[], at: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[order[mid]!]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Timeline indexes in reading order: by `at`, then in logged order (a backfilled line sits where it happened). */
export function readingOrder(timeline: readonly TimelineEntry[]): number[] {
  const order = Array.from({ length: timeline.length }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < timeline.length && sorted; i++) sorted = timeline[i - 1]!.at <= timeline[i]!.at;
  if (!sorted) order.sort((a, b) => timeline[a]!.at - timeline[b]!.at || a - b);
  return order;
}
