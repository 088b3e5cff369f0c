// After a kill: the engine reopens the data folder, and every journal is checked against what
// was acknowledged before the kill. Shared by the import kills and the notes-and-imports kills.
import { stat } from 'node:fs/promises';
import type { Engine } from '../../electron/core/engine-types';
import type { IncidentListItem } from '../../shared/contract/contract';
import type { EventOrigin } from '../../shared/domain/events';
import type { IntegrityReport } from '../../shared/domain/integrity';
import { type JournalRead, readJournalOf, readRecords } from './crash-journal';
import { journalPath, mustOk } from './engine-harness';

export interface OpenedJournal extends JournalRead {
  set: Set<string>;
  integrity: IntegrityReport;
}

/** What the data folder must hold after the kill. */
export interface Expected {
  /** Ids that must be in each incident's journal, exactly once. */
  mustHave: Map<string, Set<string>>;
  /** The origin an imported event must carry (`at` and `by` are the importer's, not checked). */
  origins: Map<string, Pick<EventOrigin, 'source' | 'file'>>;
  /** Ids of files that were refused: in no journal. */
  mustNotHave: Set<string>;
  /** Incidents that only refused files would have opened: not here. */
  mustNotExist: Set<string>;
}

export const emptyExpected = (): Expected => ({ mustHave: new Map(), origins: new Map(), mustNotHave: new Set(), mustNotExist: new Set() });

/** From now on these ids must be in the incident's journal. */
export function mustHave(expected: Expected, incidentId: string, ids: Iterable<string>): void {
  const must = expected.mustHave.get(incidentId) ?? new Set<string>();
  for (const id of ids) must.add(id);
  expected.mustHave.set(incidentId, must);
}

export interface ReopenCounts {
  eventsChecked: number;
  lost: number;
  duplicated: number;
  /** Records whose sequence number does not follow the one before (a number written twice). */
  seqReused: number;
  corrupt: number;
  /** Reopened as repaired with only a torn tail cut. */
  repaired: number;
  /** Any other problem reported on open (a snapshot ignored, a repair that is not a torn tail). */
  otherProblems: number;
  originWrong: number;
  /** Ids of refused files found in a journal. */
  leaked: number;
  /** Incidents only refused files would have opened, found here. */
  ghosts: number;
  maxIncidents: number;
}

export const emptyReopenCounts = (): ReopenCounts => ({
  eventsChecked: 0, lost: 0, duplicated: 0, seqReused: 0, corrupt: 0, repaired: 0, otherProblems: 0, originWrong: 0, leaked: 0, ghosts: 0, maxIncidents: 0,
});

/** Every incident the engine lists, with its journal as it is on disk once the engine opened it. */
export async function openJournals(engine: Engine, dir: string): Promise<Map<string, OpenedJournal>> {
  const journals = new Map<string, OpenedJournal>();
  for (const item of await mustOk<IncidentListItem[]>(engine.dispatch('incident.list', {}))) {
    const read = readRecords((await readJournalOf(dir, item.id)) ?? Buffer.alloc(0));
    journals.set(item.id, { ...read, set: new Set(read.ids), integrity: item.integrity });
  }
  return journals;
}

/**
 * The checks every kill ends with: each journal opens clean (ok, or repaired with only a torn
 * tail cut, never corrupt), holds each id once with increasing sequence numbers, holds every
 * acknowledged id, with the origin its file gives it; no id of a refused file is anywhere, and
 * no incident only a refused file would have opened is here.
 */
export async function checkReopened(dir: string, journals: Map<string, OpenedJournal>, expected: Expected, counts: ReopenCounts, fail: (m: string) => void): Promise<void> {
  counts.maxIncidents = Math.max(counts.maxIncidents, journals.size);
  for (const [id, j] of journals) {
    const { status, problems } = j.integrity;
    if (status === 'corrupt') {
      counts.corrupt += 1;
      fail(`journal of ${id} reported corrupt: ${problems.map((p) => p.detail).join('; ')}`);
    }
    if (status === 'repaired') counts.repaired += 1;
    const other = problems.filter((p) => p.kind !== 'torn-tail');
    if (status !== 'corrupt' && other.length > 0) {
      counts.otherProblems += other.length;
      fail(`journal of ${id} reopened ${status} with more than a torn tail: ${other.map((p) => `${p.kind}: ${p.detail}`).join('; ')}`);
    }
    if (j.duplicates > 0) {
      counts.duplicated += j.duplicates;
      fail(`${j.duplicates} event ids twice in the journal of ${id}`);
    }
    if (j.seqNotIncreasing > 0) {
      counts.seqReused += j.seqNotIncreasing;
      fail(`${j.seqNotIncreasing} records of ${id} reuse a sequence number`);
    }
  }
  for (const [incidentId, must] of expected.mustHave) {
    const j = journals.get(incidentId);
    const missing = [...must].filter((id) => !j?.set.has(id));
    counts.eventsChecked += must.size;
    if (missing.length > 0) {
      counts.lost += missing.length;
      fail(`${missing.length} acknowledged events of ${incidentId} missing${j ? '' : ' (the incident is not listed)'}, e.g. ${missing.slice(0, 3).join(', ')}`);
    }
    if (!j) continue;
    let wrong = 0;
    for (const id of must) {
      const want = expected.origins.get(id);
      const got = j.origins.get(id);
      if (want ? got?.source !== want.source || got.file !== want.file : got !== undefined) wrong += 1;
    }
    if (wrong > 0) {
      counts.originWrong += wrong;
      fail(`${wrong} events of ${incidentId} do not carry the origin of the file that brought them (or carry one though made here)`);
    }
  }
  for (const [incidentId, j] of journals) {
    const leaked = j.ids.filter((id) => expected.mustNotHave.has(id));
    if (leaked.length > 0) {
      counts.leaked += leaked.length;
      fail(`${leaked.length} events of refused files are in the journal of ${incidentId}, e.g. ${leaked.slice(0, 3).join(', ')}`);
    }
  }
  for (const incidentId of expected.mustNotExist) {
    const folder = await stat(journalPath(dir, incidentId)).then(
      () => true,
      () => false,
    );
    if (journals.has(incidentId) || folder) {
      counts.ghosts += 1;
      fail(`${incidentId}, opened only by a refused file, is here${journals.has(incidentId) ? ' and listed' : ' (a journal file)'}`);
    }
  }
}
