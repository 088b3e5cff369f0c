// The PostgreSQL SyncPort against a real PostgreSQL (one cluster for this file): round trips,
// duplicates, the gap-free sequence under concurrent pushers, access, every connection failure
// the console can meet, and recovery from each.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatStamp } from '../../../../shared/domain/hlc';
import { freePort, startPostgres, type RunningPostgres } from '../../../../tests/support/postgres';
import { startTcpProxy, type TcpProxy } from '../../../../tests/support/tcp-proxy';
import type { PushRow, SyncPort, SyncResult } from '../sync-port';
import { createPgPort } from './pg-port';

const T0 = 1_764_510_000_000;
let db: RunningPostgres;
let icUrl: string;
let scribeUrl: string;
let outsiderUrl: string;
const ports: SyncPort[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  db = await startPostgres();
  await db.migrate();
  await db.query("SELECT command_post_add_team('dev', 'Dev team'), command_post_add_team('ops', 'Ops team')");
  icUrl = await db.createMember('dev', 'ic');
  scribeUrl = await db.createMember('dev', 'scribe');
  outsiderUrl = await db.createMember('ops', 'outsider');
}, 60_000);

afterEach(async () => {
  await Promise.all(ports.splice(0).map((p) => p.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  await db?.stop();
}, 30_000);

function port(url: string, consoleId: string, team = 'dev', password?: string): SyncPort {
  const p = createPgPort({ url, team, consoleId, ...(password ? { password } : {}) });
  ports.push(p);
  return p;
}

async function connected(url: string, consoleId: string, team = 'dev'): Promise<SyncPort> {
  const p = port(url, consoleId, team);
  ok(await p.connect());
  return p;
}

function ok<T>(result: SyncResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function problem<T>(result: SyncResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected an error value, got success');
  return result.error;
}

let made = 0;
function rows(incidentId: string, consoleId: string, count: number): PushRow[] {
  return Array.from({ length: count }, () => {
    const n = ++made;
    const hlc = formatStamp({ wall: T0 + n, counter: 0, node: consoleId });
    return { id: `ev-${n}`, incidentId, hlc, consoleId, body: { id: `ev-${n}`, incidentId, hlc, note: `line ${n}` } };
  });
}

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function proxied(url: string): Promise<{ proxy: TcpProxy; url: string }> {
  const proxy = await startTcpProxy(db.port);
  proxies.push(proxy);
  return { proxy, url: url.replace(`:${db.port}/`, `:${proxy.port}/`) };
}

describe('connect', () => {
  it('answers the login, the team, the schema version and the database clock', async () => {
    const session = ok(await port(icUrl, 'ic-laptop').connect());
    expect(session).toMatchObject({ login: 'ic', team: 'dev', schemaVersion: 2 });
    expect(Math.abs(session.serverNow - Date.now())).toBeLessThan(5_000);
  });

  it('takes the password kept apart over the one in the URL', async () => {
    const bare = icUrl.replace(/:[^:@/]+@/, ':placeholder@');
    expect(ok(await port(bare, 'ic-laptop', 'dev', new URL(icUrl).password).connect()).login).toBe('ic');
  });

  it('refuses a wrong password as auth, without the password in the message', async () => {
    const wrong = 'not-the-password-8Hq2';
    const error = problem(await port(icUrl.replace(/:[^:@/]+@/, `:${wrong}@`), 'ic-laptop').connect());
    expect(error.code).toBe('auth');
    expect(error.message).toContain('ic@127.0.0.1');
    expect(error.message).not.toContain(wrong);
    const apart = problem(await port(icUrl, 'ic-laptop', 'dev', wrong).connect());
    expect(apart.code).toBe('auth');
    expect(apart.message).not.toContain(wrong);
  });

  it('says unknown-host for a name that does not resolve', async () => {
    const error = problem(await port('postgres://x:secret-y@no-such-host.invalid/db', 'ic-laptop').connect());
    expect(error.code).toBe('unknown-host');
    expect(error.message).toContain('no-such-host.invalid');
    expect(error.message).not.toContain('secret-y');
  });

  it('says unreachable for a port where nothing listens', async () => {
    const closed = await freePort();
    const error = problem(await port(icUrl.replace(`:${db.port}/`, `:${closed}/`), 'ic-laptop').connect());
    expect(error.code).toBe('unreachable');
    expect(error.message).not.toContain(new URL(icUrl).password);
  });

  it('says schema-old for a database without the schema, with the command to run', async () => {
    await db.query('CREATE DATABASE bare');
    const error = problem(await port(icUrl.replace(/\/command_post$/, '/bare'), 'ic-laptop').connect());
    expect(error.code).toBe('schema-old');
    expect(error.message).toContain('npm run db:migrate -- --url postgres://ADMIN@127.0.0.1');
    expect(error.message).not.toContain(new URL(icUrl).password);
  });

  it('says schema-old for a database still at version 1 (no artefact files), with the command to run', async () => {
    await db.query('DELETE FROM command_post_schema WHERE version = 2');
    try {
      const error = problem(await port(icUrl, 'ic-laptop').connect());
      expect(error.code).toBe('schema-old');
      expect(error.message).toContain("The database's schema is version 1, older than this console needs (2). Run: npm run db:migrate");
    } finally {
      await db.query("INSERT INTO command_post_schema (version, file) VALUES (2, '002_artefact_files.sql')");
    }
  });

  it('says schema-new when the database is ahead of this console', async () => {
    await db.query("INSERT INTO command_post_schema (version, file) VALUES (99, '099_future.sql')");
    try {
      const error = problem(await port(icUrl, 'ic-laptop').connect());
      expect(error.code).toBe('schema-new');
      expect(error.message).toBe("The database's schema is version 99, newer than this console knows (2). Update Command Post.");
    } finally {
      await db.query('DELETE FROM command_post_schema WHERE version = 99');
    }
  });

  it('refuses a team the login is not a member of', async () => {
    const error = problem(await port(outsiderUrl, 'outsider-box').connect());
    expect(error).toEqual({ code: 'permission', message: expect.stringContaining('outsider is not a member of team dev') });
  });

  it("refuses a console id registered to another login, teammate or not", async () => {
    ok(await port(icUrl, 'shared-box').connect());
    const teammate = problem(await port(scribeUrl, 'shared-box').connect());
    expect(teammate.code).toBe('console-taken');
    expect(teammate.message).toContain('registered to login ic');
    const stranger = problem(await port(outsiderUrl, 'shared-box', 'ops').connect());
    expect(stranger.code).toBe('console-taken');
    expect(stranger.message).toContain('another login');
  });
});

describe('push and pull', () => {
  it('round-trips rows: body, stamp, console, uploader, console login, time received', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    const sent = [...rows('INC-RT', 'ic-laptop', 2), ...rows('INC-RT', 'old-node', 1)];
    sent[0]!.body = { ...sent[0]!.body, nested: { list: [1, 'two', null], text: 'é ✓ "quoted"' } };
    expect(ok(await p.push(sent))).toEqual({ inserted: 3 });

    const pulled = ok(await p.pull('INC-RT', 0, 100));
    expect(pulled.map((r) => r.serverSeq)).toEqual([1, 2, 3]);
    pulled.forEach((r, i) => {
      const s = sent[i]!;
      expect(r).toMatchObject({ id: s.id, incidentId: 'INC-RT', hlc: s.hlc, consoleId: s.consoleId, uploadedBy: 'ic', body: s.body });
      expect(Math.abs(r.receivedAt - Date.now())).toBeLessThan(10_000);
    });
    expect(pulled[0]!.consoleLogin).toBe('ic');
    expect(pulled[2]!.consoleLogin).toBeNull();

    expect(ok(await p.pull('INC-RT', 2, 100)).map((r) => r.id)).toEqual([sent[2]!.id]);
    expect(ok(await p.pull('INC-RT', 0, 1))).toHaveLength(1);
    expect(ok(await p.heads())).toContainEqual({ incidentId: 'INC-RT', head: 3 });
  });

  it('a re-push of the same ids inserts nothing and takes no sequence numbers', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    const first = rows('INC-DUP', 'ic-laptop', 3);
    expect(ok(await p.push(first))).toEqual({ inserted: 3 });
    expect(ok(await p.push(first))).toEqual({ inserted: 0 });
    const fresh = rows('INC-DUP', 'ic-laptop', 1);
    // Old ids around a new one, and one id twice in the same push.
    expect(ok(await p.push([first[0]!, ...fresh, first[2]!, fresh[0]!]))).toEqual({ inserted: 1 });
    const pulled = ok(await p.pull('INC-DUP', 0, 100));
    expect(pulled.map((r) => [r.serverSeq, r.id])).toEqual([...first, ...fresh].map((r, i) => [i + 1, r.id]));
    expect(ok(await p.heads())).toContainEqual({ incidentId: 'INC-DUP', head: 4 });
  });

  it('pushes more than 500 rows of several incidents in one go, in order', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    const big = rows('INC-BIG', 'ic-laptop', 1_100);
    const small = rows('INC-BIG-2', 'ic-laptop', 5);
    expect(ok(await p.push([...small.slice(0, 2), ...big, ...small.slice(2)]))).toEqual({ inserted: 1_105 });
    expect(ok(await p.pull('INC-BIG', 0, 5_000)).map((r) => r.id)).toEqual(big.map((r) => r.id));
    expect(ok(await p.pull('INC-BIG-2', 0, 5_000)).map((r) => r.id)).toEqual(small.map((r) => r.id));
  });

  it('two consoles pushing one incident at once get a gap-free sequence', async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const scribe = await connected(scribeUrl, 'scribe-laptop');
    const batches = (consoleId: string): PushRow[][] => Array.from({ length: 8 }, () => rows('INC-RACE', consoleId, 60));
    const fromIc = batches('ic-laptop');
    const fromScribe = batches('scribe-laptop');
    const pushAll = async (p: SyncPort, list: PushRow[][]): Promise<number> => {
      let total = 0;
      for (const batch of list) total += ok(await p.push(batch)).inserted;
      return total;
    };
    expect(await Promise.all([pushAll(ic, fromIc), pushAll(scribe, fromScribe)])).toEqual([480, 480]);

    const pulled = ok(await ic.pull('INC-RACE', 0, 5_000));
    expect(pulled.map((r) => r.serverSeq)).toEqual(Array.from({ length: 960 }, (_, i) => i + 1));
    // Each console's rows keep the order it pushed them in.
    expect(pulled.filter((r) => r.consoleId === 'ic-laptop').map((r) => r.id)).toEqual(fromIc.flat().map((r) => r.id));
    expect(pulled.filter((r) => r.consoleId === 'scribe-laptop').map((r) => r.uploadedBy)).toEqual(Array(480).fill('scribe'));
    // The batches really did interleave.
    expect(new Set(pulled.slice(0, 480).map((r) => r.consoleId)).size).toBe(2);
    expect(ok(await scribe.heads())).toContainEqual({ incidentId: 'INC-RACE', head: 960 });
  });

  it('a push refused by the database writes nothing, and the port goes on', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    const batch = rows('INC-BAD', 'ic-laptop', 700);
    batch[650] = { ...batch[650]!, hlc: 'not a stamp' };
    const error = problem(await p.push(batch));
    expect(error.code).toBe('failed');
    expect(ok(await p.pull('INC-BAD', 0, 1_000))).toEqual([]);
    expect(ok(await p.heads()).find((h) => h.incidentId === 'INC-BAD')).toBeUndefined();
    expect(ok(await p.push(rows('INC-BAD', 'ic-laptop', 2)))).toEqual({ inserted: 2 });
  });
});

describe('artefact files', () => {
  it('a file goes up once, is known and comes back byte for byte; 20 MiB within the timeouts', async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const bytes = randomBytes(20 * 1024 * 1024);
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(ok(await ic.hasFiles([hash]))).toEqual([]);
    expect(ok(await ic.putFile(hash, bytes))).toEqual({ inserted: true });
    expect(ok(await ic.putFile(hash, bytes))).toEqual({ inserted: false });
    const missing = 'f'.repeat(64);
    expect(ok(await ic.hasFiles([hash, missing, hash]))).toEqual([hash]);
    const back = ok(await ic.getFile(hash));
    expect(back && Buffer.compare(Buffer.from(back), bytes)).toBe(0);
    expect(ok(await ic.getFile(missing))).toBeNull();
  }, 60_000);

  it('bytes under another hash are refused as a value, and the port goes on', async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const error = problem(await ic.putFile('0'.repeat(64), Buffer.from('not these bytes')));
    expect(error.code).toBe('failed');
    expect(ok(await ic.hasFiles(['0'.repeat(64)]))).toEqual([]);
  });

  it("another team's member cannot read the team's file", async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const bytes = Buffer.from('dev team dashboard');
    const hash = createHash('sha256').update(bytes).digest('hex');
    ok(await ic.putFile(hash, bytes));
    const outsider = await connected(outsiderUrl, 'outsider-box', 'ops');
    expect(ok(await outsider.hasFiles([hash]))).toEqual([]);
    expect(ok(await outsider.getFile(hash))).toBeNull();
  });
});

describe('access', () => {
  it("a member of another team reads none of the team's rows", async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    ok(await ic.push(rows('INC-SECRET', 'ic-laptop', 2)));
    const outsider = await connected(outsiderUrl, 'outsider-box', 'ops');
    expect(ok(await outsider.heads())).toEqual([]);
    expect(ok(await outsider.pull('INC-SECRET', 0, 100))).toEqual([]);
  });

  it('a login taken out of the team mid-session can no longer push', async () => {
    const leaverUrl = await db.createMember('dev', 'leaver');
    const p = await connected(leaverUrl, 'leaver-box');
    ok(await p.push(rows('INC-LEAVE', 'leaver-box', 1)));
    await db.query("SELECT command_post_remove_member('dev', 'leaver')");
    const error = problem(await p.push(rows('INC-LEAVE', 'leaver-box', 1)));
    expect(error.code).toBe('permission');
    expect(error.message).toContain('not a member of team dev');
    expect(ok(await p.pull('INC-LEAVE', 0, 10))).toEqual([]);
  });

  it('calls before connect answer an error value', async () => {
    const p = port(icUrl, 'ic-laptop');
    expect(problem(await p.push(rows('INC-X', 'ic-laptop', 1))).code).toBe('unreachable');
    expect(problem(await p.heads()).code).toBe('unreachable');
    expect(problem(await p.listen(() => undefined, () => undefined)).code).toBe('unreachable');
  });
});

describe('change hints', () => {
  it("LISTEN delivers a hint after another console's push, and only the team's", async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const hints: string[] = [];
    ok(await ic.listen((id) => hints.push(id), () => undefined));
    const outsider = await connected(outsiderUrl, 'outsider-box', 'ops');
    ok(await outsider.push(rows('INC-OPS', 'outsider-box', 1)));
    const scribe = await connected(scribeUrl, 'scribe-laptop');
    ok(await scribe.push(rows('INC-HINT', 'scribe-laptop', 3)));
    await waitFor(() => hints.length > 0);
    expect(hints).toEqual(['INC-HINT']);
  });

  it("the listener's connection killed: onLost once, then connect and listen work again", async () => {
    const ic = await connected(icUrl, 'ic-laptop');
    const hints: string[] = [];
    const lost: string[] = [];
    ok(await ic.listen((id) => hints.push(id), (why) => lost.push(why)));
    const killed = await db.query<{ killed: boolean }>(
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE usename = 'ic' AND query LIKE 'LISTEN%'",
    );
    // A listener closed by an earlier test may still be on its way out: it goes too.
    expect(killed.rows.length).toBeGreaterThan(0);
    expect(killed.rows.every((r) => r.killed)).toBe(true);
    await waitFor(() => lost.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/^Change hints stopped/);

    ok(await ic.connect());
    ok(await ic.listen((id) => hints.push(id), (why) => lost.push(why)));
    const scribe = await connected(scribeUrl, 'scribe-laptop');
    ok(await scribe.push(rows('INC-AGAIN', 'scribe-laptop', 1)));
    await waitFor(() => hints.includes('INC-AGAIN'));
    expect(lost).toHaveLength(1);
  });
});

describe('failures and recovery', () => {
  it('a partition (proxy cut) answers unreachable; healed, the port works again', async () => {
    const { proxy, url } = await proxied(icUrl);
    const p = await connected(url, 'ic-laptop');
    const lost: string[] = [];
    ok(await p.listen(() => undefined, (why) => lost.push(why)));
    proxy.cut();
    expect(problem(await p.push(rows('INC-CUT', 'ic-laptop', 1))).code).toBe('unreachable');
    expect(problem(await p.heads()).code).toBe('unreachable');
    expect(problem(await p.connect()).code).toBe('unreachable');
    await waitFor(() => lost.length === 1);
    proxy.heal();
    ok(await p.connect());
    expect(ok(await p.push(rows('INC-CUT', 'ic-laptop', 2)))).toEqual({ inserted: 2 });
  });

  it('a connection dropped mid-transaction leaves nothing half-written', async () => {
    const { proxy, url } = await proxied(icUrl);
    const p = await connected(url, 'ic-laptop');
    const batch = rows('INC-MID', 'ic-laptop', 700);
    proxy.cutWhenClientSends('COMMIT');
    expect(problem(await p.push(batch)).code).toBe('unreachable');
    proxy.heal();

    const direct = await connected(icUrl, 'ic-laptop');
    expect(ok(await direct.pull('INC-MID', 0, 1_000))).toEqual([]);
    // The incident's lock went with the dropped connection: the re-push goes through at once.
    expect(ok(await direct.push(batch))).toEqual({ inserted: 700 });
    expect(ok(await direct.heads())).toContainEqual({ incidentId: 'INC-MID', head: 700 });
  });

  it('a crash of the database answers unreachable; after a restart a fresh connect works', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    ok(await p.push(rows('INC-CRASH', 'ic-laptop', 2)));
    const oldPid = db.pid;
    await db.crash();
    expect(problem(await p.push(rows('INC-CRASH', 'ic-laptop', 1))).code).toBe('unreachable');
    expect(problem(await p.pull('INC-CRASH', 0, 10)).code).toBe('unreachable');
    expect(problem(await p.connect()).code).toBe('unreachable');
    await db.start();
    expect(db.pid).not.toBe(oldPid);
    ok(await p.connect());
    expect(ok(await p.push(rows('INC-CRASH', 'ic-laptop', 1)))).toEqual({ inserted: 1 });
    expect(ok(await p.pull('INC-CRASH', 0, 10)).map((r) => r.serverSeq)).toEqual([1, 2, 3]);
  }, 40_000);

  it('close is safe to call twice, and calls after it answer unreachable', async () => {
    const p = await connected(icUrl, 'ic-laptop');
    ok(await p.listen(() => undefined, () => undefined));
    await p.close();
    await p.close();
    expect(problem(await p.heads()).code).toBe('unreachable');
  });
});
