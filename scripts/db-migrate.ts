// `npm run db:migrate -- --url postgres://ADMIN@host:port/db`: applies the pending migrations
// of db/migrations as that (superuser) login and prints what it applied and the version. The
// password comes from the URL or PGPASSWORD and is never printed.
//
// Exit codes: 0 done (or nothing to do), 1 cannot connect or a migration failed (rolled back),
// 2 usage, 3 the database is newer than these migrations, 4 the login is not an admin.
import pg from 'pg';
import { applyMigrations, readMigrations, type MigrationProblem } from '../electron/core/sync/pg/migrations';
import { pgTarget, placeName } from '../electron/core/sync/pg/pg-config';
import { describePgError, withoutPassword } from '../electron/core/sync/pg/pg-errors';

const EXIT: Record<MigrationProblem, number> = { files: 1, failed: 1, newer: 3, 'not-admin': 4 };
const USAGE = 'Usage: npm run db:migrate -- --url postgres://ADMIN[:PASSWORD]@HOST:PORT/DATABASE[?sslmode=verify-full&sslrootcert=FILE]';

function urlArgument(args: string[]): string | null {
  const at = args.indexOf('--url');
  if (at >= 0) return args[at + 1] ?? null;
  const inline = args.find((a) => a.startsWith('--url='));
  return inline ? inline.slice('--url='.length) : null;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const url = urlArgument(args);
  if (!url) {
    console.error(USAGE);
    return 2;
  }
  const target = pgTarget(url);
  if (!target.ok) {
    console.error(target.error.message);
    return 2;
  }
  const files = readMigrations();
  if (!files.ok) {
    console.error(files.message);
    return 1;
  }
  const { place, password } = target.value;
  // A migration may rightly take longer than a console's statement timeout.
  const client = new pg.Client({ ...target.value.config, statement_timeout: undefined, query_timeout: undefined });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    console.error(`Cannot connect: ${describePgError(err, place, password).message}`);
    return 1;
  }
  try {
    console.log(`Migrating ${placeName(place)}`);
    const result = await applyMigrations(client, files.value);
    if (!result.ok) {
      console.error(withoutPassword(result.message, password));
      return EXIT[result.problem];
    }
    const { from, to, applied } = result.value;
    for (const migration of applied) console.log(`Applied ${migration.file}`);
    console.log(applied.length ? `Schema version ${to} (was ${from}).` : `Nothing to apply: schema version ${to}.`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

process.exitCode = await main();
