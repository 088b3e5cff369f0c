// Turns a `postgres://` URL (plus a password kept apart) into node-postgres client settings, and a
// `user@host:port/db` name for messages that never carries the password.
//
// The URL is parsed here rather than handed to `pg` as a connection string: `pg` lets the
// connection string override every other setting (a password kept apart would lose), throws
// from a missing `sslrootcert` file, and treats `sslmode=require` as verify-full with a
// deprecation warning. Here sslmode follows libpq:
//   disable, allow, prefer   no TLS (pg cannot fall back from TLS to plain text, so these do not try)
//   require                  TLS; the certificate is checked only when sslrootcert is given
//   verify-ca                TLS; the chain must lead to sslrootcert (required); any host name
//   verify-full              TLS; the chain must lead to sslrootcert, or to the system's CAs
//                            when it is absent, and the certificate must name the host
// Other URL parameters are ignored; PGSSLMODE and friends never apply (the URL says it all).
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { ClientConfig } from 'pg';
import type { SyncProblem } from '../sync-port';

/** Where a connection goes, for messages: everything but the password. */
export interface PgPlace {
  user: string;
  host: string;
  port: number;
  database: string;
  sslmode: string;
}

export interface PgTarget {
  config: ClientConfig;
  place: PgPlace;
  /** The password in use, only so that messages can be scrubbed of it. */
  password: string | undefined;
}

export type TargetResult = { ok: true; value: PgTarget } | { ok: false; error: { code: SyncProblem; message: string } };

/** The timeouts every connection uses, in ms. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 10_000;
// Later than the server's own statement timeout, so that the server normally cancels first and
// this catches only a connection that went silent.
export const QUERY_TIMEOUT_MS = 12_000;
// A console that dies inside a push must not hold its incident's lock for long.
export const IDLE_IN_TRANSACTION_MS = 15_000;

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function placeName(place: PgPlace): string {
  return `${place.user}@${place.host}:${place.port}/${place.database}`;
}

export function pgTarget(url: string, passwordApart?: string): TargetResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failed('failed', 'The database URL is not a valid postgres:// URL.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return failed('failed', 'The database URL must start with postgres://.');
  }
  const host = decode(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (!host) return failed('failed', 'The database URL has no host name.');
  const port = parsed.port ? Number(parsed.port) : 5432;
  const user = decode(parsed.username);
  const password = passwordApart || decode(parsed.password) || undefined;
  const database = decode(parsed.pathname.replace(/^\//, '')) || user;
  const sslmode = parsed.searchParams.get('sslmode') ?? 'disable';
  const place: PgPlace = { user: user || '(default user)', host, port, database: database || '(default)', sslmode };

  const ssl = tlsOptions(sslmode, parsed.searchParams);
  if (!ssl.ok) return ssl;

  const config: ClientConfig = {
    host,
    port,
    ssl: ssl.value,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'command-post',
  };
  if (user) config.user = user;
  if (database) config.database = database;
  if (password !== undefined) config.password = password;
  return { ok: true, value: { config, place, password } };
}

type TlsResult = { ok: true; value: false | ConnectionOptions } | { ok: false; error: { code: SyncProblem; message: string } };

function tlsOptions(sslmode: string, params: URLSearchParams): TlsResult {
  if (!SSL_MODES.includes(sslmode)) {
    return failed('tls', `sslmode=${sslmode} is not one of ${SSL_MODES.join(', ')}.`);
  }
  if (sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer') return { ok: true, value: false };

  const files: ConnectionOptions = {};
  for (const [param, key] of [['sslrootcert', 'ca'], ['sslcert', 'cert'], ['sslkey', 'key']] as const) {
    const path = params.get(param);
    if (!path) continue;
    try {
      files[key] = readFileSync(path, 'utf8');
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      return failed('tls', `Cannot read the ${param} file ${path} (${why}).`);
    }
  }
  const skipHostCheck = { checkServerIdentity: () => undefined };
  if (sslmode === 'require') {
    return { ok: true, value: files.ca ? { ...files, ...skipHostCheck } : { ...files, rejectUnauthorized: false } };
  }
  if (sslmode === 'verify-ca') {
    if (!files.ca) return failed('tls', 'sslmode=verify-ca needs sslrootcert=<file of the CA certificate>.');
    return { ok: true, value: { ...files, ...skipHostCheck } };
  }
  return { ok: true, value: { ...files, rejectUnauthorized: true } };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function failed(code: SyncProblem, message: string): { ok: false; error: { code: SyncProblem; message: string } } {
  return { ok: false, error: { code, message } };
}
