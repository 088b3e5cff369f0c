// Consoles syncing through a real PostgreSQL: what the integration tests and the bench share.
import { createPgPort } from '../../electron/core/sync/pg/pg-port';
import type { RunningPostgres } from './postgres';
import { type Console, openConsole } from './sync-consoles';

/** A member login per name (lower-cased), each with a console of its own. */
export async function pgTeam(db: RunningPostgres, team: string, names: string[], options: { heartbeatMs?: number; urlOf?: (url: string, name: string) => string } = {}): Promise<Console[]> {
  await db.query('SELECT command_post_add_team($1, $2)', [team, team]);
  const consoles: Console[] = [];
  for (const name of names) {
    const url = await db.createMember(team, `${name.toLowerCase()}_${team}`, name);
    const withTeam = `${url}?team=${team}`;
    consoles.push(await openConsole(name, createPgPort, options.urlOf ? options.urlOf(withTeam, name) : withTeam, { heartbeatMs: options.heartbeatMs ?? 2_000, consoleId: `${name.toLowerCase()}-${team}` }));
  }
  return consoles;
}
