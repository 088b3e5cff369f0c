// The SQL of push, heads and pull, and the rows they turn into.
import type pg from 'pg';
import type { IncidentHead, PulledRow, PushRow } from '../sync-port';

/** Rows per INSERT statement (6 parameters each, far below the protocol's 65 535). */
export const PUSH_CHUNK = 500;
/** The most rows one pull answers, whatever the caller asks. */
export const PULL_MAX = 10_000;

/**
 * Inserts the rows in one transaction. Rows are taken incident by incident (in the order given
 * within each) so that two consoles pushing the same incidents lock them in the same order and
 * never deadlock. The caller rolls back when this throws.
 */
export async function insertRows(client: pg.Client, team: string, rows: readonly PushRow[]): Promise<number> {
  const ordered = [...rows].sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
  let inserted = 0;
  for (let at = 0; at < ordered.length; at += PUSH_CHUNK) {
    const chunk = ordered.slice(at, at + PUSH_CHUNK);
    const values: unknown[] = [];
    const tuples = chunk.map((row, i) => {
      values.push(row.id, team, row.incidentId, row.hlc, row.consoleId, JSON.stringify(row.body));
      const p = i * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::jsonb)`;
    });
    // Rows whose id is already there are dropped by the table's trigger, so rowCount is what is new.
    const result = await client.query(`INSERT INTO events (id, team_id, incident_id, hlc, console_id, body) VALUES ${tuples.join(', ')}`, values);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

export async function selectHeads(client: pg.Client, team: string): Promise<IncidentHead[]> {
  const result = await client.query<{ incident_id: string; head: string }>(
    'SELECT incident_id, head FROM incidents WHERE team_id = $1 ORDER BY incident_id',
    [team],
  );
  return result.rows.map((r) => ({ incidentId: r.incident_id, head: Number(r.head) }));
}

interface EventRow {
  server_seq: string;
  id: string;
  incident_id: string;
  hlc: string;
  console_id: string;
  uploaded_by: string;
  console_login: string | null;
  received_at: Date;
  body: unknown;
}

export async function selectAfter(client: pg.Client, team: string, incidentId: string, after: number, limit: number): Promise<PulledRow[]> {
  const count = Math.min(Math.floor(limit), PULL_MAX);
  if (!(count > 0)) return [];
  const from = Number.isFinite(after) ? Math.max(0, Math.floor(after)) : 0;
  const result = await client.query<EventRow>(
    `SELECT e.server_seq, e.id, e.incident_id, e.hlc, e.console_id, e.uploaded_by, c.login AS console_login, e.received_at, e.body
       FROM events e LEFT JOIN consoles c ON c.console_id = e.console_id
      WHERE e.team_id = $1 AND e.incident_id = $2 AND e.server_seq > $3
      ORDER BY e.server_seq
      LIMIT $4`,
    [team, incidentId, from, count],
  );
  return result.rows.map((r) => ({
    serverSeq: Number(r.server_seq),
    id: r.id,
    incidentId: r.incident_id,
    hlc: r.hlc,
    consoleId: r.console_id,
    uploadedBy: r.uploaded_by,
    consoleLogin: r.console_login,
    receivedAt: r.received_at.getTime(),
    body: r.body,
  }));
}
