// The database's own rules, checked in plain SQL as each login (no port in between): the
// migrations, who the database says wrote a row, append-only history, row-level security by
// team, grants, and the NOTIFY hints.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../../tests/support/postgres';
import { applyMigrations, readMigrations } from './migrations';
import { pgTarget } from './pg-config';
import { describePgError } from './pg-errors';

let db: RunningPostgres;
let url: Record<'ic' | 'scribe' | 'outsider', string>;
const clients: pg.Client[] = [];

beforeAll(async () => {
  db = await startPostgres();
  await db.migrate();
  await db.query("SELECT command_post_add_team('dev', 'Dev team'), command_post_add_team('ops', 'Ops team')");
  url = {
    ic: await db.createMember('dev', 'ic', 'Ida Commander'),
    scribe: await db.createMember('dev', 'scribe'),
    outsider: await db.createMember('ops', 'outsider'),
  };
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
});

afterAll(async () => {
  await db?.stop();
}, 30_000);

async function as(login: keyof typeof url | 'admin', database?: string): Promise<pg.Client> {
  let connectionString = login === 'admin' ? db.adminUrl : url[login];
  if (database) connectionString = connectionString.replace(/\/command_post$/, `/${database}`);
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

let made = 0;
function insertSql(team: string, incident: string, count = 1, extra: { column: string; value: string } | null = null): string {
  const values = Array.from({ length: count }, () => {
    const n = ++made;
    const base = `'rule-${n}', '${team}', '${incident}', '1764510000000-${String(n).padStart(5, '0')}-box', 'box', '{"n": ${n}}'`;
    return `(${base}${extra ? `, ${extra.value}` : ''})`;
  });
  return `INSERT INTO events (id, team_id, incident_id, hlc, console_id, body${extra ? `, ${extra.column}` : ''}) VALUES ${values.join(', ')}`;
}

async function refusal(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected the database to refuse');
}

describe('migrations', () => {
  it('apply once: running them again applies nothing and the version stays 2', async () => {
    const files = readMigrations();
    if (!files.ok) throw new Error(files.message);
    expect(files.value.map((m) => m.file)).toEqual(['001_team_sync.sql', '002_artefact_files.sql']);
    const admin = await as('admin');
    const again = await applyMigrations(admin, files.value);
    expect(again).toEqual({ ok: true, value: { from: 2, to: 2, applied: [] } });
    const recorded = await admin.query('SELECT version, file, applied_by FROM command_post_schema ORDER BY version');
    expect(recorded.rows).toEqual([
      { version: 1, file: '001_team_sync.sql', applied_by: 'postgres' },
      { version: 2, file: '002_artefact_files.sql', applied_by: 'postgres' },
    ]);
  });

  it('a database at version 1 is moved to 2 with its history kept', async () => {
    await db.query('CREATE DATABASE at_one');
    const files = readMigrations();
    if (!files.ok) throw new Error(files.message);
    const admin = await as('admin', 'at_one');
    expect(await applyMigrations(admin, files.value.slice(0, 1))).toMatchObject({ ok: true, value: { from: 0, to: 1 } });
    await admin.query("SELECT command_post_add_team('dev', 'Dev')");
    await admin.query(insertSql('dev', 'INC-OLD'));
    const moved = await applyMigrations(admin, files.value);
    expect(moved).toMatchObject({ ok: true, value: { from: 1, to: 2 } });
    expect((await admin.query("SELECT count(*)::int AS n FROM events WHERE incident_id = 'INC-OLD'")).rows).toEqual([{ n: 1 }]);
  });

  it('apply to a second database of the same cluster (the role already exists), and refuse one that is newer', async () => {
    await db.query('CREATE DATABASE second');
    const files = readMigrations();
    if (!files.ok) throw new Error(files.message);
    const admin = await as('admin', 'second');
    const first = await applyMigrations(admin, files.value);
    expect(first.ok && first.value).toMatchObject({ from: 0, to: 2 });
    await admin.query("INSERT INTO command_post_schema (version, file) VALUES (3, '003_future.sql')");
    const newer = await applyMigrations(admin, files.value);
    expect(newer).toMatchObject({ ok: false, problem: 'newer', message: expect.stringContaining('version 3, newer than these migrations (2)') });
  });

  it('refuse a login that is not an admin', async () => {
    const files = readMigrations();
    if (!files.ok) throw new Error(files.message);
    const result = await applyMigrations(await as('ic'), files.value);
    expect(result).toMatchObject({ ok: false, problem: 'not-admin' });
  });
});

describe('who wrote it', () => {
  it('uploaded_by and shared_by are the login, not the owner of the trigger function', async () => {
    const ic = await as('ic');
    await ic.query(insertSql('dev', 'INC-WHO', 2));
    const rows = await ic.query("SELECT uploaded_by, server_seq FROM events WHERE incident_id = 'INC-WHO' ORDER BY server_seq");
    expect(rows.rows).toEqual([
      { uploaded_by: 'ic', server_seq: '1' },
      { uploaded_by: 'ic', server_seq: '2' },
    ]);
    const incident = await ic.query("SELECT shared_by, head FROM incidents WHERE incident_id = 'INC-WHO'");
    expect(incident.rows).toEqual([{ shared_by: 'ic', head: '2' }]);
  });

  it('a member cannot set uploaded_by, server_seq or received_at', async () => {
    const ic = await as('ic');
    for (const extra of [
      { column: 'uploaded_by', value: "'scribe'" },
      { column: 'server_seq', value: '1' },
      { column: 'received_at', value: "'2000-01-01'" },
    ]) {
      const refused = await refusal(ic.query(insertSql('dev', 'INC-FORGE', 1, extra)));
      expect(refused.code).toBe('42501');
    }
  });

  it('even the admin cannot: the trigger overwrites uploaded_by and server_seq', async () => {
    const admin = await as('admin');
    await admin.query(insertSql('dev', 'INC-ADMIN', 1, { column: 'uploaded_by', value: "'ic'" }));
    await admin.query(insertSql('dev', 'INC-ADMIN', 1, { column: 'server_seq', value: '999' }));
    const rows = await admin.query("SELECT uploaded_by, server_seq FROM events WHERE incident_id = 'INC-ADMIN' ORDER BY server_seq");
    expect(rows.rows).toEqual([
      { uploaded_by: 'postgres', server_seq: '1' },
      { uploaded_by: 'postgres', server_seq: '2' },
    ]);
  });

  it('SET ROLE does not change who the database says wrote a row', async () => {
    const ic = await as('ic');
    await ic.query('SET ROLE command_post_member');
    await ic.query(insertSql('dev', 'INC-ROLE'));
    const rows = await ic.query("SELECT current_user, uploaded_by FROM events WHERE incident_id = 'INC-ROLE'");
    expect(rows.rows).toEqual([{ current_user: 'command_post_member', uploaded_by: 'ic' }]);
  });

  it('a member registers consoles only to itself and only in its teams', async () => {
    const ic = await as('ic');
    expect((await refusal(ic.query("INSERT INTO consoles (console_id, team_id, login) VALUES ('forged', 'dev', 'scribe')"))).code).toBe('42501');
    expect((await refusal(ic.query("INSERT INTO consoles (console_id, team_id) VALUES ('elsewhere', 'ops')"))).code).toBe('42501');
    await ic.query("INSERT INTO consoles (console_id, team_id) VALUES ('ic-own', 'dev')");
    expect((await ic.query("SELECT login FROM consoles WHERE console_id = 'ic-own'")).rows).toEqual([{ login: 'ic' }]);
  });
});

describe('append-only history', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to the member who wrote the rows and to the owner', async () => {
    const ic = await as('ic');
    await ic.query(insertSql('dev', 'INC-KEEP', 2));
    for (const sql of ["UPDATE events SET body = '{}' WHERE incident_id = 'INC-KEEP'", "DELETE FROM events WHERE incident_id = 'INC-KEEP'", 'TRUNCATE events']) {
      expect((await refusal(ic.query(sql))).code).toBe('42501');
    }
    const admin = await as('admin');
    for (const sql of ["UPDATE events SET body = '{}' WHERE incident_id = 'INC-KEEP'", "DELETE FROM events WHERE incident_id = 'INC-KEEP'", 'TRUNCATE events']) {
      const refused = await refusal(admin.query(sql));
      expect(refused.message).toMatch(/^Command Post history is append-only: (UPDATE|DELETE|TRUNCATE) on events is refused$/);
    }
    expect((await ic.query("SELECT count(*)::int AS n FROM events WHERE incident_id = 'INC-KEEP'")).rows).toEqual([{ n: 2 }]);
  });

  it('a member cannot move a head, or change teams, members or consoles', async () => {
    const ic = await as('ic');
    for (const sql of [
      "UPDATE incidents SET head = 0 WHERE team_id = 'dev'",
      "INSERT INTO incidents (team_id, incident_id) VALUES ('dev', 'INC-HAND')",
      "INSERT INTO teams (id, name) VALUES ('mine', 'Mine')",
      "INSERT INTO members (team_id, login) VALUES ('ops', 'ic')",
      "DELETE FROM members WHERE team_id = 'dev'",
      "UPDATE consoles SET login = 'ic'",
      "SELECT command_post_add_team('mine', 'Mine')",
      "SELECT command_post_add_member('ops', 'ic', 'me')",
      "SELECT command_post_remove_member('dev', 'scribe')",
    ]) {
      expect({ sql, code: (await refusal(ic.query(sql))).code }).toEqual({ sql, code: '42501' });
    }
  });
});

describe('row-level security', () => {
  it("a member of another team sees none of the team's rows in any table", async () => {
    const ic = await as('ic');
    await ic.query(insertSql('dev', 'INC-PRIVATE', 2));
    await ic.query("INSERT INTO consoles (console_id, team_id) VALUES ('ic-private', 'dev') ON CONFLICT DO NOTHING");
    const outsider = await as('outsider');
    const seen = await outsider.query(`SELECT
      (SELECT array_agg(id ORDER BY id) FROM teams) AS teams,
      (SELECT array_agg(DISTINCT team_id) FROM members) AS members,
      (SELECT count(*)::int FROM consoles) AS consoles,
      (SELECT count(*)::int FROM incidents) AS incidents,
      (SELECT count(*)::int FROM events) AS events`);
    expect(seen.rows).toEqual([{ teams: ['ops'], members: ['ops'], consoles: 0, incidents: 0, events: 0 }]);
  });

  it("a member sees its team: the team, its members, incidents, events and teammates' consoles", async () => {
    const scribe = await as('scribe');
    await scribe.query("INSERT INTO consoles (console_id, team_id) VALUES ('scribe-box', 'dev') ON CONFLICT DO NOTHING");
    const ic = await as('ic');
    expect((await ic.query('SELECT id FROM teams')).rows).toEqual([{ id: 'dev' }]);
    expect((await ic.query('SELECT login, display_name FROM members ORDER BY login')).rows).toEqual([
      { login: 'ic', display_name: 'Ida Commander' },
      { login: 'scribe', display_name: 'scribe' },
    ]);
    expect((await ic.query("SELECT login FROM consoles WHERE console_id = 'scribe-box'")).rows).toEqual([{ login: 'scribe' }]);
  });

  it("an outsider cannot write into another team's incidents (permission)", async () => {
    const outsider = await as('outsider');
    const before = await db.query("SELECT count(*)::int AS n FROM incidents WHERE team_id = 'dev'");
    const err = await outsider.query(insertSql('dev', 'INC-PRIVATE')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    const target = pgTarget(url.outsider);
    if (!target.ok) throw new Error(target.error.message);
    expect(describePgError(err, target.value.place, target.value.password)).toEqual({
      code: 'permission',
      message: expect.stringContaining('login outsider is not a member of team dev'),
    });
    // Refused before touching the team's incidents: no lock taken, no row made.
    expect((await db.query("SELECT count(*)::int AS n FROM incidents WHERE team_id = 'dev'")).rows).toEqual(before.rows);
  });
});

describe('artefact files', () => {
  const fileOf = (text: string) => {
    const bytes = Buffer.from(text);
    return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
  };
  const insertFile = (client: pg.Client, team: string, hash: string, bytes: Buffer, size = bytes.length) =>
    client.query('INSERT INTO artefact_files (team_id, hash, size, bytes) VALUES ($1, $2, $3, $4)', [team, hash, size, bytes]);

  it('a member files bytes only under their own sha-256 and size, and the database says who uploaded them', async () => {
    const ic = await as('ic');
    const good = fileOf('p99 3.4 s at 02:14');
    await insertFile(ic, 'dev', good.hash, good.bytes);
    const rows = await ic.query('SELECT hash, size, uploaded_by FROM artefact_files WHERE hash = $1', [good.hash]);
    expect(rows.rows).toEqual([{ hash: good.hash, size: good.bytes.length, uploaded_by: 'ic' }]);
    const other = fileOf('something else');
    expect(await refusal(insertFile(ic, 'dev', other.hash, good.bytes))).toMatchObject({ code: '23514', message: expect.stringContaining('artefact_files_hash') });
    expect(await refusal(insertFile(ic, 'dev', good.hash.replace(/^./, '0'), good.bytes, good.bytes.length + 1))).toMatchObject({ code: '23514' });
    expect(await refusal(insertFile(ic, 'dev', 'NOT-A-HASH', good.bytes))).toMatchObject({ code: '23514' });
    expect(await refusal(ic.query('INSERT INTO artefact_files (team_id, hash, size, bytes, uploaded_by) VALUES ($1, $2, $3, $4, $5)', ['dev', other.hash, 14, other.bytes, 'scribe']))).toMatchObject({ code: '42501' });
  });

  it('files are append-only, and invisible and unwritable to another team', async () => {
    const ic = await as('ic');
    const file = fileOf('grafana export 02:20');
    await insertFile(ic, 'dev', file.hash, file.bytes);
    expect(await refusal(ic.query("UPDATE artefact_files SET bytes = 'x' WHERE hash = $1", [file.hash]))).toMatchObject({ code: '42501' });
    expect(await refusal(ic.query('DELETE FROM artefact_files WHERE hash = $1', [file.hash]))).toMatchObject({ code: '42501' });
    const admin = await as('admin');
    expect((await refusal(admin.query('DELETE FROM artefact_files WHERE hash = $1', [file.hash]))).message).toContain('append-only');
    const outsider = await as('outsider');
    expect((await outsider.query('SELECT hash FROM artefact_files WHERE hash = $1', [file.hash])).rows).toEqual([]);
    expect(await refusal(insertFile(outsider, 'dev', fileOf('planted').hash, fileOf('planted').bytes))).toMatchObject({ code: '42501' });
    // The same bytes in the outsider's own team are its own row: nothing tells it dev has them.
    await insertFile(outsider, 'ops', file.hash, file.bytes);
    expect((await outsider.query('SELECT team_id FROM artefact_files WHERE hash = $1', [file.hash])).rows).toEqual([{ team_id: 'ops' }]);
  });
});

describe('sequence', () => {
  it('a rolled-back transaction takes no numbers, and an id reused in another incident is refused', async () => {
    const ic = await as('ic');
    await ic.query('BEGIN');
    await ic.query(insertSql('dev', 'INC-ROLLBACK', 3));
    await ic.query('ROLLBACK');
    await ic.query(insertSql('dev', 'INC-ROLLBACK', 1));
    expect((await ic.query("SELECT server_seq FROM events WHERE incident_id = 'INC-ROLLBACK'")).rows).toEqual([{ server_seq: '1' }]);

    const id = (await ic.query<{ id: string }>("SELECT id FROM events WHERE incident_id = 'INC-ROLLBACK'")).rows[0]!.id;
    const reused = await refusal(
      ic.query(`INSERT INTO events (id, team_id, incident_id, hlc, console_id, body) VALUES ('${id}', 'dev', 'INC-OTHER', '1764510000000-00000-box', 'box', '{}')`),
    );
    expect(reused).toEqual({ code: '23505', message: `event id ${id} is already used by another incident` });
  });
});

describe('notify', () => {
  it("sends one hint per incident per statement on the team's channel: '<incident> <head>'", async () => {
    const listener = await as('scribe');
    const notes: { channel: string; payload: string | undefined }[] = [];
    listener.on('notification', (n) => notes.push({ channel: n.channel, payload: n.payload }));
    await listener.query('LISTEN "command_post.dev"');
    const ic = await as('ic');
    await ic.query('BEGIN');
    await ic.query(insertSql('dev', 'INC-N1', 3));
    await ic.query(insertSql('dev', 'INC-N2', 1));
    // Nothing is sent before the commit.
    await new Promise((r) => setTimeout(r, 100));
    expect(notes).toEqual([]);
    await ic.query('COMMIT');
    const until = Date.now() + 5_000;
    while (notes.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(notes).toEqual([
      { channel: 'command_post.dev', payload: 'INC-N1 3' },
      { channel: 'command_post.dev', payload: 'INC-N2 1' },
    ]);
  });
});
