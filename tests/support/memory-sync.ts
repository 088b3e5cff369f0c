// An in-memory stand-in for the team database, with the same rules as the PostgreSQL schema
// (events keyed by id, a gap-free sequence per incident, the uploader recorded by the store,
// consoles registered to one login, hints after each insert) and switches for failure: the
// whole store down, or one console cut off. For fast tests of the sync loop; the real database
// is tested in electron/core/sync/pg.
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type IncidentHead, type PulledRow, type PushRow, type SyncConnection, type SyncPort, type SyncResult, type SyncSession } from '../../electron/core/sync/sync-port';

interface Row extends PulledRow {
  team: string;
}

export class MemoryDatabase {
  readonly rows: Row[] = [];
  readonly heads = new Map<string, number>();
  readonly consoles = new Map<string, string>();
  /** `team/hash` → bytes: artefact files, checked on the way in as the table's constraint does. */
  readonly files = new Map<string, Uint8Array>();
  /** Events naming a file the store did not hold when they arrived (the order rule broken). */
  readonly eventsBeforeFiles: string[] = [];
  /** How many times each console asked for a file's bytes. */
  readonly fileGets = new Map<string, number>();
  /** login → teams */
  readonly members = new Map<string, Set<string>>();
  down = false;
  readonly cut = new Set<string>();
  /** Drop the acknowledgement of the next push of this console (the rows are kept). */
  readonly loseAckOf = new Set<string>();
  private readonly listeners = new Set<{ team: string; consoleId: string; onHint: (id: string) => void; onLost: (m: string) => void }>();
  now = () => Date.now();

  addMember(login: string, team: string): void {
    const teams = this.members.get(login) ?? new Set();
    teams.add(team);
    this.members.set(login, teams);
  }

  /** A row inserted by a member straight into the table, as `psql` would. */
  insertRaw(team: string, row: Omit<PulledRow, 'serverSeq' | 'receivedAt' | 'consoleLogin'>): void {
    const key = `${team}/${row.incidentId}`;
    const seq = (this.heads.get(key) ?? 0) + 1;
    this.heads.set(key, seq);
    this.rows.push({ ...row, team, serverSeq: seq, receivedAt: this.now(), consoleLogin: this.consoles.get(row.consoleId) ?? null });
    this.hint(team, row.incidentId, null);
  }

  /** Bytes filed under a hash they do not have, as only a superuser could (bypassing the check). */
  tamperFile(team: string, hash: string, bytes: Uint8Array): void {
    this.files.set(`${team}/${hash}`, bytes);
  }

  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const l of [...this.listeners]) this.lost(l, 'server closed the connection');
  }

  setCut(consoleId: string, cut: boolean): void {
    if (cut) {
      this.cut.add(consoleId);
      for (const l of [...this.listeners]) if (l.consoleId === consoleId) this.lost(l, 'connection reset');
    } else this.cut.delete(consoleId);
  }

  port(connection: SyncConnection): SyncPort {
    const login = new URL(connection.url).username;
    const password = decodeURIComponent(new URL(connection.url).password);
    const { team, consoleId } = connection;
    const db = this;
    let open = false;
    const unreachable = <T>(): SyncResult<T> => ({ ok: false, error: { code: 'unreachable', message: 'The team database at memory cannot be reached.' } });
    const usable = () => open && !db.down && !db.cut.has(consoleId);
    let mine: { team: string; consoleId: string; onHint: (id: string) => void; onLost: (m: string) => void } | null = null;
    return {
      async connect(): Promise<SyncResult<SyncSession>> {
        await tick();
        if (db.down || db.cut.has(consoleId)) return unreachable();
        if (password === 'wrong') return { ok: false, error: { code: 'auth', message: `Wrong user name or password for ${login}.` } };
        if (!db.members.get(login)?.has(team)) return { ok: false, error: { code: 'permission', message: `${login} is not a member of team ${team}.` } };
        const owner = db.consoles.get(consoleId);
        if (owner && owner !== login) return { ok: false, error: { code: 'console-taken', message: `Console ${consoleId} belongs to ${owner}.` } };
        db.consoles.set(consoleId, login);
        open = true;
        return { ok: true, value: { login, team, schemaVersion: SCHEMA_VERSION, serverNow: db.now() } };
      },
      async push(rows: readonly PushRow[]) {
        await tick();
        if (!usable()) return unreachable();
        let inserted = 0;
        for (const r of rows) {
          if (db.rows.some((x) => x.id === r.id)) continue;
          const hash = r.body.type === 'artefact.attached' ? (r.body.payload as { hash?: string }).hash : undefined;
          if (hash && !db.files.has(`${team}/${hash}`)) db.eventsBeforeFiles.push(r.id);
          const key = `${team}/${r.incidentId}`;
          const seq = (db.heads.get(key) ?? 0) + 1;
          db.heads.set(key, seq);
          db.rows.push({ ...r, team, serverSeq: seq, uploadedBy: login, consoleLogin: db.consoles.get(r.consoleId) ?? null, receivedAt: db.now(), body: JSON.parse(JSON.stringify(r.body)) });
          inserted += 1;
        }
        for (const id of new Set(rows.map((r) => r.incidentId))) db.hint(team, id, consoleId);
        if (db.loseAckOf.delete(consoleId)) return unreachable<{ inserted: number }>();
        return { ok: true, value: { inserted } };
      },
      async heads(): Promise<SyncResult<IncidentHead[]>> {
        await tick();
        if (!usable()) return unreachable();
        const out: IncidentHead[] = [];
        for (const [key, head] of db.heads) {
          const [t, incidentId] = key.split('/') as [string, string];
          if (t === team) out.push({ incidentId, head });
        }
        return { ok: true, value: out };
      },
      async pull(incidentId: string, after: number, limit: number): Promise<SyncResult<PulledRow[]>> {
        await tick();
        if (!usable()) return unreachable();
        const rows = db.rows
          .filter((r) => r.team === team && r.incidentId === incidentId && r.serverSeq > after)
          .sort((a, b) => a.serverSeq - b.serverSeq)
          .slice(0, limit)
          .map(({ team: _t, ...r }) => ({ ...r, consoleLogin: db.consoles.get(r.consoleId) ?? null, body: JSON.parse(JSON.stringify(r.body)) }));
        return { ok: true, value: rows };
      },
      async putFile(hash: string, bytes: Uint8Array) {
        await tick();
        if (!usable()) return unreachable();
        if (createHash('sha256').update(bytes).digest('hex') !== hash) {
          return { ok: false, error: { code: 'failed', message: 'new row for relation "artefact_files" violates check constraint "artefact_files_hash"' } };
        }
        const key = `${team}/${hash}`;
        if (db.files.has(key)) return { ok: true, value: { inserted: false } };
        db.files.set(key, Uint8Array.from(bytes));
        return { ok: true, value: { inserted: true } };
      },
      async hasFiles(hashes: readonly string[]) {
        await tick();
        if (!usable()) return unreachable();
        return { ok: true, value: [...new Set(hashes)].filter((h) => db.files.has(`${team}/${h}`)) };
      },
      async getFile(hash: string) {
        await tick();
        if (!usable()) return unreachable();
        db.fileGets.set(consoleId, (db.fileGets.get(consoleId) ?? 0) + 1);
        const bytes = db.files.get(`${team}/${hash}`);
        return { ok: true, value: bytes ? Uint8Array.from(bytes) : null };
      },
      async listen(onHint, onLost) {
        await tick();
        if (!usable()) return unreachable();
        if (mine) db.listeners.delete(mine);
        mine = { team, consoleId, onHint, onLost };
        db.listeners.add(mine);
        return { ok: true, value: undefined };
      },
      async close() {
        open = false;
        if (mine) db.listeners.delete(mine);
        mine = null;
      },
    };
  }

  private hint(team: string, incidentId: string, from: string | null): void {
    for (const l of this.listeners) if (l.team === team && l.consoleId !== from && !this.down && !this.cut.has(l.consoleId)) setImmediate(() => l.onHint(incidentId));
  }

  private lost(l: { onLost: (m: string) => void }, message: string): void {
    this.listeners.delete(l as never);
    setImmediate(() => l.onLost(message));
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
