// Kills during import, for bench/crash-harness.ts.
//
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
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { encodeRecord } from '../electron/core/journal/record';
import type { ExportedFile, ImportResult, IncidentListItem, IncidentView } from '../shared/contract/contract';
import type { TimelineEntry } from '../shared/domain/incident';
import { journalIds, readJournalOf } from '../tests/support/crash-journal';
import { mustOk, startEngine } from '../tests/support/engine-harness';
import { CHILD_TIMEOUT_MS, withTimeout } from './crash-timeout';
import { buildIncident, loadTemplates, noteEvent } from './fixtures';

export const IMPORT_EVERY = 5;
export const IMPORT_SERIES = 8;
const IMPORT_PLAN = 8;
const IMPORT_CHILD = fileURLToPath(new URL('./crash-child-import.ts', import.meta.url));

export interface ImportFile {
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
export async function prepareImportPool(root: string, bundles: number): Promise<ImportFile[]> {
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

export interface ImportStats {
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
export interface ImportSeries {
  dir: string;
  /** Next file of the pool to import. */
  cursor: number;
  /** Ids that must be in each incident's journal from now on. */
  mustHave: Map<string, Set<string>>;
  kills: number;
}


/**
 * One import kill and its checks. Returns false when the series cannot go on (a re-import
 * failed), so that the caller starts a fresh data folder.
 */
export async function importIteration(i: number, series: ImportSeries, pool: ImportFile[], stats: ImportStats, fail: (m: string) => void): Promise<boolean> {
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
