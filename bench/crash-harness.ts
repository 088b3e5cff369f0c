// `npm run test:crash [-- --iterations N]`: kill -9 the engine while it logs, again and again.
//
// Each iteration starts tests/support/crash-child.ts (8 concurrent writers logging notes as fast
// as they can), SIGKILLs it at a random moment after its first acknowledgement, then reopens
// the data folder with the engine and checks that every note ever acknowledged is there (once),
// that the journal is not corrupt, and that the engine accepts a write.
//
// Kinds of kill, in a repeating pattern of six iterations:
//   - notes and imports (one in six, i % 6 === 0): tests/support/crash-mixed-child.ts logs notes
//     with four writers on an incident of its own data folder while it imports random files in
//     between — valid scribe logs of a second author, bundles of new incidents, bundles merged
//     into incidents already there (previewed, then confirmed), and hostile files the gate must
//     refuse — and is SIGKILLed at a random moment or at one file's import; then every
//     acknowledged note and import must be there once, nothing of a refused file anywhere, the
//     journals clean, and each incident written to must export and import into an empty data
//     folder unchanged (see tests/support/crash-mixed.ts and bench/crash-mixed.ts);
//   - short (three in six): tests/support/crash-child.ts, SIGKILL 20–400 ms after the first ack;
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
// Kills during import: every 5th iteration (i % 5 === 4) is an import kill instead (see
// bench/crash-import.ts).
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentView } from '../shared/contract/contract';
import { type CrashRun, runAndKill } from '../tests/support/crash-run';
import { mustOk, startEngine } from '../tests/support/engine-harness';
import { makeTempDir } from '../tests/support/temp-dir';
import { emptyMixedCounts } from '../tests/support/crash-mixed';
import { emptyImportStats, IMPORT_EVERY, IMPORT_SERIES, importIteration, type ImportSeries, importSummary, newImportSeries } from './crash-import';
import { type ImportFile, prepareImportPool } from './crash-import-pool';
import { type MixedState, mixedIteration, mixedSummary } from './crash-mixed';
import { type PacedRun, runPacedAndKill } from './crash-run-paced';
import { CHILD_TIMEOUT_MS, withTimeout } from './crash-timeout';

const SERIES = 18;
/** The slot of the repeating six that the notes-and-imports kill takes. */
const MIXED_SLOT = 0;

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

  const mixedCounts = emptyMixedCounts();
  const mixed: MixedState = { series: null, turn: 0, dirs };
  const importStats = emptyImportStats();
  let importSeries: ImportSeries | null = null;
  let pool: ImportFile[] = [];
  if (iterations >= IMPORT_EVERY) {
    const poolDir = await makeTempDir();
    dirs.push(poolDir);
    const t0 = performance.now();
    // About as many incidents (five files each) as this run's import kills get through: a kill
    // rarely gets past three files, and a series that runs out of files starts again on a fresh
    // data folder with the same pool.
    const importKills = Math.floor((iterations - IMPORT_EVERY) / IMPORT_EVERY) + 1;
    pool = await prepareImportPool(poolDir, Math.min(12, Math.max(2, importKills)));
    const count = (kind: ImportFile['kind']) => pool.filter((f) => f.kind === kind).length;
    process.stdout.write(
      `crash: import files prepared: ${count('bundle')} bundles of ${pool.find((f) => f.kind === 'bundle')!.ids.length} events, ` +
        `${count('scribe-log')} scribe logs of ${pool.find((f) => f.kind === 'scribe-log')!.ids.length} events, ` +
        `${count('merge')} bundles of the same incidents from another console (${pool.find((f) => f.kind === 'merge')!.brings.length} events more), ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  const report = () => {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `crash: ${done}/${iterations} iterations, ${(distinctChecked + everAcked.length).toLocaleString('en-US')} acknowledged notes so far, ` +
        `${lost} lost, snapshot changed in ${snapshotChanged}, kill mid-snapshot ${snapshotInFlight}/${pacedKills}, incident at ${maxEvents.toLocaleString('en-US')} events max, ` +
        `import kills ${importStats.kills} (${importStats.ackedImports} imports acknowledged, ${importStats.reopen.lost} events lost), ` +
        `notes-and-imports kills ${mixedCounts.kills} (${mixedCounts.importsAcked} imports acknowledged, ${mixedCounts.hostileRefused} hostile files refused, ${mixedCounts.reopen.lost} events lost), ${s} s\n`,
    );
  };

  // Wall time per kind of kill, to keep `npm test`'s 18 iterations near their old length.
  const spent = new Map<string, { n: number; ms: number }>();
  const record = (kind: string, t0: number) => {
    const s = spent.get(kind) ?? { n: 0, ms: 0 };
    spent.set(kind, { n: s.n + 1, ms: s.ms + performance.now() - t0 });
  };

  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
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
        importSeries = newImportSeries(d);
      }
      const goOn = await importIteration(i, importSeries, pool, importStats, fail);
      if (!goOn) importSeries = null;
      record('import', t0);
      done += 1;
      if (done % 10 === 0 || done === iterations) report();
      continue;
    }
    if (i % 6 === MIXED_SLOT) {
      await mixedIteration(i, mixed, mixedCounts, fail);
      record('notes and imports', t0);
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
    record(paced ? 'snapshot-aimed' : long ? 'long' : 'short', t0);
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
      `iterations run: ${done} (${mixedCounts.kills} notes-and-imports kills, ${importStats.kills} import kills, ${longKills - pacedKills} long kills of 1–3 s, ${pacedKills} snapshot-aimed kills with the paced child, the rest 20–400 ms), ${noteSeries} note incidents, largest ${maxEvents.toLocaleString('en-US')} events`,
      ...mixedSummary(mixedCounts),
      ...importSummary(importStats),
      `snapshot-aimed kills fired by a snapshot temp file: ${killedOnSnapshot} of ${pacedKills}; killed with a snapshot temp file left behind: ${snapshotInFlight}`,
      `snapshot file changed during the child's run: ${snapshotChanged} iterations (${snapshotChangedFlatOut} of them with the flat-out child)`,
      `reopened as repaired: ${repaired} (problems: ${kinds}); corrupt: ${corrupt}; refused writes: ${refused}; children failed: ${childFailures}; duplicated notes: ${duplicated}`,
      `snapshot temp files left behind in the data folders: ${tempsAtEnd.count} (${(tempsAtEnd.bytes / 1024 / 1024).toFixed(1)} MiB), counted after each series's last reopen (the engine removes them when it opens an incident)`,
      `time: ${totalS.toFixed(0)} s (per kill: ${[...spent].map(([kind, t]) => `${kind} ${(t.ms / t.n / 1000).toFixed(1)} s ×${t.n}`).join(', ')})`,
      `crash harness: ${done} iterations, ${distinctChecked + mixedCounts.notesAcked} acknowledged notes checked, ${lost + mixedCounts.notesLost} lost; ` +
        `${importStats.kills} import kills and ${mixedCounts.kills} notes-and-imports kills, ${importStats.ackedImports + mixedCounts.importsAcked} imports acknowledged, ` +
        `${mixedCounts.hostileRefused} hostile files refused (${mixedCounts.hostileAcked} acknowledged), ${importStats.reopen.lost + mixedCounts.reopen.lost} acknowledged events lost in those kills`,
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
