// The engine's view of a shared store of events. The engine knows only this interface; the
// PostgreSQL adapter (`pg/`) implements it, and tests use an in-memory one. Nothing here throws:
// every call answers a value, and an error says what went wrong in words a person can act on,
// never with a password in it.

/** Why the shared store cannot be used right now. Each maps to one line in the window. */
export const SYNC_PROBLEMS = [
  /** Wrong user name or password (SCRAM refused). */
  'auth',
  /** The host name does not resolve. */
  'unknown-host',
  /** Nothing answers, the connection dropped or timed out. */
  'unreachable',
  /** TLS was required and refused, or the certificate did not verify. */
  'tls',
  /** The database has no Command Post schema, or an older one: run `npm run db:migrate`. */
  'schema-old',
  /** The schema is newer than this console knows: update Command Post. */
  'schema-new',
  /** The login may not read or write what it asked for (not a member of the team, no grant). */
  'permission',
  /** This console's id is registered to another login. */
  'console-taken',
  /** Anything else; the message says what. */
  'failed',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export type SyncResult<T> = { ok: true; value: T } | { ok: false; error: { code: SyncProblem; message: string } };

/** What a successful connection learned. */
export interface SyncSession {
  /** The database login, as the database says (`current_user`). */
  login: string;
  /** The team this console syncs, checked to be one the login belongs to. */
  team: string;
  /** The schema version found (equal to the one this console knows). */
  schemaVersion: number;
  /** The database's clock (`now()`) at connection, in ms since the epoch: for the skew warning. */
  serverNow: number;
}

/** One event going up. `body` is the event without this console's journal position. */
export interface PushRow {
  id: string;
  incidentId: string;
  /** The hybrid logical clock stamp, also inside `body`. */
  hlc: string;
  /** The console that made it (the stamp's node), also inside the stamp. */
  consoleId: string;
  body: Record<string, unknown>;
}

/**
 * One event coming down, exactly as the database holds it. Untrusted: `body` is whatever a
 * member put in the row (any JSON), and every field is checked by the gate before use.
 */
export interface PulledRow {
  /** The incident's server sequence: gap-free, used only as the pull cursor. */
  serverSeq: number;
  id: string;
  incidentId: string;
  hlc: string;
  consoleId: string;
  /** The login that inserted it, recorded by the database (`current_user`), never by a client. */
  uploadedBy: string;
  /** The login the console id is registered to, or null when it is registered to nobody. */
  consoleLogin: string | null;
  /** When the database received it, ms since the epoch. */
  receivedAt: number;
  body: unknown;
}

export interface IncidentHead {
  incidentId: string;
  /** The highest server sequence of the incident's events. */
  head: number;
}

export interface SyncPort {
  /**
   * Connects (or reconnects), checks the schema version, that the login is a member of the
   * team, and registers this console's id to the login (refusing one registered to another).
   */
  connect(): Promise<SyncResult<SyncSession>>;
  /**
   * Inserts rows of one or more incidents in one transaction. A row whose id is already there
   * is a no-op (a re-push after a lost acknowledgement adds nothing). Answers how many were new.
   */
  push(rows: readonly PushRow[]): Promise<SyncResult<{ inserted: number }>>;
  /** Every incident the team shares, with its head. */
  heads(): Promise<SyncResult<IncidentHead[]>>;
  /** An incident's rows with `serverSeq > after`, in server order, at most `limit`. */
  pull(incidentId: string, after: number, limit: number): Promise<SyncResult<PulledRow[]>>;
  /**
   * LISTEN for the team's change hints. `onHint` gets the incident id a hint names; a hint is
   * only a hint (it may be lost), so callers still pull on a heartbeat. `onLost` is called once
   * when the listening connection dies; call `listen` again after reconnecting.
   */
  listen(onHint: (incidentId: string) => void, onLost: (message: string) => void): Promise<SyncResult<void>>;
  /**
   * Stores an artefact's bytes for the team under their sha-256 (the database checks that they
   * hash to it). A hash already there is a no-op: answers whether this call added it.
   */
  putFile(hash: string, bytes: Uint8Array): Promise<SyncResult<{ inserted: boolean }>>;
  /** Which of these hashes the team's store holds already (so a file is uploaded once). */
  hasFiles(hashes: readonly string[]): Promise<SyncResult<string[]>>;
  /**
   * The bytes stored under a hash, or null when no console has uploaded them yet. Untrusted:
   * the caller checks that they hash to what was asked before using them.
   */
  getFile(hash: string): Promise<SyncResult<Uint8Array | null>>;
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>;
}

/** What a console needs to reach the store. The password is kept apart from settings. */
export interface SyncConnection {
  /** A `postgres://` URL; may carry the password (from the command line or environment). */
  url: string;
  /** Overrides the URL's password when set (kept in safeStorage or a 0600 file). */
  password?: string;
  team: string;
  /** This console's id: the node of its clock stamps. */
  consoleId: string;
}

export type SyncPortFactory = (connection: SyncConnection) => SyncPort;

/** The schema version this build knows. `db/migrations/NNN_*.sql` go up to it. */
export const SCHEMA_VERSION = 2;
