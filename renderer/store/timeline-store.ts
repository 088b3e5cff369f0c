import { create } from 'zustand';
import type { TimelineFacetsView } from '../../shared/contract/contract';
import type { TimelineEntry } from '../../shared/domain/incident';

/** A run of entries the engine sent, at positions `start…` of the filtered reading order. */
export interface LoadedRun {
  start: number;
  entries: TimelineEntry[];
  /** When the entry before `start` happened (null at the top): to mark a new day. */
  before: number | null;
  /** The store's `revision` when it came: older runs are shown, and asked for again. */
  revision: number;
}

interface TimelineStore {
  /** The incident and filter the runs belong to. */
  incidentId: string | null;
  filterKey: string;
  /** The engine's order generation the runs were cut from. */
  generation: number;
  /** Entries matching the filter (the scrollbar's length) and all entries. */
  count: number;
  total: number;
  runs: LoadedRun[];
  /** Bumped when pushed events may have changed something already loaded. */
  revision: number;
  /** False until the first page for this incident and filter came. */
  ready: boolean;
  facets: TimelineFacetsView;
}

export const EMPTY_FACETS: TimelineFacetsView = { actors: [], attributions: [], authors: [] };

export const useTimeline = create<TimelineStore>(() => ({
  incidentId: null,
  filterKey: '',
  generation: 0,
  count: 0,
  total: 0,
  runs: [],
  revision: 0,
  ready: false,
  facets: EMPTY_FACETS,
}));

/** The loaded entry at a position, if any run holds it (a handful of runs: a short scan). */
export function entryAt(runs: readonly LoadedRun[], position: number): TimelineEntry | undefined {
  for (const run of runs) {
    const i = position - run.start;
    if (i >= 0 && i < run.entries.length) return run.entries[i];
  }
  return undefined;
}

/** When the entry before `position` happened, from the runs; undefined when not loaded. */
export function atBefore(runs: readonly LoadedRun[], position: number): number | null | undefined {
  if (position === 0) return null;
  for (const run of runs) {
    if (run.start === position) return run.before;
    const i = position - 1 - run.start;
    if (i >= 0 && i < run.entries.length) return run.entries[i]!.at;
  }
  return undefined;
}

/** An entry shown on screen, by id: for the amend and strike dialogs opened from its row. */
export function findLoadedEntry(entryId: string): TimelineEntry | undefined {
  for (const run of useTimeline.getState().runs) {
    const entry = run.entries.find((e) => e.id === entryId);
    if (entry) return entry;
  }
  return undefined;
}
