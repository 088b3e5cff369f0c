import type { TimelineEntry } from '../../shared/domain/incident';
import type { LoadedRun } from '../store/timeline-store';

/**
 * Row heights known before a row is drawn, so the virtualizer never measures while scrolling:
 * every row is one line; each earlier version of an amended line adds one line; a row opened
 * to read a long entry in full is measured once, and kept by entry id; an entry with files
 * attached has one strip of thumbnails under it, of fixed height.
 */
export const ROW_HEIGHT = 32;
export const REVISION_HEIGHT = 20;
/** The strip of an entry's artefacts (`.af-strip` in artefacts.css). */
export const ARTEFACT_STRIP_HEIGHT = 64;

const NO_FILES: ReadonlySet<string> = new Set();

/** `withFiles`: the ids of entries that have artefacts (the state's `artefacts`, by entryId). */
export function extraHeight(entry: TimelineEntry, opened: ReadonlyMap<string, number>, withFiles: ReadonlySet<string> = NO_FILES): number {
  const open = opened.get(entry.id);
  if (open !== undefined) return Math.max(0, open - ROW_HEIGHT);
  return entry.revisions.length * REVISION_HEIGHT + (withFiles.has(entry.id) ? ARTEFACT_STRIP_HEIGHT : 0);
}

/** Positions whose row is taller than one line, from what is loaded: usually none. */
export function extraHeights(runs: readonly LoadedRun[], opened: ReadonlyMap<string, number>, withFiles: ReadonlySet<string> = NO_FILES): Map<number, number> {
  const extras = new Map<number, number>();
  for (const run of runs) {
    run.entries.forEach((entry, i) => {
      const extra = extraHeight(entry, opened, withFiles);
      if (extra > 0) extras.set(run.start + i, extra);
    });
  }
  return extras;
}

/** Equal for equal maps: a change means the virtualizer must lay the list out again. */
export function heightsKey(extras: ReadonlyMap<number, number>): string {
  let key = '';
  for (const [position, extra] of extras) key += `${position}:${extra},`;
  return key;
}

/** Long enough that one line may cut it: the row offers to open. */
export function mayBeCut(entry: TimelineEntry): boolean {
  return entry.text.length > 90 || entry.text.includes('\n');
}
