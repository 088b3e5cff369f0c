// What went wrong, in words a person at the console can act on. Maps node-postgres and Node
// socket errors to a SyncProblem. Messages name the place as user@host:port/db and never carry
// the password (scrubbed again at the end, in case a server or library echoed it).
import type { SyncProblem } from '../sync-port';
import { placeName, type PgPlace } from './pg-config';

export interface SyncError {
  code: SyncProblem;
  message: string;
}

// Certificate and handshake failures from Node's TLS layer.
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);
const UNKNOWN_HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);
// SQLSTATEs that mean the server went away or cannot serve right now.
const GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const SCHEMA_STATES = new Set(['42P01', '42883', '42703']);
// node-postgres's own words for a connection that ended, timed out or was never usable.
const GONE_WORDS = /Connection terminated|timeout expired|Query read timeout|not queryable|Connection ended|socket hang up/i;

export function describePgError(err: unknown, place: PgPlace, password?: string): SyncError {
  return scrub(classify(err, place), password);
}

/** True when the connection the error came from cannot be used again. */
export function isConnectionLost(err: unknown): boolean {
  const { code, message } = facts(err);
  if (code && (SOCKET_CODES.has(code) || GONE_STATES.has(code) || code.startsWith('08'))) return code !== '57014';
  return GONE_WORDS.test(message);
}

function classify(err: unknown, place: PgPlace): SyncError {
  const { code, message } = facts(err);
  const name = placeName(place);
  const at = `${place.host}:${place.port}`;

  if (code === '28P01') return { code: 'auth', message: `Wrong user name or password for ${name}.` };
  if (code === '28000') {
    if (/no encryption|SSL off/i.test(message)) {
      return { code: 'tls', message: `The database at ${at} accepts ${place.user} only over TLS: add sslmode=verify-full to the URL.` };
    }
    return { code: 'auth', message: `The database at ${at} refused the login ${place.user}: ${message}` };
  }
  if (/SASL|SCRAM/.test(message)) {
    if (/password must be a string/i.test(message)) return { code: 'auth', message: `No password was given for ${name}.` };
    return { code: 'auth', message: `The password exchange with ${at} failed: ${message}` };
  }
  if (code === '3D000') return { code: 'failed', message: `There is no database "${place.database}" at ${at}.` };
  if (code === '42501') return { code: 'permission', message: `The database refused ${place.user}: ${message}` };
  if (code && SCHEMA_STATES.has(code)) {
    return { code: 'schema-old', message: `The database at ${at} lacks part of the Command Post schema (${message}). Run: npm run db:migrate -- --url postgres://ADMIN@${at}/${place.database}` };
  }
  if (code === '57014') return { code: 'unreachable', message: `The database at ${at} did not answer in time.` };

  if (code && UNKNOWN_HOST_CODES.has(code)) return { code: 'unknown-host', message: `The host name ${place.host} could not be found.` };
  if (code === 'ECONNREFUSED') return { code: 'unreachable', message: `Nothing answers at ${at} (connection refused).` };

  if (message === 'The server does not support SSL connections') {
    return { code: 'tls', message: `The database at ${at} does not offer TLS, and the URL asks for it (sslmode=${place.sslmode}).` };
  }
  if ((code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) || /certificate|SSL connection/i.test(message)) {
    return { code: 'tls', message: `The TLS connection to ${at} was refused: ${message}` };
  }

  if (code && (SOCKET_CODES.has(code) || GONE_STATES.has(code) || code.startsWith('08'))) {
    return { code: 'unreachable', message: `The connection to ${at} failed: ${message || code}` };
  }
  if (GONE_WORDS.test(message)) return { code: 'unreachable', message: `The connection to ${at} was lost or timed out (${message}).` };
  return { code: 'failed', message: `The database at ${at} answered: ${message || 'an unknown error'}` };
}

/** The code (SQLSTATE or Node's) and message of whatever was thrown. */
function facts(err: unknown): { code: string | undefined; message: string } {
  if (!(err instanceof Error)) return { code: undefined, message: String(err) };
  let code = (err as NodeJS.ErrnoException).code;
  // Node tries every address of a host name and, when all fail, throws them together.
  if (!code && err instanceof AggregateError) {
    code = err.errors.map((e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code).find((c) => typeof c === 'string');
  }
  return { code: typeof code === 'string' ? code : undefined, message: err.message };
}

function scrub(error: SyncError, password: string | undefined): SyncError {
  return { code: error.code, message: withoutPassword(error.message, password) };
}

/** The text with the password (plain or URL-encoded) blanked out. */
export function withoutPassword(text: string, password: string | undefined): string {
  // Too short a password would blank ordinary letters; no message here is built from one.
  if (!password || password.length < 3) return text;
  let clean = text;
  for (const form of [password, encodeURIComponent(password)]) clean = clean.split(form).join('***');
  return clean;
}
