// The SQL of artefact files: one row per team and sha-256 (db/migrations/002_artefact_files.sql).
import type pg from 'pg';
import { isConnectionLost } from './pg-errors';

const HASH = /^[0-9a-f]{64}$/;
/** Hashes per "which do you have" question. */
const ASK_CHUNK = 1_000;

function checkHash(hash: string): void {
  if (!HASH.test(hash)) throw new Error(`not a sha-256: ${hash.slice(0, 80)}`);
}

/** A 25 MiB screenshot over a slow link takes longer than an event batch: its own, longer timeouts. */
export const FILE_STATEMENT_TIMEOUT_MS = 120_000;
const FILE_QUERY_TIMEOUT_MS = FILE_STATEMENT_TIMEOUT_MS + 5_000;

async function withLongStatement<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL statement_timeout = ${FILE_STATEMENT_TIMEOUT_MS}`);
    const value = await work();
    await client.query('COMMIT');
    return value;
  } catch (err) {
    if (!isConnectionLost(err)) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** node-postgres honours a per-query `query_timeout`; its typings know it only per client. */
function longQuery<R extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const config = { text, values, query_timeout: FILE_QUERY_TIMEOUT_MS };
  return client.query<R>(config as pg.QueryConfig);
}

/** Inserts the file unless the team has it; answers whether it was new. */
export async function insertFile(client: pg.Client, team: string, hash: string, bytes: Uint8Array): Promise<boolean> {
  checkHash(hash);
  const result = await withLongStatement(client, () =>
    longQuery(client, 'INSERT INTO artefact_files (team_id, hash, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (team_id, hash) DO NOTHING', [
      team,
      hash,
      bytes.length,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    ]),
  );
  return (result.rowCount ?? 0) > 0;
}

export async function selectHeldFiles(client: pg.Client, team: string, hashes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(hashes)];
  wanted.forEach(checkHash);
  const held: string[] = [];
  for (let at = 0; at < wanted.length; at += ASK_CHUNK) {
    const result = await client.query<{ hash: string }>('SELECT hash FROM artefact_files WHERE team_id = $1 AND hash = ANY($2::text[])', [
      team,
      wanted.slice(at, at + ASK_CHUNK),
    ]);
    held.push(...result.rows.map((r) => r.hash));
  }
  return held;
}

export async function selectFile(client: pg.Client, team: string, hash: string): Promise<Uint8Array | null> {
  checkHash(hash);
  const result = await withLongStatement(client, () =>
    longQuery<{ bytes: Buffer }>(client, 'SELECT bytes FROM artefact_files WHERE team_id = $1 AND hash = $2', [team, hash]),
  );
  const row = result.rows[0];
  return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.length) : null;
}
