// Notes-and-imports kills for bench/crash-harness.ts (the kill and its checks are
// tests/support/crash-mixed.ts): a fresh data folder every MIXED_SERIES kills, so that both
// young incidents and ones that have taken many files are covered.
import type { MixedRun } from '../tests/support/crash-mixed-run';
import { type MixedCounts, mixedKill, type MixedSeries, startMixedSeries } from '../tests/support/crash-mixed';
import { makeTempDir } from '../tests/support/temp-dir';
import { CHILD_TIMEOUT_MS, withTimeout } from './crash-timeout';

const MIXED_SERIES = 5;

export interface MixedState {
  series: MixedSeries | null;
  /** Kills so far: which hostile kinds come next. */
  turn: number;
  /** Data folders made, to remove at the end. */
  dirs: string[];
}

export async function mixedIteration(i: number, state: MixedState, counts: MixedCounts, fail: (m: string) => void): Promise<void> {
  if (!state.series || state.series.kills >= MIXED_SERIES) {
    const dir = await makeTempDir();
    state.dirs.push(dir);
    state.series = await startMixedSeries(dir);
  }
  const say = (m: string) => fail(`iteration ${i} (notes and imports): ${m}`);
  const timeout = (run: Promise<MixedRun>) => withTimeout(run, CHILD_TIMEOUT_MS, `notes-and-imports child of iteration ${i}`);
  const goOn = await mixedKill(state.turn, state.series, counts, say, { timeout });
  state.turn += 1;
  if (!goOn) state.series = null;
}

/** The report's lines about notes-and-imports kills. */
export function mixedSummary(c: MixedCounts): string[] {
  const r = c.reopen;
  const f = c.inFlight;
  const codes = [...c.refusedBy].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none';
  return [
    `notes-and-imports kills: ${c.kills} (${c.aimed} aimed at one valid file's start, ${c.aimedConfirm} of them at a merge's confirmed call; the rest 200–1 500 ms after the first import started), ` +
      `notes incident up to ${c.maxNotesIncident.toLocaleString('en-US')} events, up to ${r.maxIncidents} incidents per data folder`,
    `notes and imports: ${c.notesAcked.toLocaleString('en-US')} notes acknowledged (${c.notesLost} lost), ${c.importsAcked} imports acknowledged (${c.mergesConfirmed} merges confirmed after a preview), ` +
      `${c.hostileRefused} hostile files refused (${codes}), hostile files acknowledged ${c.hostileAcked}, valid files refused ${c.validRefused}, hostile files in flight at the kill ${c.hostileInFlight}`,
    `notes and imports after the kill: ${r.eventsChecked.toLocaleString('en-US')} event checks, ${r.lost} lost, ${r.duplicated} duplicated, ${r.seqReused} sequence numbers reused, ` +
      `${r.originWrong} with the wrong origin, ${r.leaked} events of refused files found, ${r.ghosts} incidents of refused files found; repaired ${r.repaired}, corrupt ${r.corrupt}, ` +
      `other problems ${r.otherProblems}, refused notes ${c.refusedWrites}, children failed ${c.childFailures}`,
    `notes and imports, valid file in flight at the kill: fully present ${f.full}, absent ${f.absent}, partly present as the journal's tail ${f.partial} (not at the tail: ${f.partialNotAtTail}); ` +
      `between a merge's preview and its write or during it: ${c.inFlightConfirming}; re-import completed it: ${f.reimportOk}, failed: ${f.reimportFailed}, wrong: ${f.reimportWrong}`,
    `exported after the kill and imported into an empty data folder: ${c.roundTrip.incidents} bundles, ${c.roundTrip.events.toLocaleString('en-US')} events, ${c.roundTrip.failed} not the same`,
  ];
}
