// Artefacts, measured beside their floors in the same run, at three sizes of screenshot:
// - attach: `artefact.attach` through the engine (decode, sniff, sha-256, durable file, then the
//   journal event) against the bare durable write of the same bytes (write, fsync, rename, fsync
//   the folder) and SQLite (one INSERT of the blob, WAL, synchronous=FULL);
// - team sync: the upload (`putFile`, which the database checks against its sha-256) against a
//   bare INSERT of the same bytea; a teammate's first open (fetch, check, store durably) against
//   a bare SELECT of the bytes and against the open once the file is here.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openEngine } from '../electron/core/engine';
import type { Engine } from '../electron/core/engine-types';
import { writeFileDurably } from '../electron/core/fs/durable';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import { createPgPort } from '../electron/core/sync/pg/pg-port';
import type { IncidentView } from '../shared/contract/contract';
import { startPostgres } from '../tests/support/postgres';
import type { Section, SectionResult } from './sections';
import { mib, ms, summarize } from './stats';

const KIB = 1024;

/**
 * A PNG as the sniffer checks it (signature, IHDR first, IEND last) around random bytes, which
 * neither deflate nor the disk can shrink: the worst case for a screenshot of that size.
 */
function screenshotOf(size: number): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1920, 0);
  ihdr.writeUInt32BE(1080, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const fixed = signature.length + 12 + 13 + 12 + 12;
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', randomBytes(size - fixed)), chunk('IEND', Buffer.alloc(0))]);
}

const ok = <T>(r: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error?.message ?? 'failed');
  return r.value as T;
};

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const row = (label: string, samples: number[]) => {
  const s = summarize(samples);
  return [label, ms(s.p50), ms(s.max), String(s.n)];
};

export const artefactsSection: Section = {
  id: 'artefacts',
  title: 'Artefacts',
  async run(ctx): Promise<SectionResult> {
    const sizes = [256 * KIB, 2 * 1024 * KIB, 10 * 1024 * KIB];
    const runs = ctx.quick ? 3 : 10;
    const root = join(ctx.root, 'artefacts');
    await mkdir(root, { recursive: true });
    const load: number[] = [loadavg()[0]!];
    const tables: SectionResult['tables'] = [];
    const data: Record<string, unknown> = {};

    // ---- attach, beside the bare durable write and SQLite
    const engine = await openEngine({ dataDir: join(root, 'engine'), scheduler: false, settings: createMemorySettings({ operatorName: 'Bench' }) });
    const sqlite = new Database(join(root, 'peer.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.exec('CREATE TABLE files (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL)');
    const insert = sqlite.prepare<[string, Buffer]>('INSERT INTO files (hash, bytes) VALUES (?, ?)');
    const attachRows: string[][] = [];
    try {
      const { id } = ok<IncidentView>(await engine.dispatch('incident.declare', { title: 'Artefact bench', severity: 'SEV2' }));
      for (const size of sizes) {
        ctx.progress(`artefacts: attach ${mib(size)} × ${runs}, interleaved with its peers`);
        const eng: number[] = [];
        const bare: number[] = [];
        const lite: number[] = [];
        for (let i = 0; i < runs; i++) {
          // New bytes each time: the same content twice is one file and would skip the write.
          const bytes = screenshotOf(size);
          const base64 = bytes.toString('base64');
          eng.push(await timed(async () => ok(await engine.dispatch('artefact.attach', { incidentId: id, name: `shot-${i}.png`, base64, text: '' }))));
          bare.push(await timed(() => writeFileDurably(join(root, `bare-${size}-${i}`), screenshotOf(size))));
          const other = screenshotOf(size);
          lite.push(await timed(() => insert.run(`${size}-${i}`, other)));
        }
        data[`attach-${size}`] = { engine: eng, bare, sqlite: lite };
        attachRows.push(row(`artefact.attach ${mib(size)}`, eng), row(`  bare durable write ${mib(size)}`, bare), row(`  SQLite blob INSERT ${mib(size)}`, lite));
      }
    } finally {
      sqlite.close();
      await engine.close();
    }
    load.push(loadavg()[0]!);
    tables.push({ title: 'Attaching a screenshot (ms; base64 in, durable file and journal event)', columns: ['', 'p50', 'max', 'n'], rows: attachRows });

    // ---- team sync: upload, and a teammate's first open
    ctx.progress('artefacts: starting PostgreSQL');
    const db = await startPostgres();
    const syncRows: string[][] = [];
    let a: Engine | null = null;
    let b: Engine | null = null;
    try {
      await db.migrate();
      await db.query("SELECT command_post_add_team('bench', 'Bench')");
      const urlA = `${await db.createMember('bench', 'art_a')}?team=bench`;
      const urlB = `${await db.createMember('bench', 'art_b')}?team=bench`;
      const floor = new pg.Client({ connectionString: db.adminUrl });
      await floor.connect();
      await floor.query('CREATE TABLE bench_blobs (id serial PRIMARY KEY, bytes bytea NOT NULL)');
      // Stored as artefact_files stores them: no attempt to compress.
      await floor.query('ALTER TABLE bench_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL');
      const portA = createPgPort({ url: urlA, team: 'bench', consoleId: 'art-port' });
      const connected = await portA.connect();
      if (!connected.ok) throw new Error(connected.error.message);
      a = await openEngine({ dataDir: join(root, 'a'), scheduler: false, consoleId: 'art-a', settings: createMemorySettings({ operatorName: 'A' }), sync: { factory: createPgPort, override: { url: urlA } } });
      b = await openEngine({ dataDir: join(root, 'b'), scheduler: false, consoleId: 'art-b', settings: createMemorySettings({ operatorName: 'B' }), sync: { factory: createPgPort, override: { url: urlB } } });
      const { id } = ok<IncidentView>(await a.dispatch('incident.declare', { title: 'Artefact sync bench', severity: 'SEV2' }));
      try {
        for (const size of sizes) {
          ctx.progress(`artefacts: sync ${mib(size)} × ${runs}`);
          const put: number[] = [];
          const bareInsert: number[] = [];
          const first: number[] = [];
          const local: number[] = [];
          const bareSelect: number[] = [];
          const made: string[] = [];
          for (let i = 0; i < runs; i++) {
            const bytes = screenshotOf(size);
            const hash = createHash('sha256').update(bytes).digest('hex');
            put.push(await timed(async () => ok(await portA.putFile(hash, bytes))));
            bareInsert.push(await timed(() => floor.query('INSERT INTO bench_blobs (bytes) VALUES ($1)', [screenshotOf(size)])));
            // The teammate's file: attached on A (its own upload is not timed here).
            const attached = ok<{ artefactId: string }>(await a.dispatch('artefact.attach', { incidentId: id, name: `t-${i}.png`, base64: screenshotOf(size).toString('base64'), text: '' }));
            made.push(attached.artefactId);
          }
          await a.syncNow();
          await b.syncNow();
          for (const artefactId of made) {
            first.push(await timed(async () => ok(await b!.dispatch('artefact.get', { incidentId: id, artefactId }))));
            local.push(await timed(async () => ok(await b!.dispatch('artefact.get', { incidentId: id, artefactId }))));
            bareSelect.push(await timed(() => floor.query('SELECT bytes FROM bench_blobs ORDER BY id DESC LIMIT 1')));
          }
          data[`sync-${size}`] = { put, bareInsert, first, local, bareSelect };
          syncRows.push(
            row(`upload (putFile) ${mib(size)}`, put),
            row(`  bare INSERT of the bytea ${mib(size)}`, bareInsert),
            row(`teammate's first open ${mib(size)}`, first),
            row(`  bare SELECT of the bytea ${mib(size)}`, bareSelect),
            row(`  open once here ${mib(size)}`, local),
          );
        }
      } finally {
        await portA.close();
        await floor.end();
      }
    } finally {
      await a?.close();
      await b?.close();
      await db.stop();
      await rm(root, { recursive: true, force: true });
    }
    load.push(loadavg()[0]!);
    tables.push({ title: 'Artefact files through team sync (ms; loopback PostgreSQL 15)', columns: ['', 'p50', 'max', 'n'], rows: syncRows });
    data.load = load;
    return {
      tables,
      checks: [],
      notes: [
        `Each screenshot is random bytes inside a PNG frame (incompressible, new content each run); engine and peers interleaved, ${runs} runs per size. 1-minute load average ${load.map((l) => l.toFixed(2)).join(' → ')}.`,
        "A teammate's first open includes the fetch over the query connection, the size/sha-256/type check and the durable write here; base64 for the window is in every open.",
      ],
      data,
    };
  },
};
