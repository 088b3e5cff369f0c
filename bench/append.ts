// Append: a note logged through the engine (validate → journal + fsync → apply → publish),
// beside the bare write+fsync loop (the physical limit), SQLite (what a careful app would use
// instead: WAL, synchronous=FULL, one INSERT per note) and the naive `conf` peer.
//
// Engine samples and bare-loop samples are taken in interleaved blocks of BLOCK, so that on a
// shared machine both see the same disk and CPU conditions; the ratios compare them block-fair.
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../electron/core/engine';
import type { Engine } from '../electron/core/engine-types';
import { asyncProbe, type DiskProbe, dsyncProbe, overwriteProbe, recordLine, syncProbe } from './disk';
import { cloneFixture } from './fixtures';
import { fsyncCount, installFsyncCounter } from './fsync-count';
import { naiveConfAppends, type NaiveResult } from './naive';
import type { BenchContext, Section, SectionResult } from './sections';
import { sqliteProbe, sqliteRowBytes, sqliteVersion } from './sqlite-peer';
import { int, ms, ratio, summarize, type Summary } from './stats';

const BURST = 64;
const WARMUP = 50;
const BLOCK = 50;
/** Notes logged before the steady-state run: V8 is still tiering the command path up before this. */
const STEADY_AFTER = 2_000;

interface Probes {
  sync: DiskProbe;
  async: DiskProbe;
  dsync: DiskProbe;
  overwrite: DiskProbe;
  /** Holds as many events as the incident measured beside it: one database per size. */
  sqlite: DiskProbe;
}

interface Phase {
  engine: Summary;
  sync: Summary;
  async: Summary;
  dsync: Summary;
  overwrite: Summary;
  sqlite: Summary;
}

interface EngineAppend {
  size: number;
  events: number;
  /** After WARMUP notes: the official figure. */
  first: Phase;
  /** After STEADY_AFTER notes: a long-running session. */
  steady: Phase;
  burst: { rounds: number; notes: number; totalMs: number; notesPerSecond: number; fsyncs: number; fsyncsPerNote: number; latency: Summary };
  loadAvg: number;
}

async function log(engine: Engine, incidentId: string, text: string): Promise<void> {
  const result = await engine.dispatch('timeline.log', { incidentId, text });
  if (!result.ok) throw new Error(`timeline.log refused: ${result.error.code} ${result.error.message}`);
}

/** `samples` engine notes in blocks, each block preceded by one block of every bare probe. */
async function interleaved(engine: Engine, incidentId: string, probes: Probes, samples: number, label: string): Promise<Phase> {
  const out = { engine: [] as number[], sync: [] as number[], async: [] as number[], dsync: [] as number[], overwrite: [] as number[], sqlite: [] as number[] };
  for (let done = 0; done < samples; done += BLOCK) {
    const n = Math.min(BLOCK, samples - done);
    out.sync.push(...(await probes.sync.sample(n)));
    out.async.push(...(await probes.async.sample(n)));
    out.dsync.push(...(await probes.dsync.sample(n)));
    out.overwrite.push(...(await probes.overwrite.sample(n)));
    out.sqlite.push(...(await probes.sqlite.sample(n)));
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await log(engine, incidentId, `${label} note ${done + i}: replica lag back under 2 s on db-3`);
      out.engine.push(performance.now() - t0);
    }
  }
  return {
    engine: summarize(out.engine),
    sync: summarize(out.sync),
    async: summarize(out.async),
    dsync: summarize(out.dsync),
    overwrite: summarize(out.overwrite),
    sqlite: summarize(out.sqlite),
  };
}

async function engineAppends(ctx: BenchContext, size: number, samples: number, rounds: number, probes: Probes): Promise<EngineAppend> {
  const fixture = ctx.fixtures.bySize.get(size);
  if (!fixture) throw new Error(`no fixture of ${size} events`);
  const dataDir = join(ctx.root, `append-${size}`);
  const { incidentId } = await cloneFixture(fixture, dataDir);
  // Default settings (a `conf` file in the data folder) and the scheduler on, as the Node host runs.
  const engine = await openEngine({ dataDir });
  try {
    for (let i = 0; i < WARMUP; i++) await log(engine, incidentId, `warm-up note ${i}`);
    const first = await interleaved(engine, incidentId, probes, samples, 'first');
    for (let i = WARMUP + samples; i < STEADY_AFTER; i++) await log(engine, incidentId, `warm-up note ${i}`);
    const steady = await interleaved(engine, incidentId, probes, samples, 'steady');
    const burstLatency: number[] = [];
    let totalMs = 0;
    const syncsBefore = fsyncCount();
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: BURST }, async (_, k) => {
          await log(engine, incidentId, `burst ${r}.${k}: paging the database on-call`);
          burstLatency.push(performance.now() - t0);
        }),
      );
      totalMs += performance.now() - t0;
    }
    const fsyncs = fsyncCount() - syncsBefore;
    const notes = rounds * BURST;
    return {
      size,
      events: fixture.events,
      first,
      steady,
      burst: {
        rounds,
        notes,
        totalMs,
        notesPerSecond: (notes / totalMs) * 1000,
        fsyncs,
        fsyncsPerNote: fsyncs / notes,
        latency: summarize(burstLatency),
      },
      loadAvg: loadavg()[0]!,
    };
  } finally {
    await engine.close();
  }
}

export const appendSection: Section = {
  id: 'append',
  title: 'Append: one note, durable',
  async run(ctx): Promise<SectionResult> {
    const sizes = [...ctx.fixtures.bySize.keys()].sort((a, b) => a - b);
    const samples = ctx.quick ? 100 : 500;
    const rounds = ctx.quick ? 5 : 20;
    const naiveCap = (size: number) => (size >= 100_000 ? (ctx.quick ? 5 : 20) : size >= 10_000 ? (ctx.quick ? 20 : 100) : samples);
    const diskDir = join(ctx.root, 'disk');
    await mkdir(diskDir, { recursive: true });
    await installFsyncCounter(join(diskDir, 'probe'));
    const bare = { sync: syncProbe(diskDir), async: await asyncProbe(diskDir), dsync: await dsyncProbe(diskDir), overwrite: overwriteProbe(diskDir) };
    for (const p of Object.values(bare)) await p.sample(WARMUP);

    const ours: EngineAppend[] = [];
    const naive = new Map<number, NaiveResult>();
    try {
      for (const size of sizes) {
        ctx.progress(`append: SQLite peer seeded with ${int(size)} events`);
        const sqlite = sqliteProbe(diskDir, size);
        await sqlite.sample(WARMUP);
        ctx.progress(`append: engine on ${int(size)} events (${samples}+${samples} sequential, interleaved with bare loops and SQLite; ${rounds}×${BURST} burst)`);
        try {
          ours.push(await engineAppends(ctx, size, samples, rounds, { ...bare, sqlite }));
        } finally {
          await sqlite.close();
        }
        ctx.progress(`append: conf peer on ${int(size)} prior notes (${naiveCap(size)} samples)`);
        const naiveDir = join(ctx.root, `naive-${size}`);
        await mkdir(naiveDir, { recursive: true });
        naive.set(size, naiveConfAppends(naiveDir, size, naiveCap(size)));
      }
    } finally {
      for (const p of Object.values(bare)) await p.close();
    }

    const row = (subject: string, size: string, s: Summary) => [subject, size, int(s.n), ms(s.p50), ms(s.p99), ms(s.max), ms(s.mean)];
    const latencyRows: string[][] = [];
    for (const o of ours) {
      const size = int(o.size);
      latencyRows.push(
        row('engine timeline.log', size, o.first.engine),
        row('  beside it: bare write+fsync (sync)', size, o.first.sync),
        row('  beside it: bare FileHandle write+sync', size, o.first.async),
        row('  beside it: bare write, O_DSYNC', size, o.first.dsync),
        row('  beside it: bare overwrite+fdatasync', size, o.first.overwrite),
        row('  beside it: SQLite INSERT (WAL, FULL)', size, o.first.sqlite),
        row(`engine, after ${int(STEADY_AFTER)} notes`, size, o.steady.engine),
        row('  beside it: bare write+fsync (sync)', size, o.steady.sync),
        row('  beside it: bare overwrite+fdatasync', size, o.steady.overwrite),
        row('  beside it: SQLite INSERT (WAL, FULL)', size, o.steady.sqlite),
      );
    }
    for (const size of sizes) latencyRows.push(row('conf document rewrite', int(size), naive.get(size)!));

    const ratioRows = ours.map((o) => {
      const n = naive.get(o.size)!;
      return [
        int(o.size),
        ratio(o.first.engine.p50 / o.first.sync.p50),
        ratio(o.first.engine.p99 / o.first.sync.p99),
        ratio(o.steady.engine.p50 / o.steady.sync.p50),
        ratio(o.steady.engine.p99 / o.steady.sync.p99),
        ratio(o.first.engine.p50 / o.first.async.p50),
        ratio(o.first.engine.p50 / o.first.sqlite.p50),
        ratio(o.first.engine.p99 / o.first.sqlite.p99),
        ratio(o.steady.engine.p50 / o.steady.sqlite.p50),
        ratio(o.first.sqlite.p50 / o.first.sync.p50),
        ratio(n.p50 / o.first.engine.p50),
        ratio(n.p99 / o.first.engine.p99),
      ];
    });
    const burstRows = ours.map((o) => [
      int(o.size),
      `${o.burst.rounds}×${BURST}`,
      int(o.burst.notesPerSecond),
      o.burst.fsyncsPerNote.toFixed(3),
      `${(o.burst.notes / o.burst.fsyncs).toFixed(1)}`,
      ms(o.burst.latency.p50),
      ms(o.burst.latency.p99),
    ]);

    const largest = ours.at(-1)!;
    const l = largest.first;
    const checks = [
      { name: `append p99 at ${int(largest.size)} events`, measured: `${ms(l.engine.p99)} ms`, target: '< 10 ms', pass: l.engine.p99 < 10 },
      {
        name: `append p50 vs bare fsync at ${int(largest.size)} events`,
        measured: ratio(l.engine.p50 / l.sync.p50),
        target: '≤ 1.5×',
        pass: l.engine.p50 / l.sync.p50 <= 1.5,
      },
      {
        name: `append p50 vs SQLite at ${int(largest.size)} events`,
        measured: ratio(l.engine.p50 / l.sqlite.p50),
        target: '≤ 1.2×',
        pass: l.engine.p50 / l.sqlite.p50 <= 1.2,
      },
      {
        name: `append p99 vs bare fsync at ${int(largest.size)} events`,
        measured: ratio(l.engine.p99 / l.sync.p99),
        target: '≤ 1.5×',
        pass: l.engine.p99 / l.sync.p99 <= 1.5,
      },
    ];
    const notes = [
      `Engine: after ${WARMUP} warm-up notes, ${samples} sequential notes, dispatch() to resolved ack (the event is published to subscribers before the ack). Measured in blocks of ${BLOCK}, each block preceded by ${BLOCK} appends of every bare loop, so each "beside it" row saw the same machine conditions. Engine with default conf settings and its deadline scheduler on.`,
      `"after ${int(STEADY_AFTER)} notes": ${samples} more notes once ${int(STEADY_AFTER)} have gone through that engine (V8 has tiered the command path up by then). The targets are checked on the first rows.`,
      `Incident sizes are the fixtures' real event counts: ${ours.map((o) => `${int(o.size)} → ${int(o.events)}`).join(', ')} (the engine's opening — declaration, cadence, escalation — plus the overdue clocks it recorded).`,
      `Bare loops: the same ${recordLine().length}-byte record line. Sync = writeSync + fsyncSync (the floor). FileHandle = write then sync through libuv's thread pool, as the journal writer does it (two hops). O_DSYNC = the file opened with O_DSYNC, one write per note, durable on return (one hop). Overwrite = the line written over bytes already in a file (cycling through 2 048 slots) + fdatasync: no length change, so no file-system metadata to commit — what SQLite's WAL does once reused after a checkpoint, and what an append-only journal cannot do.`,
      `SQLite peer: better-sqlite3 (SQLite ${sqliteVersion(diskDir)}), journal_mode=WAL, synchronous=FULL, table events(incident_id, seq, event JSON) with primary key (incident_id, seq), seeded with as many rows as the incident has events and checkpointed; one prepared INSERT per note, autocommit (its own transaction, durable on return), the same event as the bare loops' line (${sqliteRowBytes()} bytes of JSON), in the same temp dir. Its WAL checkpoints itself every 1 000 pages, inside the commit that crosses the line, as in an app.`,
      `conf peer: conf.set('notes', arr) after each push (reads and parses the file twice, pretty-prints it, atomic write with fsync). Samples capped at ${naiveCap(10_000)} for 10 000 and ${naiveCap(100_000)} for 100 000 prior notes; with ${naiveCap(100_000)} samples p99 is the max.`,
      `Bursts: ${BURST} timeline.log dispatched at once, awaited together, ${rounds} rounds; durable rounds counted by wrapping FileHandle.prototype.write and fs.writeSync (one durable write per group-commit round: the journal is opened with O_DSYNC). 1-minute load average after each size: ${ours.map((o) => o.loadAvg.toFixed(2)).join(', ')}.`,
    ];
    return {
      tables: [
        { title: 'Append latency (ms)', columns: ['subject', 'events', 'n', 'p50', 'p99', 'max', 'mean'], rows: latencyRows },
        {
          title: 'Append ratios (engine vs the bare loops beside it; conf vs engine)',
          columns: [
            'events',
            'our/limit p50',
            'our/limit p99',
            'steady/limit p50',
            'steady/limit p99',
            'our/FileHandle p50',
            'our/SQLite p50',
            'our/SQLite p99',
            'steady/SQLite p50',
            'SQLite/limit p50',
            'conf/our p50',
            'conf/our p99',
          ],
          rows: ratioRows,
        },
        { title: `Bursts of ${BURST} concurrent notes (group commit)`, columns: ['events', 'rounds', 'notes/s', 'fsyncs/note', 'notes/fsync', 'note p50 ms', 'note p99 ms'], rows: burstRows },
      ],
      checks,
      notes,
      data: {
        engine: ours,
        naive: Object.fromEntries(naive),
        ratios: ours.map((o) => ({
          size: o.size,
          ourOverLimitP50: o.first.engine.p50 / o.first.sync.p50,
          ourOverLimitP99: o.first.engine.p99 / o.first.sync.p99,
          steadyOverLimitP50: o.steady.engine.p50 / o.steady.sync.p50,
          steadyOverLimitP99: o.steady.engine.p99 / o.steady.sync.p99,
          ourOverSqliteP50: o.first.engine.p50 / o.first.sqlite.p50,
          ourOverSqliteP99: o.first.engine.p99 / o.first.sqlite.p99,
          steadyOverSqliteP50: o.steady.engine.p50 / o.steady.sqlite.p50,
          naiveOverOurP50: naive.get(o.size)!.p50 / o.first.engine.p50,
          naiveOverOurP99: naive.get(o.size)!.p99 / o.first.engine.p99,
        })),
      },
    };
  },
};
