// The SyncPort over PostgreSQL (node-postgres). Two connections: one for queries, used by one
// call at a time (a pull must never land inside a push's transaction), and one that only
// LISTENs. Nothing here throws: every failure is described as a SyncProblem. After any
// connection error the port stays usable: `connect()` again opens fresh connections.
import type { SyncConnection, SyncPort, SyncResult } from '../sync-port';
import { pgTarget, type PgTarget } from './pg-config';
import { describePgError, isConnectionLost, type SyncError } from './pg-errors';
import type { PgLink } from './pg-link';
import { openLink } from './pg-link';
import { openHintListener } from './pg-listen';
import { insertFile, selectFile, selectHeldFiles } from './pg-files';
import { insertRows, selectAfter, selectHeads } from './pg-rows';
import { checkSession } from './pg-session';

interface Hints {
  link: PgLink;
  onLost: (message: string) => void;
}

export function createPgPort(connection: SyncConnection): SyncPort {
  let target: PgTarget | null = null;
  let queries: PgLink | null = null;
  let hints: Hints | null = null;
  const oneAtATime = serializer();

  const describe = (err: unknown): SyncError =>
    target ? describePgError(err, target.place, target.password) : { code: 'failed', message: 'Not connected.' };

  const failure = (error: SyncError): { ok: false; error: SyncError } => ({ ok: false, error });

  async function dropQueries(): Promise<void> {
    const link = queries;
    queries = null;
    await link?.end();
  }

  /** Stops the hint listener; `tell` says whether its owner hears of it (not on `close`). */
  async function dropHints(tell: string | null): Promise<void> {
    const current = hints;
    hints = null;
    if (!current) return;
    await current.link.end();
    if (tell) current.onLost(tell);
  }

  /** Runs `work` on the query connection, answering an error value for anything thrown. */
  function withQueries<T>(work: (link: PgLink) => Promise<T>): Promise<SyncResult<T>> {
    return oneAtATime(async () => {
      const link = queries;
      if (!link || !target) return failure({ code: 'unreachable', message: 'Not connected to the team database: connect first.' });
      const lost = link.lost();
      if (lost) {
        await dropQueries();
        return failure({ ...describe(lost), code: 'unreachable' });
      }
      try {
        return { ok: true, value: await work(link) };
      } catch (err) {
        // A connection that failed (or timed out: its state is unknown) is not used again.
        if (isConnectionLost(err) || link.lost()) {
          await dropQueries();
          const error = describe(err);
          return failure(error.code === 'failed' ? { ...error, code: 'unreachable' } : error);
        }
        return failure(describe(err));
      }
    });
  }

  return {
    connect() {
      return oneAtATime(async () => {
        await dropQueries();
        await dropHints('Reconnecting: listen again.');
        const built = pgTarget(connection.url, connection.password);
        if (!built.ok) return built;
        target = built.value;
        const opened = await openLink(target.config);
        if (!opened.ok) return failure(describe(opened.cause));
        queries = opened.link;
        try {
          const session = await checkSession(opened.link.client, connection.team, connection.consoleId, target.place);
          if (!session.ok) await dropQueries();
          return session;
        } catch (err) {
          await dropQueries();
          return failure(describe(err));
        }
      });
    },

    push(rows) {
      if (rows.length === 0) return Promise.resolve({ ok: true, value: { inserted: 0 } });
      return withQueries(async ({ client }) => {
        await client.query('BEGIN');
        try {
          const inserted = await insertRows(client, connection.team, rows);
          await client.query('COMMIT');
          return { inserted };
        } catch (err) {
          // On a lost connection the server rolls back by itself; asking would only wait.
          if (!isConnectionLost(err)) await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
    },

    heads() {
      return withQueries(({ client }) => selectHeads(client, connection.team));
    },

    pull(incidentId, after, limit) {
      return withQueries(({ client }) => selectAfter(client, connection.team, incidentId, after, limit));
    },

    putFile(hash, bytes) {
      return withQueries(async ({ client }) => ({ inserted: await insertFile(client, connection.team, hash, bytes) }));
    },

    hasFiles(hashes) {
      if (hashes.length === 0) return Promise.resolve({ ok: true, value: [] });
      return withQueries(({ client }) => selectHeldFiles(client, connection.team, hashes));
    },

    getFile(hash) {
      return withQueries(({ client }) => selectFile(client, connection.team, hash));
    },

    async listen(onHint, onLost) {
      if (!target || !queries) return failure({ code: 'unreachable', message: 'Not connected to the team database: connect first.' });
      await dropHints(null);
      const { place, password } = target;
      const opened = await openHintListener(target.config, connection.team, onHint);
      if (!opened.ok) return failure(describe(opened.cause));
      let told = false;
      const tellOnce = (message: string): void => {
        if (told) return;
        told = true;
        // Called from the client's error event: a throwing callback must not escape into pg.
        try {
          onLost(message);
        } catch {
          // The caller's own failure; the listener is gone either way.
        }
      };
      const entry: Hints = { link: opened.link, onLost: tellOnce };
      hints = entry;
      opened.link.onLost((why) => {
        if (hints === entry) hints = null;
        tellOnce(`Change hints stopped: ${describePgError(why, place, password).message}`);
      });
      return { ok: true, value: undefined };
    },

    async close() {
      await Promise.all([dropQueries(), dropHints(null)]);
    },
  };
}

/** Runs async work one piece at a time, in call order, whatever each piece answers. */
function serializer(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
