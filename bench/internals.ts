// Engine internals that explain the headline numbers: the stall a snapshot puts on the notes
// around it, the settings read on every command, and incident.get on a large incident.
import { StateSerializer } from '../electron/core/journal/state-serializer';
import fs from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { openEngine } from '../electron/core/engine';
import { SNAPSHOT_FILE } from '../electron/core/journal/incident-log';
import { writeSnapshot } from '../electron/core/journal/snapshot';
import { createConfSettings, createMemorySettings } from '../electron/core/settings/conf-settings';
import { replay } from '../shared/domain/reducer';
import { cloneFixture, declarationEvent, incidentDir, noteEvent } from './fixtures';
import { fsyncCount } from './fsync-count';
import type { Section, SectionResult } from './sections';
import { int, median, ms, summarize } from './stats';

async function mustLog(engine: Awaited<ReturnType<typeof openEngine>>, incidentId: string, text: string): Promise<number> {
  const t0 = performance.now();
  const r = await engine.dispatch('timeline.log', { incidentId, text });
  if (!r.ok) throw new Error(r.error.message);
  return performance.now() - t0;
}

async function snapshotHeaderSeq(path: string): Promise<number | null> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.toString('utf8', 0, bytesRead);
    return JSON.parse(text.slice(0, text.indexOf('\n'))).lastSeq as number;
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

/**
 * Sequential notes on the longest-tail fixture (snapshot at ~95 240 of 100 000 events) until the
 * engine writes its next snapshot, and 60 notes past it. With the tail counted, the rule
 * (events since the snapshot ≥ max(2 000, 5% of all)) fires at about seq 100 260.
 */
async function snapshotStall(ctx: Parameters<NonNullable<Section['run']>>[0]) {
  const tail = ctx.fixtures.withTail!;
  const dataDir = join(ctx.root, 'stall');
  const { incidentId } = await cloneFixture(tail, dataDir);
  const snapPath = join(incidentDir(dataDir, incidentId), SNAPSHOT_FILE);
  const initialSeq = (await snapshotHeaderSeq(snapPath)) ?? 0;
  const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'bench' }) });
  const expectedSeq = Math.max(initialSeq + 2_000, Math.ceil(initialSeq / 0.95));
  const cap = expectedSeq - tail.events + 15_000;
  const lat: number[] = [];
  let firedSeq: number | null = null;
  let extra = 0;
  for (let i = 0; i < cap; i++) {
    lat.push(await mustLog(engine, incidentId, `stall probe ${i}`));
    if (firedSeq === null && (i % 25 === 0 || lat[i]! > 20)) {
      const seq = await snapshotHeaderSeq(snapPath);
      if (seq !== null && seq !== initialSeq) firedSeq = seq;
    }
    if (firedSeq !== null && ++extra > 60) break;
  }
  await engine.close();
  const triggerIndex = firedSeq === null ? -1 : firedSeq - tail.events - 1;
  const after = triggerIndex >= 0 ? lat.slice(triggerIndex + 1, triggerIndex + 51) : [];
  const before = lat.slice(0, Math.max(1, triggerIndex >= 0 ? triggerIndex : lat.length));
  return {
    initialSeq,
    expectedSeq,
    firedSeq,
    notes: lat.length,
    trigger: triggerIndex >= 0 ? lat[triggerIndex]! : Number.NaN,
    next50: summarize(after),
    over10ms: [lat[triggerIndex] ?? 0, ...after].filter((x) => x > 10).length,
    before: summarize(before),
    worst: Math.max(...lat),
  };
}

/**
 * The synchronous part of a snapshot (serialising the state) blocks the event loop: measured
 * for a first snapshot (every chunk serialised) and for the next one after 1 000 more notes
 * (only changed chunks serialised), plus the asynchronous write.
 */
async function snapshotCost(events: number, dir: string) {
  const id = 'INC-20261118-stall1';
  const list = [declarationEvent(id)];
  for (let seq = 2; seq <= events; seq++) list.push(noteEvent(id, seq));
  const state = replay(list, null)!;
  await mkdir(dir, { recursive: true });
  const serializer = new StateSerializer();
  const t0 = performance.now();
  const first = serializer.serialize(state);
  const firstMs = performance.now() - t0;
  replay(Array.from({ length: 1_000 }, (_, i) => noteEvent(id, events + 1 + i)), state);
  const t1 = performance.now();
  const next = serializer.serialize(state);
  const nextMs = performance.now() - t1;
  const t2 = performance.now();
  await writeSnapshot(join(dir, 'snapshot.json'), next, { ...state, lastId: 'bench' }, { bytes: 0, lines: 0, crc: 0 }, Date.now());
  const writeMs = performance.now() - t2;
  return { syncMs: nextMs, firstSyncMs: firstMs, totalMs: nextMs + writeMs, bytes: first.length };
}

function settingsReadCost(dir: string, calls: number) {
  const conf = createConfSettings(dir);
  const memory = createMemorySettings();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) conf.read();
  const confUs = ((performance.now() - t0) / calls) * 1000;
  const t1 = performance.now();
  for (let i = 0; i < calls; i++) memory.read();
  const memoryUs = ((performance.now() - t1) / calls) * 1000;
  return { confUs, memoryUs };
}

/**
 * Where one note's time goes, median over `samples` sequential notes on a warm engine (default
 * settings, scheduler on): fs.writeSync (the journal's durable write, on the event loop) and,
 * for older engines, FileHandle.write and FileHandle.sync are wrapped to stamp each step. With the
 * journal opened O_DSYNC (Linux, macOS) the write is durable on return and there is no sync.
 */
async function notePhases(ctx: Parameters<NonNullable<Section['run']>>[0], samples: number, settings: 'conf' | 'memory') {
  const dataDir = join(ctx.root, `phases-${settings}`);
  await mkdir(dataDir, { recursive: true });
  const probe = await open(join(dataDir, 'probe'), 'a');
  const proto = Object.getPrototypeOf(probe) as Record<'write' | 'sync', (...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  type Stamp = { t0: number; w0?: number; w1?: number; s0?: number; s1?: number; t1?: number };
  let cur: Stamp | null = null;
  const write = proto.write;
  const sync = proto.sync;
  proto.write = async function (this: unknown, ...args: unknown[]) {
    const c = cur;
    if (c) c.w0 = performance.now();
    const r = await write.apply(this, args);
    if (c) c.w1 = performance.now();
    return r;
  };
  proto.sync = async function (this: unknown, ...args: unknown[]) {
    const c = cur;
    if (c) c.s0 = performance.now();
    const r = await sync.apply(this, args);
    if (c) c.s1 = performance.now();
    return r;
  };
  const writeSync = fs.writeSync;
  fs.writeSync = function (this: unknown, ...args: unknown[]) {
    const c = cur;
    if (c) c.w0 = performance.now();
    const r = (writeSync as (...a: unknown[]) => number).apply(this, args);
    if (c) c.w1 = performance.now();
    return r;
  } as typeof fs.writeSync;
  syncBuiltinESMExports();
  const stamps: Stamp[] = [];
  let wakeUs = Number.NaN;
  try {
    const engine = await openEngine({ dataDir, ...(settings === 'memory' ? { settings: createMemorySettings({ operatorName: 'bench' }) } : {}) });
    const d = await engine.dispatch('incident.declare', { title: 'phase probe', severity: 'SEV1' });
    if (!d.ok) throw new Error(d.error.message);
    const id = (d.value as { id: string }).id;
    for (let i = 0; i < 2_000; i++) await mustLog(engine, id, `warm ${i}`);
    for (let i = 0; i < samples; i++) {
      cur = { t0: performance.now() };
      await mustLog(engine, id, `probe ${i}: replica lag back under 2 s on db-3`);
      cur.t1 = performance.now();
      stamps.push(cur);
      cur = null;
    }
    const t0 = performance.now();
    for (let i = 0; i < 2_000; i++) await engine.wake();
    wakeUs = ((performance.now() - t0) / 2_000) * 1000;
    await engine.close();
  } finally {
    proto.write = write;
    proto.sync = sync;
    fs.writeSync = writeSync;
    syncBuiltinESMExports();
  }
  const ok = stamps.filter((s) => s.w0 && s.w1 && s.t1);
  const synced = ok.filter((s) => s.s0 && s.s1);
  const med = (f: (s: Stamp) => number) => median(ok.map(f));
  return {
    n: ok.length,
    syncs: synced.length,
    total: med((s) => s.t1! - s.t0),
    before: med((s) => s.w0! - s.t0),
    write: med((s) => s.w1! - s.w0!),
    between: synced.length ? median(synced.map((s) => s.s0! - s.w1!)) : Number.NaN,
    sync: synced.length ? median(synced.map((s) => s.s1! - s.s0!)) : Number.NaN,
    after: med((s) => s.t1! - (s.s1 ?? s.w1!)),
    wakeUs,
  };
}

async function getCost(ctx: Parameters<NonNullable<Section['run']>>[0], size: number) {
  const fixture = await cloneFixture(ctx.fixtures.bySize.get(size)!, join(ctx.root, 'get'));
  const engine = await openEngine({ dataDir: fixture.dataDir, settings: createMemorySettings() });
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = await engine.dispatch('incident.get', { incidentId: fixture.incidentId });
    if (!r.ok) throw new Error(r.error.message);
    lat.push(performance.now() - t0);
  }
  await engine.close();
  return summarize(lat);
}

export const internalsSection: Section = {
  id: 'internals',
  title: 'Engine internals',
  async run(ctx): Promise<SectionResult> {
    const size = Math.max(...ctx.fixtures.bySize.keys());
    const rows: string[][] = [];
    const data: Record<string, unknown> = {};
    if (ctx.fixtures.withTail) {
      ctx.progress('internals: notes across a snapshot at 100 000 events');
      const syncsBefore = fsyncCount();
      const stall = await snapshotStall(ctx);
      data.snapshotStall = { ...stall, fsyncs: fsyncCount() - syncsBefore };
      rows.push(
        [`snapshot covers seq (at open)`, int(stall.initialSeq)],
        [`next snapshot due at seq (the rule, counting the tail)`, int(stall.expectedSeq)],
        [`next snapshot actually written at seq`, stall.firedSeq === null ? `none within ${int(stall.notes)} notes` : int(stall.firedSeq)],
        [`note latency before it (p50 / p99 / max, n=${int(stall.before.n)})`, `${ms(stall.before.p50)} / ${ms(stall.before.p99)} / ${ms(stall.before.max)}`],
        ['the note whose commit starts the snapshot', ms(stall.trigger)],
        ['next 50 notes, while the snapshot is written (p50 / max)', `${ms(stall.next50.p50)} / ${ms(stall.next50.max)}`],
        ['notes over 10 ms among those 51', int(stall.over10ms)],
      );
    }
    ctx.progress(`internals: writeSnapshot of ${int(size)} events`);
    const cost = await snapshotCost(size, join(ctx.root, 'snapcost'));
    data.snapshotCost = cost;
    rows.push(
      [`snapshot, ${int(size)} events: first serialisation (event loop blocked)`, ms(cost.firstSyncMs)],
      [`snapshot, ${int(size)} events: next one, 1 000 notes later (event loop blocked)`, ms(cost.syncMs)],
      [`snapshot, ${int(size)} events: next one, until durable`, ms(cost.totalMs)],
    );
    ctx.progress('internals: settings read per command');
    const sdir = join(ctx.root, 'settings-read');
    await mkdir(sdir, { recursive: true });
    const read = settingsReadCost(sdir, 5_000);
    data.settingsRead = read;
    rows.push(
      ['settings.read() per command (actor), conf store: readFileSync + parse (µs)', read.confUs.toFixed(1)],
      ['settings.read() per command, memory store (µs)', read.memoryUs.toFixed(2)],
    );
    ctx.progress('internals: phases of one note');
    const n = ctx.quick ? 300 : 1_000;
    const ph = await notePhases(ctx, n, 'conf');
    const phm = await notePhases(ctx, n, 'memory');
    data.notePhases = { conf: ph, memory: phm };
    rows.push(
      [`one note after 2 000, median of ${int(ph.n)} (conf settings | memory settings): total`, `${ms(ph.total)} | ${ms(phm.total)}`],
      ['  before the write: validate, read settings, decide, encode, apply', `${ms(ph.before)} | ${ms(phm.before)}`],
      [`  the journal's write (fs.writeSync on the event loop${ph.syncs === 0 ? '; O_DSYNC: durable on return' : ''})`, `${ms(ph.write)} | ${ms(phm.write)}`],
      [`  FileHandle.sync (thread-pool hop; notes that had one: ${int(ph.syncs)} | ${int(phm.syncs)})`, `${ms(ph.sync)} | ${ms(phm.sync)}`],
      ['  after the durable write: ack, publish, scheduler wake', `${ms(ph.after)} | ${ms(phm.after)}`],
      ['scheduler wake() per committed change (µs)', ph.wakeUs.toFixed(1)],
    );
    ctx.progress(`internals: incident.get on ${int(size)} events`);
    const get = await getCost(ctx, size);
    data.incidentGet = get;
    rows.push([`incident.get on ${int(size)} events (p50 / max, n=20)`, `${ms(get.p50)} / ${ms(get.max)}`]);
    return {
      tables: [{ title: 'Engine internals (ms unless stated)', columns: ['measure', 'value'], rows }],
      checks: [],
      notes: [
        'A snapshot is due when events since the last one reach max(2 000, 5% of all); the commit that crosses that line schedules it (setImmediate), the state is serialised on the event loop (incrementally: chunks of 2 048 entries whose objects are unchanged reuse their JSON), then written beside the journal once the journal is durable up to it. The first snapshot after an open serialises every chunk.',
      ],
      data,
    };
  },
};
