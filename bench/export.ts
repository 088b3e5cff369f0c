// Export: bundle.export of a 100 000-event incident through the engine (median of 3), where its
// time goes (journal read, bundleFiles() and its parts, the zip, base64), what the zip holds;
// then bundle.import of that zip into an empty data folder, and its parts.
//
// Every measurement runs in a fresh child Node (bench/export-child.ts), one child per kind: the
// export's dominant step is a memory-bound O(n²) scan whose speed depends on where the entries
// landed in the heap (5× slower with a second copy of the state alive in the same process), so
// a heap shaped by the earlier sections would make the figures depend on the section order.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { zipFiles } from '../electron/core/bundle/zip-writer';
import { bundleFiles } from '../electron/core/bundle/bundle-files';
import { readImport } from '../electron/core/bundle/read-import';
import { HybridClock } from '../shared/domain/hlc';
import { checkRecords } from '../electron/core/gate/check-records';
import { openEngine } from '../electron/core/engine';
import { IncidentRegistry } from '../electron/core/incident-registry';
import { encodeRecord } from '../electron/core/journal/record';
import { commands, type ExportedFile, type ImportResult } from '../shared/contract/contract';
import type { IncidentState } from '../shared/domain/incident';
import { toCsv } from '../shared/domain/review/csv';
import { postmortemHtml, postmortemMarkdown } from '../shared/domain/review/postmortem-render';
import { reviewTimeline } from '../shared/domain/review/review-timeline';
import { cloneFixture } from './fixtures';
import type { Check, Section, SectionResult, Table } from './sections';
import { int, median, mib, ms } from './stats';

const TARGET_MS = 1_000;
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./export-child.ts', import.meta.url));
const run = promisify(execFile);

/** Runs one mode of bench/export-child.ts in a fresh Node and returns the JSON it prints last. */
async function child<T>(args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, maxBuffer: 1 << 22, timeout: 30 * 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** The handler's own line splitter (bundle-handlers.ts `lines`), to time that step alone. */
function countLines(bytes: Buffer): number {
  let n = 0;
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    if (nl > start) n += 1;
    start = nl + 1;
  }
  return n;
}

/** Name, compressed and uncompressed size of every entry, from the zip's central directory. */
export function zipEntries(zip: Uint8Array): Array<{ name: string; compressed: number; size: number; method: number }> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory in the zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: Array<{ name: string; compressed: number; size: number; method: number }> = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), compressed, size, method });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The zip options bundle-handlers.ts uses: level 1 above 1 MB, level 6 below. */
function engineZippable(files: Record<string, Uint8Array>): Zippable {
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { level: data.byteLength > 1_000_000 ? 1 : 6 }]])) as Zippable;
}

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

export interface Step {
  name: string;
  ms: number;
  /** Part of the engine's path (counted in the sum), or an alternative. */
  kind: 'path' | 'part' | 'alternative';
}

/** Where one export's time goes, on the engine's building blocks, one run each. */
export async function exportBreakdown(dataDir: string, progress: (m: string) => void) {
  const steps: Step[] = [];
  const step = async <T>(name: string, kind: Step['kind'], fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    steps.push({ name, ms: performance.now() - t0, kind });
    return out;
  };
  const registry = await IncidentRegistry.open(dataDir, Date.now, () => undefined, new HybridClock('bench', Date.now));
  try {
    const log = registry.opened()[0]!;
    const state = log.state as IncidentState;
    const now = Date.now();
    progress('breakdown (journal read, bundleFiles, zip)');
    const journal = await step('log.readJournal() (drain, then readFile)', 'path', () => log.readJournal());
    const n = await step('count journal lines (the handler\'s lines())', 'path', () => countLines(journal));
    const files = await step('bundleFiles(): every file of the bundle', 'path', () => bundleFiles(state, journal, n, now, 'UTC'));
    const zip = await step('zipFiles(): node:zlib in the thread pool, level 1 above 1 MB, 6 below (as the handler)', 'path', () => zipFiles(files, new Date(now)));
    await step('base64 of the zip (ExportedFile.base64)', 'path', () => zip.toString('base64'));

    progress('bundleFiles() parts');
    await step('  postmortem.md', 'part', () => strToU8(postmortemMarkdown(state, now, 'UTC')));
    await step('  postmortem.html', 'part', () => strToU8(postmortemHtml(state, now, 'UTC')));
    const review = await step('  timeline.csv: reviewTimeline() (sort + who)', 'part', () => reviewTimeline(state));
    const found = await step('  timeline.csv: entry lookup through a Map by id (as bundle-files.ts)', 'part', () => {
      const byId = new Map(state.timeline.map((e) => [e.id, e]));
      return review.map((r) => byId.get(r.entryId));
    });
    const csvRows = await step('  timeline.csv: row arrays (two ISO dates per row)', 'part', () =>
      review.map((r, i) => {
        const e = found[i];
        return [iso(r.at), iso(e?.loggedAt ?? null), r.kind, r.who, r.text, r.included, r.annotation, e?.pinned ?? false, r.struck, e?.workstreamId ?? '', r.entryId];
      }),
    );
    await step('  timeline.csv: toCsv() + strToU8', 'part', () =>
      strToU8(toCsv(['time_utc', 'logged_utc', 'kind', 'who', 'text', 'in_postmortem', 'annotation', 'pinned', 'struck', 'workstream', 'entry_id'], csvRows)),
    );

    progress('alternatives');
    const stored = await step('alternative: fflate zipSync with incident.jsonl stored (level 0), others deflated', 'alternative', () =>
      zipSync({ ...engineZippable(files), 'incident.jsonl': [files['incident.jsonl']!, { level: 0 }] } as Zippable, { mtime: new Date(now) }),
    );
    await step('alternative: node:zlib deflateRawSync level 1 of incident.jsonl alone', 'alternative', () => deflateRawSync(files['incident.jsonl']!, { level: 1 }));
    return { steps, storedZipBytes: stored.byteLength };
  } finally {
    await registry.close();
  }
}

/** Where one import's time goes (into an empty folder), one run each. */
export async function importBreakdown(base64: string, dataDir: string) {
  const steps: Step[] = [];
  const step = async <T>(name: string, kind: Step['kind'], fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    steps.push({ name, ms: performance.now() - t0, kind });
    return out;
  };
  await step('input schema (zod: max length + base64 regex)', 'path', () => commands['bundle.import'].input.safeParse({ fileName: 'bundle.zip', base64 }));
  const bytes = await step('base64 decode', 'path', () => Buffer.from(base64, 'base64'));
  const { records } = await step('readImport(): read the zip, inflate, check every line\'s checksum', 'path', () => readImport(bytes));
  const events = await step('checkRecords(): the gate\'s strict schema, one incident, order, ids', 'path', () => checkRecords(records, 'the bundle'));
  await step('alternative: fflate unzipSync of manifest + journal (the old, blocking unzip)', 'alternative', () =>
    unzipSync(bytes, { filter: (f) => f.name === 'incident.jsonl' || f.name === 'manifest.json' }),
  );
  await step('  of which encodeRecord of every event (inside commit below)', 'part', () => events.map((e) => encodeRecord(e)).join(''));
  const registry = await IncidentRegistry.open(dataDir, Date.now, () => undefined, new HybridClock('bench', Date.now));
  try {
    const log = await registry.create(events[0]!.incidentId);
    await step('log.commit(): encode, apply every event, one durable write', 'path', () =>
      log.commit(events),
    );
    await step('re-import path: log.eventIds() (read + check every line)', 'alternative', () => log.eventIds());
  } finally {
    await registry.close();
  }
  return steps;
}

/**
 * The longest the event loop went without turning while `fn` ran: every other command (a
 * scribe's note included) waits at least that long if it arrives at the wrong moment.
 */
async function blockedDuring<T>(fn: () => Promise<T>): Promise<{ value: T; maxMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    const value = await fn();
    // One more turn so that the last stall is recorded.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { value, maxMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

/** bundle.export through openEngine + dispatch, `runs` times in a row on one engine; the last file is kept. */
export async function engineExports(dataDir: string, incidentId: string, runs: number, progress: (m: string) => void) {
  const engine = await openEngine({ dataDir });
  const exportMs: number[] = [];
  const blockedMs: number[] = [];
  let exported: ExportedFile | null = null;
  try {
    for (let i = 0; i < runs; i++) {
      progress(`bundle.export ${i + 1}/${runs}`);
      const t0 = performance.now();
      const loop = await blockedDuring(() => engine.dispatch('bundle.export', { incidentId }));
      const r = loop.value;
      exportMs.push(performance.now() - t0);
      blockedMs.push(loop.maxMs);
      if (!r.ok) throw new Error(`bundle.export refused: ${r.error.message}`);
      exported = r.value as ExportedFile;
    }
  } finally {
    await engine.close();
  }
  return { exportMs, blockedMs, exported: exported! };
}

/** bundle.import of `base64` into a fresh empty data folder per run (own engine), then the same file again. */
export async function engineImports(base64: string, fileName: string, root: string, runs: number, expected: number, progress: (m: string) => void) {
  const importMs: number[] = [];
  const reimportMs: number[] = [];
  const blockedMs: number[] = [];
  let imported: ImportResult | null = null;
  let reimported: ImportResult | null = null;
  for (let i = 0; i < runs; i++) {
    progress(`bundle.import ${i + 1}/${runs} into an empty data folder`);
    const dataDir = join(root, `import-${i}`);
    await mkdir(dataDir, { recursive: true });
    const target = await openEngine({ dataDir });
    try {
      const t0 = performance.now();
      const loop = await blockedDuring(() => target.dispatch('bundle.import', { fileName, base64 }));
      const r = loop.value;
      importMs.push(performance.now() - t0);
      blockedMs.push(loop.maxMs);
      if (!r.ok) throw new Error(`bundle.import refused: ${r.error.message}`);
      imported = r.value as ImportResult;
      if (!imported.created || imported.added !== expected) throw new Error(`import added ${imported.added} of ${expected}`);
      const t1 = performance.now();
      const again = await target.dispatch('bundle.import', { fileName, base64 });
      reimportMs.push(performance.now() - t1);
      if (!again.ok) throw new Error(`re-import refused: ${again.error.message}`);
      reimported = again.value as ImportResult;
      if (reimported.added !== 0) throw new Error(`re-import added ${reimported.added}`);
    } finally {
      await target.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
  return { importMs, reimportMs, blockedMs, imported: imported!, reimported: reimported! };
}

function stepRows(steps: Step[]): string[][] {
  return steps.map((s) => [s.name, ms(s.ms)]);
}

export const exportSection: Section = {
  id: 'export',
  title: 'Export: post-mortem bundle of 100 000 events < 1 s',
  async run(ctx): Promise<SectionResult> {
    const size = Math.max(...ctx.fixtures.bySize.keys());
    const fixture = await cloneFixture(ctx.fixtures.bySize.get(size)!, join(ctx.root, 'export-src'));
    const runs = ctx.quick ? 1 : 3;
    const zipFile = join(ctx.root, 'export.json');

    ctx.progress(`export: child node, bundle.export ×${runs} on ${int(fixture.events)} events`);
    const ex = await child<{ exportMs: number[]; blockedMs: number[]; fileName: string; bytes: number }>(['export', fixture.dataDir, fixture.incidentId, String(runs), zipFile]);
    const exported = JSON.parse(await readFile(zipFile, 'utf8')) as ExportedFile;
    const zipBytes = Buffer.from(exported.base64, 'base64');
    const entries = zipEntries(zipBytes);

    ctx.progress('export: child node, breakdown');
    const parts = await child<{ steps: Step[]; storedZipBytes: number }>(['parts', fixture.dataDir]);

    ctx.progress(`export: child node, bundle.import ×${runs} into empty data folders`);
    const im = await child<{ importMs: number[]; reimportMs: number[]; blockedMs: number[]; imported: ImportResult; reimported: ImportResult }>([
      'import', zipFile, join(ctx.root, 'import'), String(runs), String(fixture.events),
    ]);
    ctx.progress('export: child node, import breakdown');
    const importSteps = await child<Step[]>(['import-parts', zipFile, join(ctx.root, 'import-parts')]);
    await writeFile(zipFile, '');

    const exportMs = ex.exportMs;
    const { importMs, reimportMs, imported, reimported } = im;
    const med = median(exportMs);
    const row = (name: string, xs: number[]) => [name, ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs)), int(xs.length)];
    const stepSum = (steps: Step[]) => steps.filter((s) => s.kind === 'path').reduce((a, s) => a + s.ms, 0);
    const get = (steps: Step[], part: string) => steps.find((s) => s.name.includes(part))?.ms ?? Number.NaN;
    const bundle = get(parts.steps, 'bundleFiles()');
    const zipped = get(parts.steps, 'zipFiles()');
    const tables: Table[] = [
      {
        title: `Export and import, ${int(fixture.events)} events (ms)`,
        columns: ['operation', 'median', 'min', 'max', 'runs'],
        rows: [
          row('engine bundle.export (dispatch to ExportedFile)', exportMs),
          row('engine bundle.import into an empty data folder', importMs),
          row(`engine bundle.import of the same zip again (${reimported.added} added)`, reimportMs),
          row('  longest event-loop stall during bundle.export', ex.blockedMs),
          row('  longest event-loop stall during bundle.import', im.blockedMs),
        ],
      },
      {
        title: 'Export: where the time goes (ms, one run each, engine building blocks)',
        columns: ['step', 'ms'],
        rows: [...stepRows(parts.steps), ['sum of the path steps (indented parts are inside bundleFiles)', ms(stepSum(parts.steps))]],
      },
      {
        title: `The bundle: ${mib(zipBytes.length)} zip, ${mib(exported.base64.length)} as base64`,
        columns: ['file', 'bytes', 'in the zip', 'ratio', 'method'],
        rows: entries.map((e) => [e.name, int(e.size), int(e.compressed), e.size > 0 ? `${((e.compressed / e.size) * 100).toFixed(0)}%` : '-', e.method === 0 ? 'stored' : 'deflate']),
      },
      {
        title: 'Import: where the time goes (ms, one run each, engine building blocks)',
        columns: ['step', 'ms'],
        rows: [...stepRows(importSteps), ['sum of the path steps', ms(stepSum(importSteps))]],
      },
    ];
    const checks: Check[] = [
      { name: `export ${int(fixture.events)} events (bundle.export)`, measured: `${ms(med)} ms`, target: `< ${TARGET_MS} ms`, pass: med < TARGET_MS },
    ];
    return {
      tables,
      checks,
      notes: [
        `Fixture: ${int(fixture.events)} events, journal ${mib(fixture.journalBytes)}. Each table comes from its own fresh child Node. Export: the engine (default conf settings, scheduler on) opened on a copy of the fixture, bundle.export ${runs}× in a row on it; no PDF renderer (Node has none; in Electron printToPDF adds its own time).`,
        `Of the path, bundleFiles() (every file made on the event loop) is ${ms(bundle)} ms and the zip ${ms(zipped)} ms (node:zlib in the thread pool, in parallel; the event loop is free meanwhile).`,
        `Zip ${int(zipBytes.length)} bytes; with incident.jsonl stored instead of deflated it would be ${mib(parts.storedZipBytes)}. Over the WebSocket the ExportedFile goes as JSON (${mib(exported.base64.length)} of base64), over Electron IPC as a structured clone.`,
        'Event-loop stall: the longest gap between turns of the engine\'s event loop while the command ran (perf_hooks monitorEventLoopDelay, 5 ms resolution). bundle.export builds its files in one synchronous step after the journal read (the zip runs in the thread pool); bundle.import reads the zip in slices (inflating in the thread pool), but its input check (the base64 regex) and log.commit are still single synchronous steps; every other command — a scribe\'s note, a deadline firing, an incident.get — waits for the longest of them.',
        `Import: ${int(imported.added)} events added (created: ${imported.created}); each run into a fresh empty data folder with its own engine; "again" imports the same zip into the same engine and must add nothing. No target in DESIGN.md.`,
      ],
      data: {
        events: fixture.events,
        runs,
        exportMs,
        exportBlockedMs: ex.blockedMs,
        importMs,
        importBlockedMs: im.blockedMs,
        reimportMs,
        zipBytes: zipBytes.length,
        base64Bytes: exported.base64.length,
        storedZipBytes: parts.storedZipBytes,
        files: entries,
        breakdown: parts.steps,
        importBreakdown: importSteps,
      },
    };
  },
};
