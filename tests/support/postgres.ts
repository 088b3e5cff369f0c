// A throw-away PostgreSQL for tests and `npm run db:dev`: initdb in a temp folder, a free
// loopback port, SCRAM passwords, started and stopped with pg_ctl. initdb refuses to run as
// root, so as root every server command runs as the `postgres` user (runuser), in a folder that
// user owns. Whatever is started is stopped by its pid, and the folder removed, even when the
// test process exits without saying so.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { applyMigrations, readMigrations } from '../../electron/core/sync/pg/migrations';

const run = promisify(execFile);

export interface PostgresOptions {
  /** A fixed port; a free one otherwise. */
  port?: number;
  /** Serve TLS with this certificate and key (PEM files, copied into the data folder). */
  tls?: { certFile: string; keyFile: string };
}

export interface RunningPostgres {
  port: number;
  /** The superuser's URL, to the `command_post` database. */
  adminUrl: string;
  dataDir: string;
  /** The postmaster's pid (a new one after `start`). */
  readonly pid: number;
  /** Stops the server (fast shutdown) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server the way a crash would (immediate shutdown: no checkpoint). */
  crash(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  urlFor(login: string, password: string): string;
  /** Runs one statement as the superuser on a connection of its own. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Applies db/migrations; throws when they fail. */
  migrate(): Promise<void>;
  /** A login role in `command_post_member`, made a member of `team`; answers its URL. */
  createMember(team: string, login: string, displayName?: string): Promise<string>;
}

export const DATABASE = 'command_post';

export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  const bin = findPgBin();
  const owner = serverOwner();
  const root = await mkdtemp(join(tmpdir(), 'command-post-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  let pid = 0;
  let stopped = false;

  const asServer = async (command: string, args: string[]): Promise<void> => {
    const file = join(bin, command);
    try {
      if (owner) await run('runuser', ['-u', 'postgres', '--', file, ...args], { timeout: 60_000 });
      else await run(file, args, { timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`${command} failed: ${e.stderr?.trim() || e.message}\n${logTail(logFile)}`);
    }
  };
  const forget = (): void => {
    process.off('exit', onExit);
  };
  // A test run that ends without calling stop() must not leave a server behind.
  const onExit = (): void => {
    if (pid) killQuietly(pid, 'SIGQUIT');
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  try {
    if (owner) await chown(root, owner.uid, owner.gid);
    const password = randomBytes(18).toString('base64url');
    const pwFile = join(root, 'pw');
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (owner) await chown(pwFile, owner.uid, owner.gid);
    await asServer('initdb', ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await rm(pwFile);

    const port = options.port ?? (await freePort());
    const settings = [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${root}'`,
      `shared_buffers = 16MB`,
      `max_connections = 50`,
      `password_encryption = 'scram-sha-256'`,
    ];
    if (options.tls) {
      const cert = join(dataDir, 'server.crt');
      const key = join(dataDir, 'server.key');
      await writeFile(cert, readFileSync(options.tls.certFile));
      await writeFile(key, readFileSync(options.tls.keyFile), { mode: 0o600 });
      if (owner) for (const f of [cert, key]) await chown(f, owner.uid, owner.gid);
      await chmod(key, 0o600);
      settings.push(`ssl = on`, `ssl_cert_file = 'server.crt'`, `ssl_key_file = 'server.key'`);
    }
    await appendFile(join(dataDir, 'postgresql.conf'), `\n# command-post test server\n${settings.join('\n')}\n`);
    await writeFile(join(dataDir, 'pg_hba.conf'), ['local all postgres peer', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'));

    const start = async (): Promise<void> => {
      await asServer('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
      pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    };
    const stopWith = async (mode: 'fast' | 'immediate'): Promise<void> => {
      const was = pid;
      try {
        await asServer('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
      } catch {
        if (was) killQuietly(was, 'SIGQUIT');
      }
      await waitGone(was);
      pid = 0;
    };
    await start();

    const adminBase = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const admin = new pg.Client({ connectionString: `${adminBase}/postgres` });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();

    const adminUrl = `${adminBase}/${DATABASE}`;
    const urlFor = (login: string, pw: string): string =>
      `postgres://${encodeURIComponent(login)}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${DATABASE}`;

    const query = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> => {
      const client = new pg.Client({ connectionString: adminUrl });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return await client.query<R>(text, values);
      } finally {
        await client.end().catch(() => undefined);
      }
    };

    return {
      port,
      adminUrl,
      dataDir,
      get pid() {
        return pid;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        if (pid) await stopWith('fast');
        await rm(root, { recursive: true, force: true });
        forget();
      },
      crash: () => stopWith('immediate'),
      start,
      urlFor,
      query,
      async migrate() {
        const files = readMigrations();
        if (!files.ok) throw new Error(files.message);
        const client = new pg.Client({ connectionString: adminUrl });
        client.on('error', () => undefined);
        await client.connect();
        try {
          const done = await applyMigrations(client, files.value);
          if (!done.ok) throw new Error(done.message);
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      async createMember(team, login, displayName = login) {
        const pw = randomBytes(18).toString('base64url');
        await query(`CREATE ROLE ${pg.escapeIdentifier(login)} LOGIN PASSWORD ${pg.escapeLiteral(pw)} IN ROLE command_post_member`);
        await query('SELECT command_post_add_member($1, $2, $3)', [team, login, displayName]);
        return urlFor(login, pw);
      },
    };
  } catch (err) {
    if (pid) killQuietly(pid, 'SIGQUIT');
    await waitGone(pid);
    await rm(root, { recursive: true, force: true });
    process.off('exit', onExit);
    throw err;
  }
}

/** The folder of initdb and pg_ctl: $PG_BIN, the newest /usr/lib/postgresql/N/bin, or $PATH. */
export function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  }
  throw new Error('PostgreSQL is not installed (no initdb): apt-get install postgresql, or set PG_BIN.');
}

/** As root, the uid and gid of `postgres`, who will own the server; null otherwise. */
function serverOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root needs the postgres user (apt-get install postgresql creates it).');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

export function isRunning(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (isRunning(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  if (isRunning(pid)) killQuietly(pid, 'SIGKILL');
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
