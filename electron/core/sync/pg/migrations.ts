// The schema's migrations: `db/migrations/NNN_name.sql`, applied in order, each in its own
// transaction together with its row in `command_post_schema`. Used by `npm run db:migrate`,
// `npm run db:dev` and the tests; the console itself never migrates, it only checks the version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../db/migrations/', import.meta.url));

export interface Migration {
  version: number;
  /** The file name, e.g. `001_team_sync.sql`. */
  file: string;
  sql: string;
}

export interface MigrationReport {
  /** The version found before. */
  from: number;
  /** The version now. */
  to: number;
  applied: Migration[];
}

export type MigrationProblem = 'files' | 'not-admin' | 'newer' | 'failed';
export type Migrated<T> = { ok: true; value: T } | { ok: false; problem: MigrationProblem; message: string };

const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;
// Two migrators at once would both read "version 0" and race; one waits for the other.
const LOCK_KEY = 4_317_001;

/** The migration files in version order, checked to be numbered 1, 2, 3… without a gap. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migrated<Migration[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
  } catch (err) {
    return { ok: false, problem: 'files', message: `Cannot read the migrations folder ${dir}: ${(err as Error).message}` };
  }
  const migrations: Migration[] = [];
  for (const file of names) {
    const match = FILE_NAME.exec(file);
    if (!match) return { ok: false, problem: 'files', message: `${file} is not named NNN_name.sql.` };
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      return { ok: false, problem: 'files', message: `${file} should be version ${migrations.length + 1}: migrations are numbered without gaps.` };
    }
    migrations.push({ version, file, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return { ok: true, value: migrations };
}

/** Applies what is pending, as the connected (admin) login. */
export async function applyMigrations(client: pg.Client, migrations: readonly Migration[]): Promise<Migrated<MigrationReport>> {
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  } catch (err) {
    return { ok: false, problem: 'failed', message: (err as Error).message };
  }
  try {
    return await applyLocked(client, migrations);
  } catch (err) {
    return { ok: false, problem: 'failed', message: (err as Error).message };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
  }
}

async function applyLocked(client: pg.Client, migrations: readonly Migration[]): Promise<Migrated<MigrationReport>> {
  const admin = await client.query<{ login: string; allowed: boolean }>(
    'SELECT current_user AS login, rolsuper OR rolbypassrls AS allowed FROM pg_roles WHERE rolname = current_user',
  );
  const who = admin.rows[0];
  if (!who?.allowed) {
    return {
      ok: false,
      problem: 'not-admin',
      message: `${who?.login ?? 'This login'} cannot migrate: the schema's functions must be owned by a superuser (or a role with BYPASSRLS), because row-level security applies to every other owner.`,
    };
  }
  await client.query(`CREATE TABLE IF NOT EXISTS command_post_schema (
    version integer PRIMARY KEY,
    file text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT session_user
  )`);
  const found = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM command_post_schema');
  const from = found.rows[0]?.version ?? 0;
  const latest = migrations.length;
  if (from > latest) {
    return {
      ok: false,
      problem: 'newer',
      message: `The database's schema is version ${from}, newer than these migrations (${latest}). Use the Command Post release that made it.`,
    };
  }

  const applied: Migration[] = [];
  for (const migration of migrations.slice(from)) {
    try {
      await client.query('BEGIN');
      await client.query(migration.sql);
      await client.query('INSERT INTO command_post_schema (version, file) VALUES ($1, $2)', [migration.version, migration.file]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      return { ok: false, problem: 'failed', message: `${migration.file} failed and was rolled back: ${(err as Error).message}` };
    }
    applied.push(migration);
  }
  return { ok: true, value: { from, to: from + applied.length, applied } };
}
