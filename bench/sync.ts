// Team sync, measured beside its floors in the same run:
// - propagation: a note acknowledged on console A → applied on console B (another process),
//   over a loopback PostgreSQL; peer: a bare INSERT + NOTIFY → LISTEN round trip on the same server;
// - catch-up: a console that was away for 10 000 teammates' events, until it holds them;
//   peer: one bare SELECT of those rows;
// - late event: the re-reduce when an event stamped before the last 100 000 arrives, from disk and
//   from memory (after the read-ahead shared incidents get), with the longest event-loop block;
//   peer: opening the same incident by replay from zero.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEngine } from '../electron/core/engine';
import { IncidentRegistry } from '../electron/core/incident-registry';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import { createPgPort } from '../electron/core/sync/pg/pg-port';
import { formatStamp, HybridClock } from '../shared/domain/hlc';
import type { IncidentView } from '../shared/contract/contract';
import { onLines } from '../tests/support/child-lines';
import { startPostgres } from '../tests/support/postgres';
import { noteEvent } from './fixtures';
import type { Section, SectionResult } from './sections';
import { int, ms, summarize } from './stats';

const wall = () => performance.timeOrigin + performance.now();

function spawnB(dir: string, url: string, consoleId: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/sync-child.ts', dir, url, consoleId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const got = new Map<string, number>();
  const counts: Array<[number, number]> = [];
  let readyAt = 0;
  const ready = new Promise<void>((resolve) =>
    onLines(child.stdout!, (line) => {
      const [word, a, b] = line.split(' ');
      if (word === 'ready') {
        readyAt = Number(a);
        resolve();
      } else if (word === 'got') got.set(line.slice(4, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1)));
      else if (word === 'count') counts.push([Number(a), Number(b)]);
    }),
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, got, counts, ready, readyAt: () => readyAt, stop: async () => (child.kill('SIGTERM'), await exited) };
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const syncSection: Section = {
  id: 'sync',
  title: 'Team sync',
  async run(ctx): Promise<SectionResult> {
    const notes = ctx.quick ? 300 : 1_000;
    const backlog = 10_000;
    const load: number[] = [loadavg()[0]!];
    ctx.progress('sync: starting PostgreSQL');
    const db = await startPostgres();
    const root = join(ctx.root, 'sync');
    await mkdir(root, { recursive: true });
    try {
      await db.migrate();
      await db.query("SELECT command_post_add_team('bench', 'Bench')");
      const urlA = `${await db.createMember('bench', 'bench_a')}?team=bench`;
      const urlB = `${await db.createMember('bench', 'bench_b')}?team=bench`;
      const urlC = `${await db.createMember('bench', 'bench_c')}?team=bench`;

      // ---- floor: INSERT + NOTIFY → LISTEN, one server, two connections
      ctx.progress('sync: bare NOTIFY round trips');
      const listener = new pg.Client({ connectionString: db.adminUrl });
      const writer = new pg.Client({ connectionString: db.adminUrl });
      await listener.connect();
      await writer.connect();
      await writer.query('CREATE TABLE IF NOT EXISTS bench_floor (id serial primary key, body jsonb)');
      await listener.query('LISTEN bench_floor');
      const bare: number[] = [];
      for (let i = 0; i < notes; i++) {
        const heard = new Promise<number>((resolve) => listener.once('notification', () => resolve(wall())));
        const t0 = wall();
        await writer.query("WITH x AS (INSERT INTO bench_floor (body) VALUES ($1) RETURNING id) SELECT pg_notify('bench_floor', (SELECT id::text FROM x))", [{ text: `n${i}` }]);
        bare.push((await heard) - t0);
      }
      await listener.end();
      await writer.end();

      // ---- propagation A → B
      ctx.progress(`sync: propagation of ${int(notes)} notes, A in this process, B in a child`);
      const a = await openEngine({ dataDir: join(root, 'a'), scheduler: false, consoleId: 'bench-a', settings: createMemorySettings({ operatorName: 'Bench A' }), sync: { factory: createPgPort, override: { url: urlA } } });
      const incident = (await a.dispatch('incident.declare', { title: 'Sync bench', severity: 'SEV2' })) as { ok: true; value: IncidentView };
      const id = incident.value.id;
      await a.syncNow();
      const b = spawnB(join(root, 'b'), urlB, 'bench-b');
      await b.ready;
      await a.dispatch('timeline.log', { incidentId: id, text: 'warm-up' });
      await until(() => b.got.has('warm-up'));
      const acked = new Map<string, number>();
      for (let i = 0; i < notes; i++) {
        const text = `p${i}`;
        await a.dispatch('timeline.log', { incidentId: id, text });
        acked.set(text, wall());
        // A scribe's pace, not a flood: 100 notes a second.
        await new Promise((r) => setTimeout(r, 10));
      }
      await until(() => b.got.size >= notes + 1);
      const propagation = [...acked].map(([text, t]) => b.got.get(text)! - t);
      await b.stop();
      load.push(loadavg()[0]!);

      // ---- catch-up: C away while A's 10 000 events go up, then started
      ctx.progress(`sync: ${int(backlog)} events while console C is away`);
      for (let i = 0; i < backlog; i += 100) {
        await Promise.all(Array.from({ length: 100 }, (_, k) => a.dispatch('timeline.log', { incidentId: id, text: `c${i + k}` })));
      }
      await a.syncNow();
      const floorClient = new pg.Client({ connectionString: db.adminUrl });
      await floorClient.connect();
      const f0 = wall();
      const all = await floorClient.query('SELECT id, body FROM events WHERE incident_id = $1 ORDER BY server_seq', [id]);
      const selectMs = wall() - f0;
      await floorClient.end();
      const totalNotes = notes + 1 + backlog;
      const spawnAt = wall();
      const c = spawnB(join(root, 'c'), urlC, 'bench-c');
      await c.ready;
      await until(() => c.got.size >= totalNotes, 120_000);
      const lastGot = Math.max(...c.got.values());
      const catchUpFromReady = lastGot - c.readyAt();
      const catchUpFromSpawn = lastGot - spawnAt;
      await c.stop();
      await a.close();
      load.push(loadavg()[0]!);

      // ---- late event at 100 000
      const fixture = ctx.fixtures.bySize.get(100_000);
      const late: Array<{ path: string; ms: number; block: number }> = [];
      if (fixture) {
        ctx.progress('sync: late events into a 100 000-event incident');
        const dir = join(root, 'late');
        await cp(fixture.dataDir, dir, { recursive: true });
        const registry = await IncidentRegistry.open(dir, Date.now, () => undefined, new HybridClock('bench', Date.now));
        const log = await registry.get(fixture.incidentId);
        const commitLate = async (path: string, i: number) => {
          const e = noteEvent(fixture.incidentId, 3 + i, Date.parse('2026-01-01T00:00:00Z'));
          const { seq: _s, ...rest } = e;
          let block = 0;
          let last = performance.now();
          const probe = setInterval(() => {
            const now = performance.now();
            block = Math.max(block, now - last);
            last = now;
          }, 1);
          const t0 = performance.now();
          await log.commit([{ ...rest, id: `late-${i}`, hlc: formatStamp({ wall: e.at, counter: i, node: 'late' }) } as never]);
          const took = performance.now() - t0;
          clearInterval(probe);
          late.push({ path, ms: took, block });
        };
        await commitLate('from disk (first late event, nothing read ahead)', 0);
        await commitLate('in memory (events kept after the first)', 1);
        await commitLate('in memory, again', 2);
        await registry.close();
        // A fresh open, read ahead as a shared incident is, then a late event.
        const registry2 = await IncidentRegistry.open(dir, Date.now, () => undefined, new HybridClock('bench', Date.now));
        const log2 = await registry2.get(fixture.incidentId);
        const w0 = performance.now();
        await log2.warmOrder();
        const warmMs = performance.now() - w0;
        const e = noteEvent(fixture.incidentId, 9, Date.parse('2026-01-01T00:00:00Z'));
        const { seq: _s, ...rest } = e;
        const t0 = performance.now();
        await log2.commit([{ ...rest, id: 'late-warm', hlc: formatStamp({ wall: e.at, counter: 9, node: 'late' }) } as never]);
        late.push({ path: `in memory after the read-ahead (read-ahead took ${ms(warmMs)} ms in slices)`, ms: performance.now() - t0, block: Number.NaN });
        await registry2.close();
      }
      load.push(loadavg()[0]!);

      const p = summarize(propagation);
      const f = summarize(bare);
      const memoryLate = late.filter((l) => l.path.startsWith('in memory'));
      const worstMemory = Math.max(...memoryLate.map((l) => l.ms));
      const checks = [
        { name: `propagation A→B p99 over ${int(notes)} notes`, measured: `${ms(p.p99)} ms`, target: '< 250 ms', pass: p.p99 < 250 },
        { name: `catch-up of ${int(backlog)} events (from the console's start)`, measured: `${ms(catchUpFromReady)} ms`, target: '< 3 000 ms', pass: catchUpFromReady < 3_000 },
        ...(late.length
          ? [
              { name: 'late event at 100 000, in memory (shared incidents)', measured: `${ms(worstMemory)} ms`, target: '< 500 ms', pass: worstMemory < 500 },
              { name: 'late event at 100 000, from disk (first, nothing read ahead)', measured: `${ms(late[0]!.ms)} ms`, target: '< 500 ms', pass: late[0]!.ms < 500 },
            ]
          : []),
      ];
      return {
        tables: [
          {
            title: `Propagation, acknowledged on A → applied on B (ms, ${int(notes)} notes at 100/s, loopback PostgreSQL)`,
            columns: ['path', 'p50', 'p99', 'max'],
            rows: [
              ['Command Post: push, NOTIFY, pull, gate, journal, apply', ms(p.p50), ms(p.p99), ms(p.max)],
              ['floor: bare INSERT + pg_notify → LISTEN', ms(f.p50), ms(f.p99), ms(f.max)],
            ],
          },
          {
            title: `Catch-up of ${int(backlog + notes + 1)} teammates' notes (ms)`,
            columns: ['path', 'ms'],
            rows: [
              ['console C: from "ready" (engine open) to the last note applied', ms(catchUpFromReady)],
              ['console C: from process start (tsx, engine open included)', ms(catchUpFromSpawn)],
              [`floor: one SELECT of the ${int(all.rowCount ?? 0)} rows`, ms(selectMs)],
            ],
          },
          ...(late.length
            ? [{ title: 'Late event into 100 000 events (ms; block = longest event-loop turn meanwhile)', columns: ['path', 'ms', 'block'], rows: late.map((l) => [l.path, ms(l.ms), ms(l.block)]) }]
            : []),
        ],
        checks,
        notes: [`Load average (1 min) at start, after propagation, after catch-up, at the end: ${load.map((x) => x.toFixed(2)).join(', ')}.`],
        data: { propagation: p, floor: f, catchUpFromReady, catchUpFromSpawn, selectMs, late, load },
      };
    } finally {
      await db.stop();
      await rm(root, { recursive: true, force: true });
    }
  },
};
