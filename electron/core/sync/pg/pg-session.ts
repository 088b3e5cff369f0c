// What `connect` checks once the connection is open: the schema version, that the login is a
// member of the team, and that this console's id is registered to the login. Logical refusals
// are answered as values; database errors are thrown for the port to describe.
import type pg from 'pg';
import { CONSOLE_ID_PATTERN } from '../../../../shared/domain/hlc';
import { SCHEMA_VERSION, type SyncSession } from '../sync-port';
import type { PgPlace } from './pg-config';
import type { SyncError } from './pg-errors';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: SyncError };

export async function checkSession(client: pg.Client, team: string, consoleId: string, place: PgPlace): Promise<Checked<SyncSession>> {
  const version = await schemaVersion(client, place);
  if (!version.ok) return version;

  const who = await client.query<{ login: string; server_now: Date; member: boolean }>(
    `SELECT session_user AS login, now() AS server_now,
            EXISTS (SELECT 1 FROM members WHERE team_id = $1 AND login = session_user) AS member`,
    [team],
  );
  const row = who.rows[0]!;
  if (!row.member) {
    return refuse('permission', `${row.login} is not a member of team ${team} at ${place.host}:${place.port}.`);
  }

  const registered = await registerConsole(client, team, consoleId, row.login);
  if (!registered.ok) return registered;
  return { ok: true, value: { login: row.login, team, schemaVersion: version.value, serverNow: row.server_now.getTime() } };
}

async function schemaVersion(client: pg.Client, place: PgPlace): Promise<Checked<number>> {
  const migrate = `Run: npm run db:migrate -- --url postgres://ADMIN@${place.host}:${place.port}/${place.database}`;
  let found: number;
  try {
    const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM command_post_schema');
    found = result.rows[0]?.version ?? 0;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return refuse('schema-old', `This database has no Command Post schema. ${migrate}`);
    throw err;
  }
  if (found < SCHEMA_VERSION) {
    if (found === 0) return refuse('schema-old', `This database has no Command Post schema. ${migrate}`);
    return refuse('schema-old', `The database's schema is version ${found}, older than this console needs (${SCHEMA_VERSION}). ${migrate}`);
  }
  if (found > SCHEMA_VERSION) {
    return refuse('schema-new', `The database's schema is version ${found}, newer than this console knows (${SCHEMA_VERSION}). Update Command Post.`);
  }
  return { ok: true, value: found };
}

async function registerConsole(client: pg.Client, team: string, consoleId: string, login: string): Promise<Checked<void>> {
  if (!CONSOLE_ID_PATTERN.test(consoleId)) return refuse('failed', `${JSON.stringify(consoleId)} is not a console id.`);
  await client.query('INSERT INTO consoles (console_id, team_id) VALUES ($1, $2) ON CONFLICT (console_id) DO NOTHING', [consoleId, team]);
  const owner = await client.query<{ login: string }>('SELECT login FROM consoles WHERE console_id = $1', [consoleId]);
  const ownerLogin = owner.rows[0]?.login;
  if (ownerLogin === login) return { ok: true, value: undefined };
  // A row we cannot see belongs to a login that shares no team with this one.
  const whose = ownerLogin ? `login ${ownerLogin}` : 'another login';
  return refuse('console-taken', `This console's id ${consoleId} is registered to ${whose}, not ${login}. Give this console a new id.`);
}

function refuse(code: SyncError['code'], message: string): { ok: false; error: SyncError } {
  return { ok: false, error: { code, message } };
}
