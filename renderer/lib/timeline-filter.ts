import type { EntryKind, TimelineEntry } from '../../shared/domain/incident';

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

// Entries are replaced, never changed, so the lowered text of one entry object stays right.
const lowered = new WeakMap<TimelineEntry, string>();

function searchText(entry: TimelineEntry): string {
  let text = lowered.get(entry);
  if (text === undefined) {
    text = [entry.text, entry.actor, entry.attribution ?? '', ...entry.revisions.map((r) => r.text)].join('\n').toLowerCase();
    lowered.set(entry, text);
  }
  return text;
}

export function entryMatches(entry: TimelineEntry, f: TimelineFilter, needle: string): boolean {
  if (f.pinnedOnly && !entry.pinned) return false;
  if (f.kind === 'scribe' ? entry.kind === 'system' : f.kind !== 'all' && entry.kind !== f.kind) return false;
  if (f.workstreamId !== null && entry.workstreamId !== f.workstreamId) return false;
  if (f.attribution !== null && entry.attribution !== f.attribution) return false;
  if (f.actor !== null && entry.actor !== f.actor) return false;
  return needle === '' || searchText(entry).includes(needle);
}

/**
 * The reading order narrowed by the filter: one pass over positions that are already sorted,
 * no copy of the entries and no sort. Called only when the filter or the timeline changed.
 */
export function filterPositions(timeline: readonly TimelineEntry[], positions: readonly number[], f: TimelineFilter): number[] {
  const needle = f.text.trim().toLowerCase();
  const out: number[] = [];
  for (const position of positions) {
    const entry = timeline[position];
    if (entry && entryMatches(entry, f, needle)) out.push(position);
  }
  return out;
}

/**
 * The names seen on a timeline (who wrote lines, whom they are attributed to), for the
 * filter menus. Scans only entries it has not seen: attribution and author never change.
 */
export class TimelineFacets {
  private source: readonly TimelineEntry[] | null = null;
  private seen = 0;
  readonly actors = new Set<string>();
  readonly attributions = new Set<string>();

  sync(timeline: readonly TimelineEntry[]): this {
    if (timeline !== this.source || timeline.length < this.seen) {
      this.source = timeline;
      this.seen = 0;
      this.actors.clear();
      this.attributions.clear();
    }
    for (; this.seen < timeline.length; this.seen++) {
      const entry = timeline[this.seen]!;
      if (entry.kind !== 'system' && entry.actor) this.actors.add(entry.actor);
      if (entry.attribution) this.attributions.add(entry.attribution);
    }
    return this;
  }
}
