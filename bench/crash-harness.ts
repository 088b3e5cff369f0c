// `npm run test:crash [-- --iterations N]`: kill -9 the engine while it logs, again and again.
//
// Each iteration starts tests/support/crash-child.ts (8 concurrent writers logging notes as fast
// as they can), SIGKILLs it at a random moment after its first acknowledgement, then reopens
// the data folder with the engine and checks that every note ever acknowledged is there (once),
// that the journal is not corrupt, and that the engine accepts a write.
//
// Kinds of kill, in a repeating pattern of six iterations:
//   - short (four in six): tests/support/crash-child.ts, SIGKILL 20–400 ms after the first ack;
//   - long (one in six): the same child, SIGKILL after 1–3 s;
//   - snapshot (one in six): tests/support/crash-child.ts in its paced mode (the same 8 writers, pausing now and
//     then), SIGKILLed 0–80 ms after a snapshot temp file appears — while the snapshot is being
//     written, fsynced or renamed — or after 2–5 s if no snapshot starts by then.
// The paced child was written when the engine snapshotted only while its journal writer was
// idle (the flat-out child then never snapshotted); the engine now snapshots under load too,
// every max(2 000, 5%) events, and both children do. An iteration counts as
// "snapshot in flight" when the kill left a snapshot temp file behind. Every 18 iterations a
// fresh incident starts, so small incidents (snapshot every 2 000 events) and large ones are
// covered.
//
// Kills during import: every 5th iteration (i % 5 === 4) is an import kill instead.
// bench/crash-child-import.ts imports post-mortem bundles (a new incident of ~3 000 events,
// created and committed in one write) and scribe logs (2 000 more events of an incident it
// already has, merged in one write) one after another, and is SIGKILLed, in turn, at a random
// moment (0–700 ms after its engine is open), aimed at one import (0–40 ms after it starts:
// decode, merge, the write, or the apply), or aimed at a new incident's creation (0–3 ms after
// its folder appears: the journal is being created and the first write is about to happen). After each kill the data folder is
// reopened and checked: no journal corrupt, every acknowledged import fully present, no event
// twice, the import that was in flight either fully present, absent, or present as a prefix
// at the very end of the journal (a write cut short: the torn tail, if any, is repaired on
// open), the engine accepts a note, and importing the in-flight file again completes it (it
// adds exactly what was missing, and a second time adds nothing). Every 8 import kills a fresh
// data folder starts.
import { spawn } from 'node:child_process';
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { decodeRecord, encodeRecord } from '../electron/core/journal/record';
import type { ExportedFile, ImportResult, IncidentListItem, IncidentView } from '../shared/contract/contract';
import type { TimelineEntry } from '../shared/domain/incident';
import { type CrashRun, runAndKill } from '../tests/support/crash-run';
import { mustOk, startEngine } from '../tests/support/engine-harness';
import { makeTempDir } from '../tests/support/temp-dir';
import { type PacedRun, runPacedAndKill } from './crash-run-paced';
import { buildIncident, loadTemplates, noteEvent } from './fixtures';

const SERIES = 18;
const CHILD_TIMEOUT_MS = 120_000;

interface SnapshotMark {
  lastSeq: number | null;
  mtimeMs: number;
}

/**
 * How long after a snapshot temp file appears to kill: at once half the time (small snapshots
 * are written in a few milliseconds), otherwise up to 80 ms (a 100 000-event snapshot spends
 * about that long writing, fsyncing and renaming its temp file).
 */
function snapshotKillDelay(): number {
  return Math.random() < 0.5 ? 0 : Math.floor(Math.random() * 80);
}

function parseIterations(argv: string[]): number {
  const i = argv.indexOf('--iterations');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--iterations='))?.split('=')[1];
  if (raw === undefined) return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--iterations must be a whole number ≥ 1, not ${raw}\n`);
    process.exit(2);
  }
  return n;
}

async function snapshotMark(incidentDir: string): Promise<SnapshotMark | null> {
  try {
    const path = join(incidentDir, 'snapshot.json');
    const s = await stat(path);
    const text = (await readFile(path)).subarray(0, 4096).toString('utf8');
    return { lastSeq: JSON.parse(text.slice(0, text.indexOf('\n'))).lastSeq ?? null, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

async function leftoverTemps(incidentDir: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for (const name of await readdir(incidentDir)) {
    if (!name.endsWith('.tmp')) continue;
    count += 1;
    bytes += (await stat(join(incidentDir, name))).size;
  }
  return { count, bytes };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e as Error);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Kills during import.

const IMPORT_EVERY = 5;
const IMPORT_SERIES = 8;
const IMPORT_PLAN = 8;
const IMPORT_CHILD = fileURLToPath(new URL('./crash-child-import.ts', import.meta.url));

interface ImportFile {
  path: string;
  kind: 'bundle' | 'scribe-log';
  incidentId: string;
  /** Event ids in the file, in file order. */
  ids: string[];
}

/**
 * Files to import, in an order that always works: each incident's bundle (the incident built by
 * the benchmark fixtures — the engine's own declaration and ~3 000 notes — and exported by the
 * engine), then three scribe logs of 2 000 new notes each for it.
 */
async function prepareImportPool(root: string, bundles: number): Promise<ImportFile[]> {
  await loadTemplates(join(root, 'template'));
  const files: ImportFile[] = [];
  for (let b = 0; b < bundles; b++) {
    const src = join(root, `src-${b}`);
    const fixture = await buildIncident(src, 3_000);
    const engine = await startEngine(src);
    const exported = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: fixture.incidentId }));
    await engine.close();
    const journal = unzipSync(Buffer.from(exported.base64, 'base64'), { filter: (f) => f.name === 'incident.jsonl' })['incident.jsonl']!;
    const path = join(root, `bundle-${b}.zip.b64`);
    await writeFile(path, exported.base64);
    files.push({ path, kind: 'bundle', incidentId: fixture.incidentId, ids: journalIds(Buffer.from(journal)).ids });
    for (let l = 0; l < 3; l++) {
      const base = Date.now() - 3_600_000 + l * 10_000;
      const events = Array.from({ length: 2_000 }, (_, i) => noteEvent(fixture.incidentId, i + 1, base));
      const logPath = join(root, `log-${b}-${l}.jsonl.b64`);
      await writeFile(logPath, Buffer.from(events.map(encodeRecord).join('')).toString('base64'));
      files.push({ path: logPath, kind: 'scribe-log', incidentId: fixture.incidentId, ids: events.map((e) => e.id) });
    }
  }
  return files;
}

/** Event ids of the good records of a journal, in order, and how many ids appear twice. */
function journalIds(bytes: Buffer): { ids: string[]; duplicates: number } {
  const ids: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    const decoded = decodeRecord(bytes.subarray(start, nl));
    if (decoded.ok) {
      if (seen.has(decoded.event.id)) duplicates += 1;
      seen.add(decoded.event.id);
      ids.push(decoded.event.id);
    }
    start = nl + 1;
  }
  return { ids, duplicates };
}

interface ImportRun {
  /** Plan indexes acknowledged. */
  acked: number[];
  /** The plan index started and not acknowledged when the kill came, if any. */
  inFlight: number | null;
  refused: string[];
  finished: boolean;
  aim: ImportAim['kind'];
  /** For `create` aims: whether a new incident folder appeared and fired the kill. */
  firedOnCreate: boolean;
}

/**
 * When to kill the import child: `ready` 0–700 ms after its engine is open; `start` 0–40 ms
 * after import `index` starts (decode, merge, the write, the apply); `create` 0–3 ms after a new
 * incident folder appears under incidents/ (bundle.import of a new incident: the journal is
 * being created and its first write is about to happen).
 */
type ImportAim = { kind: 'ready' } | { kind: 'start'; index: number } | { kind: 'create' };

/** Starts the import child on `plan` and SIGKILLs it as `aim` says; a child that finishes its plan first is killed at once. */
function runImportAndKill(dataDir: string, planFile: string, aim: ImportAim): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', IMPORT_CHILD, dataDir, planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    const refused: string[] = [];
    let started: number | null = null;
    let finished = false;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let watcher: FSWatcher | null = null;
    let firedOnCreate = false;
    const killIn = (ms: number) => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, index] = line.split(' ');
        if (word === 'READY' && aim.kind === 'ready') killIn(Math.floor(Math.random() * 700));
        if (word === 'READY' && aim.kind === 'create') {
          const root = join(dataDir, 'incidents');
          const before = new Set(readdirSync(root));
          watcher = watch(root, (_event, name) => {
            if (!name || before.has(String(name)) || timer) return;
            firedOnCreate = true;
            killIn(Math.floor(Math.random() * 3));
          });
        }
        if (word === 'START') {
          started = Number(index);
          if (aim.kind === 'start' && started === aim.index) killIn(Math.floor(Math.random() * 40));
        }
        if (word === 'ACK') {
          acked.push(Number(index));
          if (started === Number(index)) started = null;
        }
        if (word === 'REFUSED') {
          refused.push(line);
          if (started === Number(index)) started = null;
        }
        if (word === 'DONE') {
          finished = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      (watcher as FSWatcher | null)?.close();
      if (signal === 'SIGKILL') resolve({ acked, inFlight: started, refused, finished, aim: aim.kind, firedOnCreate });
      else reject(new Error(`import child exited on its own (${code}): ${stderr.slice(-2000)}`));
    });
  });
}

interface ImportStats {
  kills: number;
  aimedStart: number;
  aimedCreate: number;
  firedOnCreate: number;
  ackedImports: number;
  eventsChecked: number;
  lost: number;
  duplicated: number;
  corrupt: number;
  repaired: number;
  inFlightFull: number;
  inFlightAbsent: number;
  inFlightPartial: number;
  partialNotAtTail: number;
  orphanFolders: number;
  reimportOk: number;
  reimportFailed: number;
  reimportNotIdempotent: number;
  refusedWrites: number;
  refusedImports: number;
  childFailures: number;
  maxIncidents: number;
}

export function emptyImportStats(): ImportStats {
  return {
    kills: 0, aimedStart: 0, aimedCreate: 0, firedOnCreate: 0, ackedImports: 0, eventsChecked: 0, lost: 0, duplicated: 0, corrupt: 0, repaired: 0,
    inFlightFull: 0, inFlightAbsent: 0, inFlightPartial: 0, partialNotAtTail: 0, orphanFolders: 0,
    reimportOk: 0, reimportFailed: 0, reimportNotIdempotent: 0, refusedWrites: 0, refusedImports: 0, childFailures: 0, maxIncidents: 0,
  };
}

/** One import series: a data folder, the files imported into it so far, and what must be there. */
interface ImportSeries {
  dir: string;
  /** Next file of the pool to import. */
  cursor: number;
  /** Ids that must be in each incident's journal from now on. */
  mustHave: Map<string, Set<string>>;
  kills: number;
}

async function readJournalOf(dir: string, incidentId: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, 'incidents', incidentId, 'journal.jsonl'));
  } catch {
    return null;
  }
}

/**
 * One import kill and its checks. Returns false when the series cannot go on (a re-import
 * failed), so that the caller starts a fresh data folder.
 */
async function importIteration(i: number, series: ImportSeries, pool: ImportFile[], stats: ImportStats, fail: (m: string) => void): Promise<boolean> {
  const plan = pool.slice(series.cursor, series.cursor + IMPORT_PLAN);
  if (plan.length === 0) return false;
  const planFile = join(series.dir, `plan-${i}.json`);
  await writeFile(planFile, JSON.stringify(plan.map((f) => f.path)));
  // Import kills rotate: at a random moment, aimed at the start of one import, aimed at a new incident's folder.
  const k = Math.floor(i / IMPORT_EVERY) % 3;
  const aim: ImportAim = k === 0 ? { kind: 'ready' } : k === 1 ? { kind: 'start', index: Math.floor(Math.random() * Math.min(plan.length, 4)) } : { kind: 'create' };
  let run: ImportRun;
  try {
    run = await withTimeout(runImportAndKill(series.dir, planFile, aim), CHILD_TIMEOUT_MS, `import child of iteration ${i}`);
  } catch (error) {
    stats.childFailures += 1;
    fail(`iteration ${i} (import): ${(error as Error).message}`);
    return false;
  }
  stats.kills += 1;
  if (run.aim === 'start') stats.aimedStart += 1;
  if (run.aim === 'create') stats.aimedCreate += 1;
  if (run.firedOnCreate) stats.firedOnCreate += 1;
  series.kills += 1;
  if (run.refused.length > 0) {
    stats.refusedImports += run.refused.length;
    fail(`iteration ${i} (import): the child's import was refused: ${run.refused.join(' | ')}`);
  }
  for (const index of run.acked) {
    const f = plan[index]!;
    const must = series.mustHave.get(f.incidentId) ?? new Set<string>();
    for (const id of f.ids) must.add(id);
    series.mustHave.set(f.incidentId, must);
    stats.ackedImports += 1;
  }
  const inFlight = run.inFlight === null ? null : plan[run.inFlight]!;
  const attempted = Math.max(-1, ...run.acked, run.inFlight ?? -1) + 1;
  series.cursor += attempted;

  let ok = true;
  const engine = await startEngine(series.dir);
  try {
    const list = await mustOk<IncidentListItem[]>(engine.dispatch('incident.list', {}));
    stats.maxIncidents = Math.max(stats.maxIncidents, list.length);
    const listed = new Set(list.map((x) => x.id));
    const journals = new Map<string, { ids: string[]; set: Set<string> }>();
    for (const id of listed) {
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      if (view.integrity.status === 'corrupt') {
        stats.corrupt += 1;
        fail(`iteration ${i} (import): journal of ${id} reported corrupt: ${view.integrity.problems.map((p) => p.detail).join('; ')}`);
      }
      if (view.integrity.status === 'repaired') stats.repaired += 1;
      const bytes = await readJournalOf(series.dir, id);
      const j = journalIds(bytes ?? Buffer.alloc(0));
      if (j.duplicates > 0) {
        stats.duplicated += j.duplicates;
        fail(`iteration ${i} (import): ${j.duplicates} event ids twice in the journal of ${id}`);
      }
      journals.set(id, { ids: j.ids, set: new Set(j.ids) });
    }
    // Every acknowledged import (and every note written after a kill) is there.
    for (const [incidentId, must] of series.mustHave) {
      const j = journals.get(incidentId);
      const missing = [...must].filter((id) => !j?.set.has(id));
      stats.eventsChecked += must.size;
      if (missing.length > 0) {
        stats.lost += missing.length;
        fail(`iteration ${i} (import): ${missing.length} acknowledged events of ${incidentId} missing${j ? '' : ' (the incident is not listed)'}`);
      }
    }
    // The import that was in flight: all, nothing, or a prefix at the very end of the journal.
    if (inFlight) {
      const j = journals.get(inFlight.incidentId);
      const present = j ? inFlight.ids.filter((id) => j.set.has(id)) : [];
      if (present.length === inFlight.ids.length) stats.inFlightFull += 1;
      else if (present.length === 0) {
        stats.inFlightAbsent += 1;
        const folder = await readJournalOf(series.dir, inFlight.incidentId);
        if (!j && folder !== null) stats.orphanFolders += 1;
      } else {
        stats.inFlightPartial += 1;
        const tail = new Set(j!.ids.slice(j!.ids.length - present.length));
        if (!present.every((id) => tail.has(id))) {
          stats.partialNotAtTail += 1;
          fail(`iteration ${i} (import): ${present.length} of ${inFlight.ids.length} events of the interrupted import are present but not as the journal's tail`);
        }
      }
      // Importing it again completes the union, and a second time adds nothing.
      const base64 = await readFile(inFlight.path, 'utf8');
      const again = await engine.dispatch('bundle.import', { fileName: 'again', base64 });
      if (!again.ok) {
        stats.reimportFailed += 1;
        ok = false;
        fail(`iteration ${i} (import): importing the interrupted ${inFlight.kind} again failed (${present.length} of ${inFlight.ids.length} events were present${!j && present.length === 0 ? '; the incident was not listed' : ''}): ${again.error.code} ${again.error.message}`);
      } else {
        const r = again.value as ImportResult;
        const after = journalIds((await readJournalOf(series.dir, inFlight.incidentId)) ?? Buffer.alloc(0));
        const afterSet = new Set(after.ids);
        const complete = inFlight.ids.every((id) => afterSet.has(id));
        const third = await engine.dispatch('bundle.import', { fileName: 'again', base64 });
        const idempotent = third.ok && (third.value as ImportResult).added === 0;
        if (complete && r.added === inFlight.ids.length - present.length && idempotent && after.duplicates === 0) {
          stats.reimportOk += 1;
          const must = series.mustHave.get(inFlight.incidentId) ?? new Set<string>();
          for (const id of inFlight.ids) must.add(id);
          series.mustHave.set(inFlight.incidentId, must);
        } else {
          stats.reimportNotIdempotent += 1;
          fail(`iteration ${i} (import): re-import added ${r.added} (expected ${inFlight.ids.length - present.length}), complete ${complete}, second re-import ${third.ok ? `added ${(third.value as ImportResult).added}` : 'refused'}, duplicates ${after.duplicates}`);
        }
      }
    }
    // The engine accepts writes on every incident it has.
    for (const id of (await mustOk<IncidentListItem[]>(engine.dispatch('incident.list', {}))).map((x) => x.id)) {
      const wrote = await engine.dispatch('timeline.log', { incidentId: id, text: `after import kill ${i}` });
      if (wrote.ok) {
        const must = series.mustHave.get(id) ?? new Set<string>();
        must.add((wrote.value as TimelineEntry).eventId);
        series.mustHave.set(id, must);
      } else {
        stats.refusedWrites += 1;
        fail(`iteration ${i} (import): the engine refused a write on ${id} after reopening: ${wrote.error.code} ${wrote.error.message}`);
      }
    }
  } finally {
    await engine.close();
  }
  return ok && series.cursor < pool.length;
}

async function main(): Promise<void> {
  const iterations = parseIterations(process.argv.slice(2));
  const started = performance.now();
  const dirs: string[] = [];
  let noteSeries = 0;
  let dir = '';
  let incidentId: string | null = null;
  let everAcked: string[] = [];
  let distinctChecked = 0;
  let lost = 0;
  let duplicated = 0;
  let corrupt = 0;
  let refused = 0;
  let childFailures = 0;
  let repaired = 0;
  const problemKinds = new Map<string, number>();
  let snapshotChanged = 0;
  let snapshotChangedFlatOut = 0;
  let snapshotInFlight = 0;
  let longKills = 0;
  let pacedKills = 0;
  let killedOnSnapshot = 0;
  let maxEvents = 0;
  const failures: string[] = [];
  let tempsAtEnd = { count: 0, bytes: 0 };
  let done = 0;

  const fail = (message: string) => {
    failures.push(message);
    process.stderr.write(`FAIL ${message}\n`);
  };

  const importStats = emptyImportStats();
  let importSeries: ImportSeries | null = null;
  let pool: ImportFile[] = [];
  if (iterations >= IMPORT_EVERY) {
    const poolDir = await makeTempDir();
    dirs.push(poolDir);
    const t0 = performance.now();
    pool = await prepareImportPool(poolDir, 12);
    process.stdout.write(
      `crash: import files prepared: ${pool.filter((f) => f.kind === 'bundle').length} bundles of ${pool.find((f) => f.kind === 'bundle')!.ids.length} events, ` +
        `${pool.filter((f) => f.kind === 'scribe-log').length} scribe logs of ${pool.find((f) => f.kind === 'scribe-log')!.ids.length} events, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  const report = () => {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `crash: ${done}/${iterations} iterations, ${(distinctChecked + everAcked.length).toLocaleString('en-US')} acknowledged notes so far, ` +
        `${lost} lost, snapshot changed in ${snapshotChanged}, kill mid-snapshot ${snapshotInFlight}/${pacedKills}, incident at ${maxEvents.toLocaleString('en-US')} events max, ` +
        `import kills ${importStats.kills} (${importStats.ackedImports} imports acknowledged, ${importStats.lost} events lost), ${s} s\n`,
    );
  };

  for (let i = 0; i < iterations; i++) {
    if (i % SERIES === 0) {
      if (dir) {
        const incDir = join(dir, 'incidents', incidentId!);
        const t = await leftoverTemps(incDir);
        tempsAtEnd = { count: tempsAtEnd.count + t.count, bytes: tempsAtEnd.bytes + t.bytes };
        distinctChecked += everAcked.length;
      }
      dir = await makeTempDir();
      dirs.push(dir);
      noteSeries += 1;
      incidentId = null;
      everAcked = [];
    }
    if (i % IMPORT_EVERY === IMPORT_EVERY - 1 && pool.length > 0) {
      if (!importSeries || importSeries.kills >= IMPORT_SERIES) {
        const d = await makeTempDir();
        dirs.push(d);
        importSeries = { dir: d, cursor: 0, mustHave: new Map(), kills: 0 };
      }
      const goOn = await importIteration(i, importSeries, pool, importStats, fail);
      if (!goOn) importSeries = null;
      done += 1;
      if (done % 10 === 0 || done === iterations) report();
      continue;
    }
    const long = i % 6 === 2 || i % 6 === 5;
    const paced: boolean = i % 6 === 5 && incidentId !== null;
    if (long) longKills += 1;
    if (paced) pacedKills += 1;
    const killAfter = paced
      ? 2_000 + Math.floor(Math.random() * 3_000)
      : long
        ? 1_000 + Math.floor(Math.random() * 2_000)
        : 20 + Math.floor(Math.random() * 380);
    const incDirBefore = incidentId ? join(dir, 'incidents', incidentId) : null;
    const before = incDirBefore ? await snapshotMark(incDirBefore) : null;
    const tempsBefore = incDirBefore ? (await leftoverTemps(incDirBefore)).count : 0;

    let run: CrashRun | PacedRun;
    try {
      const launched: Promise<CrashRun | PacedRun> = paced
        ? runPacedAndKill(dir, incidentId, `k${i}`, { killAfterMs: killAfter, onSnapshot: { delayMs: snapshotKillDelay } })
        : runAndKill(dir, incidentId, `k${i}`, killAfter);
      run = await withTimeout(launched, CHILD_TIMEOUT_MS, `child of iteration ${i}`);
      if ('killedOnSnapshot' in run && run.killedOnSnapshot) killedOnSnapshot += 1;
    } catch (error) {
      childFailures += 1;
      fail(`iteration ${i}: ${(error as Error).message}`);
      if ((error as Error).message.includes('took longer')) break;
      continue;
    }
    const id: string = run.incidentId;
    incidentId = id;
    everAcked.push(...run.acked);
    if (run.acked.length === 0) fail(`iteration ${i}: the child acknowledged nothing`);

    const incDir = join(dir, 'incidents', id);
    const after = await snapshotMark(incDir);
    if (after && (!before || after.lastSeq !== before.lastSeq || after.mtimeMs !== before.mtimeMs)) {
      snapshotChanged += 1;
      if (!paced) snapshotChangedFlatOut += 1;
    }
    const tempsAfter = (await leftoverTemps(incDir)).count;
    if (tempsAfter > tempsBefore) snapshotInFlight += 1;

    const engine = await startEngine(dir);
    try {
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId }));
      maxEvents = Math.max(maxEvents, view.lastSeq);
      if (view.integrity.status === 'corrupt') {
        corrupt += 1;
        fail(`iteration ${i}: journal reported corrupt: ${view.integrity.problems.map((p) => p.detail).join('; ')}`);
      }
      if (view.integrity.status === 'repaired') repaired += 1;
      for (const p of view.integrity.problems) problemKinds.set(p.kind, (problemKinds.get(p.kind) ?? 0) + 1);
      const counts = new Map<string, number>();
      for (const e of view.timeline) counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
      const missing = everAcked.filter((t) => !counts.has(t));
      if (missing.length > 0) {
        lost += missing.length;
        fail(`iteration ${i}: ${missing.length} acknowledged notes missing, e.g. ${missing.slice(0, 5).join(', ')}`);
      }
      const dup = [...counts].filter(([t, n]) => n > 1 && /^k\d+-\d+$|^after kill \d+$/.test(t));
      if (dup.length > 0) {
        duplicated += dup.length;
        fail(`iteration ${i}: ${dup.length} notes present more than once, e.g. ${dup.slice(0, 3).map(([t]) => t).join(', ')}`);
      }
      const text = `after kill ${i}`;
      const wrote = await engine.dispatch('timeline.log', { incidentId, text });
      if (wrote.ok) everAcked.push(text);
      else {
        refused += 1;
        fail(`iteration ${i}: the engine refused a write after reopening: ${wrote.error.code} ${wrote.error.message}`);
      }
    } finally {
      await engine.close();
    }
    done += 1;
    if (done % 10 === 0 || done === iterations) report();
  }
  if (dir && incidentId) {
    const t = await leftoverTemps(join(dir, 'incidents', incidentId));
    tempsAtEnd = { count: tempsAtEnd.count + t.count, bytes: tempsAtEnd.bytes + t.bytes };
  }
  distinctChecked += everAcked.length;

  const totalS = (performance.now() - started) / 1000;
  const kinds = [...problemKinds].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  process.stdout.write(
    [
      '',
      `iterations run: ${done} (${importStats.kills} import kills, ${longKills - pacedKills} long kills of 1–3 s, ${pacedKills} snapshot-aimed kills with the paced child, the rest 20–400 ms), ${noteSeries} note incidents, largest ${maxEvents.toLocaleString('en-US')} events`,
      `import kills: ${importStats.kills} (${importStats.kills - importStats.aimedStart - importStats.aimedCreate} at 0–700 ms after the engine opened, ${importStats.aimedStart} at 0–40 ms after one import started, ` +
        `${importStats.aimedCreate} at 0–3 ms after a new incident folder appeared — ${importStats.firedOnCreate} of them fired by one), up to ${importStats.maxIncidents} incidents per data folder; ` +
        `${importStats.ackedImports} imports acknowledged, ${importStats.eventsChecked.toLocaleString('en-US')} event checks, ${importStats.lost} lost, ${importStats.duplicated} duplicated`,
      `import in flight at the kill: fully present ${importStats.inFlightFull}, absent ${importStats.inFlightAbsent} (of which incident folders left with no readable record: ${importStats.orphanFolders}), ` +
        `partly present as the journal's tail ${importStats.inFlightPartial} (not at the tail: ${importStats.partialNotAtTail}); re-import completed the union and was idempotent: ${importStats.reimportOk}, ` +
        `re-import failed: ${importStats.reimportFailed}, re-import wrong: ${importStats.reimportNotIdempotent}`,
      `import reopen: repaired ${importStats.repaired}, corrupt ${importStats.corrupt}, refused writes ${importStats.refusedWrites}, imports refused in the child ${importStats.refusedImports}, import children failed ${importStats.childFailures}`,
      `snapshot-aimed kills fired by a snapshot temp file: ${killedOnSnapshot} of ${pacedKills}; killed with a snapshot temp file left behind: ${snapshotInFlight}`,
      `snapshot file changed during the child's run: ${snapshotChanged} iterations (${snapshotChangedFlatOut} of them with the flat-out child)`,
      `reopened as repaired: ${repaired} (problems: ${kinds}); corrupt: ${corrupt}; refused writes: ${refused}; children failed: ${childFailures}; duplicated notes: ${duplicated}`,
      `snapshot temp files left behind in the data folders: ${tempsAtEnd.count} (${(tempsAtEnd.bytes / 1024 / 1024).toFixed(1)} MiB), counted after each series's last reopen (the engine removes them when it opens an incident)`,
      `time: ${totalS.toFixed(0)} s`,
      `crash harness: ${done} iterations, ${distinctChecked} acknowledged notes checked, ${lost} lost; ${importStats.kills} import kills, ${importStats.ackedImports} acknowledged imports, ${importStats.lost} imported events lost`,
      '',
    ].join('\n'),
  );
  const ok = failures.length === 0 && done === iterations;
  if (ok) for (const d of dirs) await rm(d, { recursive: true, force: true });
  else process.stdout.write(`data kept for inspection: ${dirs.join(' ')}\n`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
