// Open: an incident of N events through openEngine + incident.get, via its snapshot (with and
// without a tail) and by replay from zero, beside a bare JSON.parse of every journal line.
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { openEngine } from '../electron/core/engine';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../electron/core/journal/incident-log';
import { scanJournal } from '../electron/core/journal/journal-reader';
import { readSnapshot } from '../electron/core/journal/snapshot';
import { replay } from '../shared/domain/reducer';
import { cloneFixture, incidentDir, type Fixture } from './fixtures';
import type { Section, SectionResult } from './sections';
import { int, median, mib, ms } from './stats';

const TARGET_MS = 300;

async function openOnce(fixture: Fixture, dataDir: string, dropSnapshot: boolean): Promise<number> {
  const copy = await cloneFixture(fixture, dataDir);
  if (dropSnapshot) await rm(join(incidentDir(dataDir, copy.incidentId), SNAPSHOT_FILE));
  const t0 = performance.now();
  const engine = await openEngine({ dataDir });
  const view = await engine.dispatch('incident.get', { incidentId: copy.incidentId });
  const dt = performance.now() - t0;
  if (!view.ok) throw new Error(`incident.get refused: ${view.error.message}`);
  const opened = view.value as { lastSeq: number; integrity: { status: string } };
  if (opened.lastSeq !== fixture.events) throw new Error(`opened up to seq ${opened.lastSeq}, expected ${fixture.events}`);
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
  return dt;
}

function bareParse(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  let start = 0;
  let n = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    JSON.parse(text.slice(start, nl));
    n += 1;
    start = nl + 1;
  }
  return n;
}

/** Where an open's time goes, measured on the engine's own building blocks (one run each). */
async function breakdown(fixture: Fixture): Promise<string[][]> {
  const dir = incidentDir(fixture.dataDir, fixture.incidentId);
  const rows: string[][] = [];
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    rows.push([name, ms(performance.now() - t0)]);
    return out;
  };
  const bytes = await step('readFile journal', () => readFile(join(dir, JOURNAL_FILE)));
  const snapBytes = await step('readFile snapshot', () => readFile(join(dir, SNAPSHOT_FILE)));
  await step('crc32 of snapshot body', () => crc32(snapBytes.subarray(snapBytes.indexOf(0x0a) + 1)));
  await step('JSON.parse of snapshot body', () => JSON.parse(snapBytes.toString('utf8', snapBytes.indexOf(0x0a) + 1)));
  const snap = await step('readSnapshot (read + crc + parse)', () => readSnapshot(join(dir, SNAPSHOT_FILE)));
  const from = snap?.ok ? snap.snapshot.header.journalBytes : 0;
  await step('scanJournal, checksums only (snapshot covers all)', () => scanJournal(bytes, 'bench', from));
  await step('alternative: one crc32 over the bytes the snapshot covers', () => crc32(bytes.subarray(0, from)));
  await step('alternative: readFileSync journal', () => readFileSync(join(dir, JOURNAL_FILE)));
  const full = await step('scanJournal, decode every record (replay path)', () => scanJournal(bytes, 'bench', 0));
  await step('reducer: replay all events', () => replay(full.events, null));
  await step('bare JSON.parse of every line', () => bareParse(bytes));
  return rows;
}

export const openSection: Section = {
  id: 'open',
  title: 'Open an incident',
  async run(ctx): Promise<SectionResult> {
    const size = Math.max(...ctx.fixtures.bySize.keys());
    const fixture = ctx.fixtures.bySize.get(size)!;
    const tail = ctx.fixtures.withTail;
    const runs = ctx.quick ? 3 : 5;
    const results: Record<string, number[]> = { snapshot: [], snapshotTail: [], replay: [], bare: [] };
    for (let i = 0; i < runs; i++) {
      ctx.progress(`open: run ${i + 1}/${runs} on ${int(size)} events`);
      results.snapshot!.push(await openOnce(fixture, join(ctx.root, `open-s-${i}`), false));
      if (tail) results.snapshotTail!.push(await openOnce(tail, join(ctx.root, `open-t-${i}`), false));
      results.replay!.push(await openOnce(fixture, join(ctx.root, `open-r-${i}`), true));
      const t0 = performance.now();
      const bytes = await readFile(join(incidentDir(fixture.dataDir, fixture.incidentId), JOURNAL_FILE));
      bareParse(bytes);
      results.bare!.push(performance.now() - t0);
    }
    const row = (name: string, xs: number[]) => [name, ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs)), int(xs.length)];
    const rows = [
      row('openEngine + incident.get, snapshot at end', results.snapshot!),
      ...(tail ? [row(`openEngine + incident.get, snapshot + ${int(tail.events - tail.snapshotSeq)}-event tail`, results.snapshotTail!)] : []),
      row('openEngine + incident.get, replay from zero', results.replay!),
      row('bare readFile + JSON.parse of every line', results.bare!),
    ];
    ctx.progress('open: breakdown');
    const parts = await breakdown(fixture);
    const snapMed = median(results.snapshot!);
    const tailMed = tail ? median(results.snapshotTail!) : Number.NaN;
    const checks = [
      { name: `open ${int(size)} events via snapshot`, measured: `${ms(snapMed)} ms`, target: `< ${TARGET_MS} ms`, pass: snapMed < TARGET_MS },
      ...(tail
        ? [{ name: `open ${int(size)} events via snapshot + longest tail`, measured: `${ms(tailMed)} ms`, target: `< ${TARGET_MS} ms`, pass: tailMed < TARGET_MS }]
        : []),
    ];
    return {
      tables: [
        { title: `Open ${int(size)} events (ms, median of ${runs})`, columns: ['path', 'median', 'min', 'max', 'runs'], rows },
        { title: 'Open: where the time goes (ms, one run each, engine building blocks)', columns: ['step', 'ms'], rows: parts },
      ],
      checks,
      notes: [
        `Journal ${mib(fixture.journalBytes)} (${int(fixture.journalBytes / fixture.events)} B/event), snapshot ${mib(fixture.snapshotBytes)}. Each run opens a fresh copy of the fixture in page cache (warm); the engine has default conf settings.`,
        tail
          ? `Tail case: the snapshot covers ${int(tail.snapshotSeq)} events and ${int(tail.events - tail.snapshotSeq)} follow it — the longest tail the engine leaves, as it snapshots when the tail reaches max(2 000, 5%) of the total.`
          : 'Tail case skipped.',
        'Replay from zero: the snapshot file is deleted before the open, so the engine checks, decodes and applies every record.',
      ],
      data: { size, runs, ms: results, breakdown: Object.fromEntries(parts.map(([k, v]) => [k, v])) },
    };
  },
};
