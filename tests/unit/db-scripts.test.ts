// `npm run db:dev` and `npm run db:migrate`, run as a person would: db:dev is spawned, its URL
// lines read, both members connect through the PostgreSQL port, db:migrate runs against its
// server, and SIGTERM stops the server (by pid) and removes its folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPort } from '../../electron/core/sync/pg/pg-port';
import type { SyncPort, SyncResult } from '../../electron/core/sync/sync-port';
import { formatStamp } from '../../shared/domain/hlc';
import { onLines } from '../support/child-lines';
import { isRunning } from '../support/postgres';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dev: ChildProcess;
const lines: string[] = [];
let exited: Promise<number | null>;

function line(prefix: string): string {
  const found = lines.find((l) => l.startsWith(prefix));
  if (!found) throw new Error(`db:dev printed no "${prefix}" line:\n${lines.join('\n')}`);
  return found.slice(prefix.length).trim();
}

beforeAll(async () => {
  dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-dev.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  exited = new Promise((resolve) => dev.once('exit', (code) => resolve(code)));
  onLines(dev.stdout!, (l) => lines.push(l));
  onLines(dev.stderr!, (l) => lines.push(l));
  const until = Date.now() + 40_000;
  while (!lines.some((l) => l.startsWith('Ready.'))) {
    if (Date.now() > until || dev.exitCode !== null) throw new Error(`db:dev did not get ready:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 45_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    dev.kill('SIGTERM');
    await exited;
  }
}, 30_000);

function ok<T>(result: SyncResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function migrate(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: line('Admin:') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('npm run db:dev', () => {
  it('prints the team and a ready URL per member; both connect and sync through the port', async () => {
    expect(line('Team:')).toBe('dev');
    const ports: SyncPort[] = [
      createPgPort({ url: line('Member ic:'), team: 'dev', consoleId: 'ic-laptop' }),
      createPgPort({ url: line('Member scribe:'), team: 'dev', consoleId: 'scribe-laptop' }),
    ];
    try {
      const [ic, scribe] = ports as [SyncPort, SyncPort];
      expect(ok(await ic.connect()).login).toBe('ic');
      expect(ok(await scribe.connect()).login).toBe('scribe');
      const hlc = formatStamp({ wall: 1_764_510_000_000, counter: 0, node: 'ic-laptop' });
      ok(await ic.push([{ id: 'dev-1', incidentId: 'INC-1', hlc, consoleId: 'ic-laptop', body: { hello: 'team' } }]));
      expect(ok(await scribe.pull('INC-1', 0, 10))).toMatchObject([{ serverSeq: 1, uploadedBy: 'ic', consoleLogin: 'ic', body: { hello: 'team' } }]);
    } finally {
      await Promise.all(ports.map((p) => p.close()));
    }
  });
});

describe('npm run db:migrate', () => {
  it('applies pending migrations, then has nothing to apply; never prints the password', async () => {
    await admin('CREATE DATABASE fresh');
    const adminUrl = line('Admin:');
    const fresh = adminUrl.replace(/\/command_post$/, '/fresh');
    const password = decodeURIComponent(new URL(adminUrl).password);
    const first = migrate('--url', fresh);
    expect(first).toEqual({ status: 0, out: expect.stringContaining('Applied 001_team_sync.sql\nApplied 002_artefact_files.sql\nSchema version 2 (was 0).') });
    const again = migrate('--url', fresh);
    expect(again).toEqual({ status: 0, out: expect.stringContaining('Nothing to apply: schema version 2.') });
    for (const run of [first, again]) expect(run.out).not.toContain(password);
  });

  it('answers meaningful exit codes: usage, wrong password, newer database, not an admin', async () => {
    expect(migrate().status).toBe(2);
    const adminUrl = line('Admin:');
    const wrong = adminUrl.replace(/:[^:@/]+@/, ':Wrong-Secret-123@');
    const refused = migrate('--url', wrong);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain('Wrong user name or password for postgres@127.0.0.1');
    expect(refused.out).not.toContain('Wrong-Secret-123');

    await admin("INSERT INTO command_post_schema (version, file) VALUES (99, '099_future.sql')");
    try {
      const newer = migrate('--url', adminUrl);
      expect(newer.status).toBe(3);
      expect(newer.out).toContain("The database's schema is version 99, newer than these migrations (2).");
    } finally {
      await admin('DELETE FROM command_post_schema WHERE version = 99');
    }
    expect(migrate('--url', line('Member ic:')).status).toBe(4);
  });
});

describe('stopping db:dev', () => {
  it('SIGTERM stops the server by its pid and removes its folder', async () => {
    const [, pid, dataDir] = /pid (\d+), data in (\S+)$/.exec(line('PostgreSQL on'))!;
    expect(isRunning(Number(pid))).toBe(true);
    expect(existsSync(dataDir!)).toBe(true);
    dev.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isRunning(Number(pid))).toBe(false);
    expect(existsSync(dirname(dataDir!))).toBe(false);
    expect(lines).toContain('Stopped.');
  }, 30_000);
});
