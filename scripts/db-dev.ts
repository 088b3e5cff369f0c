// `npm run db:dev [-- --port N]`: a throw-away PostgreSQL for trying team sync on one machine.
// Starts a server in a temp folder on a loopback port, applies the migrations, makes team `dev`
// with members `ic` and `scribe` (random passwords), and prints a ready URL for each, one a line.
// Runs until Ctrl+C (SIGINT) or SIGTERM, then stops the server and deletes its folder. The
// passwords are printed on purpose: the database lives only as long as this command.
import { isRunning, startPostgres, type RunningPostgres } from '../tests/support/postgres';

function portArgument(args: string[]): number | undefined | null {
  const at = args.indexOf('--port');
  if (at < 0) return undefined;
  const port = Number(args[at + 1]);
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : null;
}

async function main(): Promise<void> {
  const port = portArgument(process.argv.slice(2));
  if (port === null) {
    console.error('Usage: npm run db:dev [-- --port N]');
    process.exit(2);
  }

  let db: RunningPostgres | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    // A signal during start-up waits for the server to be up, so that it can be stopped.
    if (!db || stopping) {
      stopping = true;
      return;
    }
    stopping = true;
    console.log('Stopping the server and deleting its folder…');
    await db.stop();
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    db = await startPostgres(port === undefined ? {} : { port });
  } catch (err) {
    console.error(`Could not start PostgreSQL: ${(err as Error).message}`);
    process.exit(1);
  }
  if (stopping) {
    stopping = false;
    await stop(0);
    return;
  }

  try {
    await db.migrate();
    await db.query("SELECT command_post_add_team('dev', 'Dev team')");
    const ic = await db.createMember('dev', 'ic', 'Incident commander');
    const scribe = await db.createMember('dev', 'scribe', 'Scribe');
    console.log(`PostgreSQL on 127.0.0.1:${db.port}, pid ${db.pid}, data in ${db.dataDir}`);
    console.log(`Admin: ${db.adminUrl}`);
    console.log('Team: dev');
    // `?team=dev` names the team for the console (`npm run serve -- --sync-url …`); the driver ignores it.
    const withTeam = (url: string) => `${url}${url.includes('?') ? '&' : '?'}team=dev`;
    console.log(`Member ic: ${withTeam(ic)}`);
    console.log(`Member scribe: ${withTeam(scribe)}`);
    console.log('Ready. Ctrl+C stops the server and deletes its folder.');
  } catch (err) {
    console.error(`Could not set up the dev database: ${(err as Error).message}`);
    await stop(1);
    return;
  }

  // Keeps this process alive, and ends it if the server dies under it.
  const server = db;
  setInterval(() => {
    if (!stopping && !isRunning(server.pid)) {
      console.error('The PostgreSQL server stopped by itself.');
      void stop(1);
    }
  }, 1_000);
}

await main();
