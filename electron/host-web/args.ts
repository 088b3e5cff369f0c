import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ListenAddress, parseListenAddress } from '../../shared/intake/listen-address';
import { defaultDataDir } from './data-dir';

export const DEFAULT_PORT = 4317;

export const USAGE = `Usage: tsx electron/host-web/cli.ts [--port N] [--data-dir DIR] [--host ADDRESS]
  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR  where incidents are kept (default $COMMAND_POST_DATA_DIR or the per-user data folder)
  --host ADDRESS  address to listen on (default 127.0.0.1)
  --new-token     make a new host token and session secret: scripts need the new token,
                  and every browser must sign in again with a newly printed address
  --sync-url URL  join a team through its PostgreSQL database, e.g.
                  'postgres://dana:PASSWORD@db.example.com/command_post?sslmode=verify-full&team=ops'
                  (default $COMMAND_POST_SYNC_URL; the team may also come from $COMMAND_POST_SYNC_TEAM).
                  Not saved; Settings → Team sync is read-only while it is given.
  --intake-listen HOST:PORT
                  also serve the alert intake (only it, never the window or its WebSocket) on
                  this address, for monitoring that cannot reach 127.0.0.1 (for this run; it
                  wins over the address saved in Settings → Alert sources)
  --new-intake-token
                  make a new alert intake token (monitoring must be given the new one)

Exit codes: 1 could not start, 2 bad flags, 3 the token file in the data directory is not
private (owned by another user, readable by others, or a link).
`;

export interface HostArgs {
  port: number;
  host: string;
  dataDir: string;
  newToken: boolean;
  /** A team database to sync with, from --sync-url or the environment; never printed. */
  sync: { url: string; team?: string } | null;
  intakeListen: ListenAddress | null;
  newIntakeToken: boolean;
}

export type ParsedHostArgs = { ok: true; help: boolean; args: HostArgs } | { ok: false; message: string };

export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedHostArgs {
  let values: { port?: string; 'data-dir'?: string; host?: string; help?: boolean; 'new-token'?: boolean; 'sync-url'?: string; 'intake-listen'?: string; 'new-intake-token'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'new-token': { type: 'boolean' },
        'sync-url': { type: 'string' },
        'intake-listen': { type: 'string' },
        'new-intake-token': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }

  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) {
      return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${values.port}".` };
    }
    port = Number(values.port);
  }
  if (values.host !== undefined && values.host.trim() === '') {
    return { ok: false, message: '--host must not be empty.' };
  }
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') {
    return { ok: false, message: '--data-dir must not be empty.' };
  }
  const syncUrl = values['sync-url'] ?? env.COMMAND_POST_SYNC_URL;
  if (syncUrl !== undefined && !/^postgres(ql)?:\/\//.test(syncUrl.trim())) {
    return { ok: false, message: '--sync-url must be a postgres:// URL.' };
  }
  const syncTeam = env.COMMAND_POST_SYNC_TEAM;
  let intakeListen: HostArgs['intakeListen'] = null;
  if (values['intake-listen'] !== undefined) {
    const parsed = parseListenAddress(values['intake-listen']);
    if (!parsed.ok) return { ok: false, message: `--intake-listen: ${parsed.error.message}` };
    intakeListen = parsed.value;
  }
  return {
    ok: true,
    help: values.help === true,
    args: {
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: values['data-dir'] !== undefined ? path.resolve(values['data-dir']) : defaultDataDir(env),
      newToken: values['new-token'] === true,
      sync: syncUrl ? { url: syncUrl.trim(), ...(syncTeam ? { team: syncTeam } : {}) } : null,
      intakeListen,
      newIntakeToken: values['new-intake-token'] === true,
    },
  };
}
