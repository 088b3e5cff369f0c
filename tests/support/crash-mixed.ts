// One kill of the notes-and-imports child, and what is checked after it.
//
// tests/support/crash-mixed-child.ts logs notes with four writers on one incident while it
// imports, in between, a plan of random files (tests/support/crash-mixed-files.ts): two valid
// scribe logs of a second author on that incident, a bundle of a new incident, a bundle of an
// incident already here (previewed, then confirmed), the hostile scribe log that opens the
// incident a second time as its last line, and three other hostile files in turn. It is
// SIGKILLed at a random moment, or aimed at one valid file (its start, or its confirmed call).
// Then the data folder is reopened and checked: every journal opens clean (ok, or repaired
// with only a torn tail cut), every acknowledged note and every acknowledged import's events
// are there exactly once with increasing sequence numbers (and imported ones with the origin
// of their file), no event of a refused file is anywhere and no incident only a refused file
// would have opened is here, the valid file in flight completes on import again, the engine
// accepts a note, and every incident the kill wrote to, exported as a bundle, imports into an
// empty data folder with the same event ids in the same order.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TimelineEntry } from '../../shared/domain/incident';
import { emptyInFlightCounts, type InFlightCounts, settleInFlight } from './crash-in-flight';
import { readJournalOf, readRecords } from './crash-journal';
import { HOSTILE_KINDS, type HostileKind, hostileFile, type MixedFile, type Target, validFile } from './crash-mixed-files';
import { type MixedAim, type MixedRun, runMixedAndKill } from './crash-mixed-run';
import { checkReopened, emptyExpected, emptyReopenCounts, type Expected, mustHave, openJournals, type ReopenCounts } from './crash-reopen';
import { emptyRoundTripCounts, roundTrip, type RoundTripCounts } from './crash-roundtrip';
import { declare, mustOk, startEngine } from './engine-harness';

/** One data folder and what must (and must not) be in it. */
export interface MixedSeries {
  dir: string;
  /** The incident the notes go to, and the scribe's logs. */
  incidentId: string;
  expected: Expected;
  /** An entry the IC logged: the scribe may not strike it. */
  foreignEntryId: string;
  scribeEntryIds: string[];
  /** Incidents here that a bundle may merge into. */
  mergeable: string[];
  kills: number;
}

export interface MixedCounts {
  kills: number;
  aimed: number;
  aimedConfirm: number;
  notesAcked: number;
  notesLost: number;
  importsAcked: number;
  mergesConfirmed: number;
  hostileRefused: number;
  /** Refusals by error code. */
  refusedBy: Map<string, number>;
  hostileAcked: number;
  validRefused: number;
  hostileInFlight: number;
  inFlightConfirming: number;
  refusedWrites: number;
  childFailures: number;
  reopen: ReopenCounts;
  inFlight: InFlightCounts;
  roundTrip: RoundTripCounts;
  maxNotesIncident: number;
}

export const emptyMixedCounts = (): MixedCounts => ({
  kills: 0, aimed: 0, aimedConfirm: 0, notesAcked: 0, notesLost: 0, importsAcked: 0, mergesConfirmed: 0, hostileRefused: 0, refusedBy: new Map(),
  hostileAcked: 0, validRefused: 0, hostileInFlight: 0, inFlightConfirming: 0, refusedWrites: 0, childFailures: 0,
  reopen: emptyReopenCounts(), inFlight: emptyInFlightCounts(), roundTrip: emptyRoundTripCounts(), maxNotesIncident: 0,
});

/** A data folder with the incident the notes go to, declared by the IC, who logs one line. */
export async function startMixedSeries(dir: string): Promise<MixedSeries> {
  const engine = await startEngine(dir);
  try {
    const view = await declare(engine, 'Notes and imports under kill -9');
    const note = await mustOk<TimelineEntry>(engine.dispatch('timeline.log', { incidentId: view.id, text: 'IC: opening the bridge' }));
    const expected = emptyExpected();
    mustHave(expected, view.id, readRecords((await readJournalOf(dir, view.id))!).ids);
    return { dir, incidentId: view.id, expected, foreignEntryId: note.id, scribeEntryIds: [], mergeable: [view.id], kills: 0 };
  } finally {
    await engine.close();
  }
}

const OTHER_HOSTILE = HOSTILE_KINDS.filter((k) => k !== 'second-opening-last');

/**
 * The files of kill number `turn`: the valid ones, the second opening placed last (the file
 * that once cost an acknowledged note), and three other hostile kinds, taken in turn so that a
 * few kills cover them all; in random order.
 */
async function planFiles(series: MixedSeries, turn: number, tag: string): Promise<MixedFile[]> {
  const here = await target(series, series.incidentId);
  const there = await target(series, series.mergeable[Math.floor(Math.random() * series.mergeable.length)]!);
  const hostile: HostileKind[] = ['second-opening-last', ...[0, 1, 2].map((k) => OTHER_HOSTILE[(turn * 3 + k) % OTHER_HOSTILE.length]!)];
  const files = [
    validFile('scribe-log', `${tag}-log-a`, here, there),
    validFile('scribe-log', `${tag}-log-b`, here, there),
    validFile('new-bundle', `${tag}-new`, here, there),
    validFile('merge-bundle', `${tag}-merge`, here, there),
    ...hostile.map((kind) => hostileFile(kind, `${tag}-${kind}`, here)),
  ];
  for (let k = files.length - 1; k > 0; k--) {
    const j = Math.floor(Math.random() * (k + 1));
    [files[k], files[j]] = [files[j]!, files[k]!];
  }
  return files;
}

async function target(series: MixedSeries, incidentId: string): Promise<Target> {
  const first = (await readJournalOf(series.dir, incidentId))!;
  const line = first.subarray(0, first.indexOf(0x0a)).toString('utf8');
  const { origin: _origin, ...opening } = (JSON.parse(line) as { event: Record<string, unknown> }).event;
  return { incidentId, opening, foreignEntryId: series.foreignEntryId, scribeEntryIds: series.scribeEntryIds };
}

/**
 * Half the kills at a random moment, half aimed at one valid file (at a merge's confirmed call
 * half the time), preferably from the fourth file on, so that a few files have had their answer.
 */
function chooseAim(files: MixedFile[]): MixedAim {
  if (Math.random() < 0.5) return { kind: 'random', ms: 200 + Math.floor(Math.random() * 1_300) };
  const valid = files.flatMap((f, index) => (f.hostile ? [] : [index]));
  const later = valid.filter((index) => index >= 3);
  const from = later.length > 0 ? later : valid;
  const index = from[Math.floor(Math.random() * from.length)]!;
  return { kind: 'import', index, confirm: files[index]!.kind === 'merge-bundle' && Math.random() < 0.5 };
}

/** From now on the file's events must be there, those it brings with its origin. */
function acknowledge(series: MixedSeries, f: MixedFile, touched: Set<string>): void {
  touched.add(f.incidentId);
  mustHave(series.expected, f.incidentId, f.ids);
  for (const id of f.fresh) series.expected.origins.set(id, { source: f.source, file: f.name });
  series.scribeEntryIds.push(...f.scribeEntryIds);
  if (f.opens && !series.mergeable.includes(f.incidentId)) series.mergeable.push(f.incidentId);
}

/** Nothing of the file may ever be here. */
function refused(series: MixedSeries, f: MixedFile): void {
  for (const id of f.fresh) series.expected.mustNotHave.add(id);
  if (f.opens) series.expected.mustNotExist.add(f.incidentId);
}

export interface MixedKillOptions {
  /** Bounds the child's run. */
  timeout?: (run: Promise<MixedRun>) => Promise<MixedRun>;
  /** Kill only once every file was answered (a test that needs each file to have had its say). */
  afterPlan?: boolean;
}

/**
 * One kill and its checks; `fail` gets each problem. Returns false when the series cannot go on
 * (a journal left corrupt or refusing notes, an interrupted file that cannot be imported again).
 */
export async function mixedKill(turn: number, series: MixedSeries, counts: MixedCounts, fail: (m: string) => void, options: MixedKillOptions = {}): Promise<boolean> {
  const tag = `m${turn}`;
  const files = await planFiles(series, turn, tag);
  const paths = files.map((f, k) => ({ path: join(series.dir, `${tag}-${k}.bin`), name: f.name }));
  for (const [k, f] of files.entries()) await writeFile(paths[k]!.path, f.bytes);
  const planFile = join(series.dir, `${tag}-plan.json`);
  await writeFile(planFile, JSON.stringify(paths));
  const aim: MixedAim = options.afterPlan ? { kind: 'done' } : chooseAim(files);
  let run: MixedRun;
  try {
    const running = runMixedAndKill(series.dir, series.incidentId, tag, planFile, aim);
    run = await (options.timeout ? options.timeout(running) : running);
  } catch (error) {
    counts.childFailures += 1;
    fail((error as Error).message);
    return false;
  }
  counts.kills += 1;
  series.kills += 1;
  if (run.firedOnAim) counts.aimed += 1;
  if (run.firedOnAim && aim.kind === 'import' && aim.confirm) counts.aimedConfirm += 1;
  if (run.notes.length === 0) fail('the child acknowledged no note');
  const noteIds = run.notes;
  mustHave(series.expected, series.incidentId, noteIds);
  counts.notesAcked += noteIds.length;

  // The incidents this kill wrote to: each is exported and imported into an empty folder afterwards.
  const touched = new Set([series.incidentId]);
  for (const [index, code] of run.refused) {
    const f = files[index]!;
    counts.refusedBy.set(code, (counts.refusedBy.get(code) ?? 0) + 1);
    if (f.hostile) {
      counts.hostileRefused += 1;
      refused(series, f);
    } else {
      counts.validRefused += 1;
      fail(`the valid ${f.kind} ${f.name} was refused: ${code}`);
    }
  }
  for (const index of run.acked.keys()) {
    const f = files[index]!;
    if (f.hostile) {
      counts.hostileAcked += 1;
      fail(`the hostile ${f.kind} ${f.name} was acknowledged (${run.acked.get(index)} events added)`);
      continue;
    }
    acknowledge(series, f, touched);
    counts.importsAcked += 1;
    if (f.kind === 'merge-bundle') counts.mergesConfirmed += 1;
  }
  const inFlight = run.inFlight === null ? null : files[run.inFlight]!;
  if (run.inFlightConfirming) counts.inFlightConfirming += 1;
  // A hostile file the kill interrupted was never answered: nothing of it may be here either.
  if (inFlight?.hostile) {
    counts.hostileInFlight += 1;
    refused(series, inFlight);
  }

  let goOn = true;
  const engine = await startEngine(series.dir);
  try {
    let journals = await openJournals(engine, series.dir);
    const notes = journals.get(series.incidentId);
    const lost = noteIds.filter((id) => !notes?.set.has(id));
    counts.notesLost += lost.length;
    counts.maxNotesIncident = Math.max(counts.maxNotesIncident, notes?.ids.length ?? 0);
    if (inFlight && !inFlight.hostile) {
      const file = { name: inFlight.name, base64: Buffer.from(inFlight.bytes).toString('base64'), incidentId: inFlight.incidentId, ids: inFlight.ids };
      const settled = await settleInFlight(engine, series.dir, file, journals, series.expected, counts.inFlight, fail);
      if (settled === 'completed') acknowledge(series, inFlight, touched);
      if (settled === 'refused') goOn = false;
      journals = await openJournals(engine, series.dir);
    }
    const corruptBefore = counts.reopen.corrupt;
    await checkReopened(series.dir, journals, series.expected, counts.reopen, fail);
    if (counts.reopen.corrupt > corruptBefore) goOn = false;
    const wrote = await engine.dispatch('timeline.log', { incidentId: series.incidentId, text: `after kill ${tag}` });
    if (wrote.ok) mustHave(series.expected, series.incidentId, [(wrote.value as TimelineEntry).eventId]);
    else {
      goOn = false;
      counts.refusedWrites += 1;
      fail(`the engine refused a note after reopening: ${wrote.error.code} ${wrote.error.message}`);
    }
    await roundTrip(engine, series.dir, [...touched].filter((id) => journals.has(id)), counts.roundTrip, fail);
  } finally {
    await engine.close();
  }
  return goOn;
}
