// The import a kill interrupted: what of it reached the journal, and importing it again.
import type { Engine } from '../../electron/core/engine-types';
import { importConfirmed } from './crash-confirm';
import { readJournalOf, readRecords } from './crash-journal';
import type { Expected, OpenedJournal } from './crash-reopen';

export interface InFlightFile {
  name: string;
  base64: string;
  incidentId: string;
  /** Every event id in the file. */
  ids: string[];
}

export interface InFlightCounts {
  full: number;
  absent: number;
  /** Partly present, as the journal's tail (a write cut short). */
  partial: number;
  partialNotAtTail: number;
  /** Absent, and the incident's folder was left with no readable record. */
  orphanFolders: number;
  reimportOk: number;
  reimportFailed: number;
  reimportWrong: number;
}

export const emptyInFlightCounts = (): InFlightCounts => ({ full: 0, absent: 0, partial: 0, partialNotAtTail: 0, orphanFolders: 0, reimportOk: 0, reimportFailed: 0, reimportWrong: 0 });

/**
 * What an interrupted import left must be all of it, nothing, or a part of it as the very end
 * of the journal (one write cut short; the torn line, if any, was cut on open). Importing it
 * again, confirming a preview if one comes, adds exactly what was missing, and a third time
 * adds nothing. Answers `completed` when all of that held (its ids must be there from now on),
 * `wrong` when the re-import added the wrong count, `refused` when it was refused.
 */
export async function settleInFlight(
  engine: Engine,
  dir: string,
  file: InFlightFile,
  journals: Map<string, OpenedJournal>,
  expected: Expected,
  counts: InFlightCounts,
  fail: (m: string) => void,
): Promise<'completed' | 'wrong' | 'refused'> {
  const j = journals.get(file.incidentId);
  // Ids an earlier file already brought (a merge carries the incident it merges into).
  const had = expected.mustHave.get(file.incidentId) ?? new Set<string>();
  const brings = file.ids.filter((id) => !had.has(id));
  const present = j ? brings.filter((id) => j.set.has(id)) : [];
  if (present.length === brings.length) counts.full += 1;
  else if (present.length === 0) {
    counts.absent += 1;
    if (!j && (await readJournalOf(dir, file.incidentId)) !== null) counts.orphanFolders += 1;
  } else {
    counts.partial += 1;
    const tail = new Set(j!.ids.slice(j!.ids.length - present.length));
    if (!present.every((id) => tail.has(id))) {
      counts.partialNotAtTail += 1;
      fail(`${present.length} of ${brings.length} events of the interrupted ${file.name} are present but not as the journal's tail`);
    }
  }
  const again = await importConfirmed(engine, file.name, file.base64);
  if (!again.result.ok) {
    counts.reimportFailed += 1;
    fail(
      `importing the interrupted ${file.name} again failed (${present.length} of ${brings.length} events were present${!j && present.length === 0 ? '; the incident was not listed' : ''}): ` +
        `${again.result.error.code} ${again.result.error.message}`,
    );
    return 'refused';
  }
  const after = readRecords((await readJournalOf(dir, file.incidentId)) ?? Buffer.alloc(0));
  const afterSet = new Set(after.ids);
  const complete = file.ids.every((id) => afterSet.has(id));
  const third = await importConfirmed(engine, file.name, file.base64);
  const thirdAdded = third.result.ok ? third.result.value.added : null;
  const added = again.result.value.added;
  if (complete && added === brings.length - present.length && thirdAdded === 0 && !third.previewed && after.duplicates === 0) {
    counts.reimportOk += 1;
    return 'completed';
  }
  counts.reimportWrong += 1;
  fail(
    `re-import of ${file.name} added ${added} (expected ${brings.length - present.length}), complete ${complete}, ` +
      `a third import ${third.result.ok ? `added ${thirdAdded}${third.previewed ? ' after a preview' : ''}` : 'was refused'}, duplicates ${after.duplicates}`,
  );
  return 'wrong';
}
