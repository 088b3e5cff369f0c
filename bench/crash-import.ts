// Kills during import, for bench/crash-harness.ts.
//
// bench/crash-child-import.ts imports the files of bench/crash-import-pool.ts one after another:
// post-mortem bundles (a new incident of ~3 000 events, created and committed in one write),
// scribe logs (2 000 more events of an incident it already has, by one scribe, merged in one
// write) and bundles of the same incident from another console (a merge: answered with a
// preview, written only when confirmed; the confirmed call is the acknowledgement). It is
// SIGKILLed, in turn, at a random moment (0–700 ms after its engine is open), aimed at one
// import (0–40 ms after it starts: decode, merge, the write, or the apply; for a merge, half
// the time 0–40 ms after its confirmed call starts), or aimed at a new incident's creation
// (0–3 ms after its folder appears: the journal is being created and the first write is about
// to happen). After each kill the data folder is reopened and checked
// (tests/support/crash-reopen.ts): no journal corrupt, every acknowledged import fully present
// with the origin of its file, no event twice, the import that was in flight either fully
// present, absent, or present as a prefix at the very end of the journal (a write cut short:
// the torn tail, if any, is repaired on open), the engine accepts a note, and importing the
// in-flight file again completes it (tests/support/crash-in-flight.ts: it adds exactly what was
// missing, and a third time adds nothing). Every 8 import kills a fresh data folder starts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TimelineEntry } from '../shared/domain/incident';
import { emptyInFlightCounts, type InFlightCounts, settleInFlight } from '../tests/support/crash-in-flight';
import { checkReopened, emptyExpected, emptyReopenCounts, type Expected, mustHave, openJournals, type ReopenCounts } from '../tests/support/crash-reopen';
import { startEngine } from '../tests/support/engine-harness';
import type { ImportFile } from './crash-import-pool';
import { type ImportAim, type ImportRun, runImportAndKill } from './crash-run-import';
import { CHILD_TIMEOUT_MS, withTimeout } from './crash-timeout';

export const IMPORT_EVERY = 5;
export const IMPORT_SERIES = 8;
const IMPORT_PLAN = 8;

export interface ImportStats {
  kills: number;
  aimedStart: number;
  aimedConfirm: number;
  aimedCreate: number;
  firedOnCreate: number;
  ackedImports: number;
  ackedMerges: number;
  /** Interrupted between the preview and the confirmed write, or during it. */
  inFlightConfirming: number;
  reopen: ReopenCounts;
  inFlight: InFlightCounts;
  refusedWrites: number;
  refusedImports: number;
  childFailures: number;
}

export function emptyImportStats(): ImportStats {
  return {
    kills: 0, aimedStart: 0, aimedConfirm: 0, aimedCreate: 0, firedOnCreate: 0, ackedImports: 0, ackedMerges: 0, inFlightConfirming: 0,
    reopen: emptyReopenCounts(), inFlight: emptyInFlightCounts(), refusedWrites: 0, refusedImports: 0, childFailures: 0,
  };
}

/** One import series: a data folder, the files imported into it so far, and what must be there. */
export interface ImportSeries {
  dir: string;
  /** Next file of the pool to import. */
  cursor: number;
  expected: Expected;
  kills: number;
}

export const newImportSeries = (dir: string): ImportSeries => ({ dir, cursor: 0, expected: emptyExpected(), kills: 0 });

/** The file's events must be there from now on, those it brings with its origin. */
function acknowledge(series: ImportSeries, f: ImportFile): void {
  mustHave(series.expected, f.incidentId, f.ids);
  const source = f.kind === 'scribe-log' ? 'scribe-log' : 'bundle';
  for (const id of f.brings) series.expected.origins.set(id, { source, file: f.name });
}

/**
 * One import kill and its checks. Returns false when the series cannot go on (a re-import
 * failed), so that the caller starts a fresh data folder.
 */
export async function importIteration(i: number, series: ImportSeries, pool: ImportFile[], stats: ImportStats, fail: (m: string) => void): Promise<boolean> {
  const plan = pool.slice(series.cursor, series.cursor + IMPORT_PLAN);
  if (plan.length === 0) return false;
  const say = (m: string) => fail(`iteration ${i} (import): ${m}`);
  const planFile = join(series.dir, `plan-${i}.json`);
  await writeFile(planFile, JSON.stringify(plan.map((f) => ({ path: f.path, name: f.name }))));
  // Import kills rotate: at a random moment, aimed at one import (at the confirmed call of a merge half the time), aimed at a new incident's folder.
  const k = Math.floor(i / IMPORT_EVERY) % 3;
  const index = Math.floor(Math.random() * Math.min(plan.length, 4));
  const aim: ImportAim =
    k === 0 ? { kind: 'ready' } : k === 1 ? { kind: 'start', index, confirm: plan[index]!.kind === 'merge' && Math.random() < 0.5 } : { kind: 'create' };
  let run: ImportRun;
  try {
    run = await withTimeout(runImportAndKill(series.dir, planFile, aim), CHILD_TIMEOUT_MS, `import child of iteration ${i}`);
  } catch (error) {
    stats.childFailures += 1;
    say((error as Error).message);
    return false;
  }
  stats.kills += 1;
  if (run.aim === 'start') stats.aimedStart += 1;
  if (run.aimedAtConfirm) stats.aimedConfirm += 1;
  if (run.aim === 'create') stats.aimedCreate += 1;
  if (run.firedOnCreate) stats.firedOnCreate += 1;
  if (run.inFlightConfirming) stats.inFlightConfirming += 1;
  series.kills += 1;
  if (run.refused.length > 0) {
    stats.refusedImports += run.refused.length;
    say(`the child's import was refused: ${run.refused.join(' | ')}`);
  }
  for (const index of run.acked) {
    acknowledge(series, plan[index]!);
    stats.ackedImports += 1;
    if (plan[index]!.kind === 'merge') stats.ackedMerges += 1;
  }
  const inFlight = run.inFlight === null ? null : plan[run.inFlight]!;
  series.cursor += Math.max(-1, ...run.acked, run.inFlight ?? -1) + 1;

  let ok = true;
  const engine = await startEngine(series.dir);
  try {
    let journals = await openJournals(engine, series.dir);
    // The file in flight first: re-importing it is part of what is checked below.
    if (inFlight) {
      const file = { name: inFlight.name, base64: await readFile(inFlight.path, 'utf8'), incidentId: inFlight.incidentId, ids: inFlight.ids };
      const settled = await settleInFlight(engine, series.dir, file, journals, series.expected, stats.inFlight, say);
      if (settled === 'completed') acknowledge(series, inFlight);
      if (settled === 'refused') ok = false;
      journals = await openJournals(engine, series.dir);
    }
    await checkReopened(series.dir, journals, series.expected, stats.reopen, say);
    // The engine accepts writes on every incident it has.
    for (const id of journals.keys()) {
      const wrote = await engine.dispatch('timeline.log', { incidentId: id, text: `after import kill ${i}` });
      if (wrote.ok) mustHave(series.expected, id, [(wrote.value as TimelineEntry).eventId]);
      else {
        stats.refusedWrites += 1;
        say(`the engine refused a write on ${id} after reopening: ${wrote.error.code} ${wrote.error.message}`);
      }
    }
  } finally {
    await engine.close();
  }
  return ok && series.cursor < pool.length;
}

/** The report's lines about import kills. */
export function importSummary(s: ImportStats): string[] {
  const r = s.reopen;
  const f = s.inFlight;
  return [
    `import kills: ${s.kills} (${s.kills - s.aimedStart - s.aimedCreate} at 0–700 ms after the engine opened, ${s.aimedStart} at 0–40 ms after one import started (${s.aimedConfirm} of them at a merge's confirmed call), ` +
      `${s.aimedCreate} at 0–3 ms after a new incident folder appeared — ${s.firedOnCreate} of them fired by one), up to ${r.maxIncidents} incidents per data folder; ` +
      `${s.ackedImports} imports acknowledged (${s.ackedMerges} merges confirmed after a preview), ${r.eventsChecked.toLocaleString('en-US')} event checks, ${r.lost} lost, ${r.duplicated} duplicated, ` +
      `${r.seqReused} sequence numbers reused, ${r.originWrong} with the wrong origin`,
    `import in flight at the kill: fully present ${f.full}, absent ${f.absent} (of which incident folders left with no readable record: ${f.orphanFolders}), ` +
      `partly present as the journal's tail ${f.partial} (not at the tail: ${f.partialNotAtTail}); between a merge's preview and its write or during it: ${s.inFlightConfirming}; ` +
      `re-import completed the union and was idempotent: ${f.reimportOk}, re-import failed: ${f.reimportFailed}, re-import wrong: ${f.reimportWrong}`,
    `import reopen: repaired ${r.repaired}, corrupt ${r.corrupt}, other problems ${r.otherProblems}, refused writes ${s.refusedWrites}, imports refused in the child ${s.refusedImports}, import children failed ${s.childFailures}`,
  ];
}
