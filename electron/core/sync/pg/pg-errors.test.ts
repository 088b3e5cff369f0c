import { describe, expect, it } from 'vitest';
import type { PgPlace } from './pg-config';
import { describePgError, isConnectionLost } from './pg-errors';

const place: PgPlace = { user: 'ic', host: 'db.example', port: 5432, database: 'command_post', sslmode: 'verify-full' };
const PASSWORD = 'hunter2-secret';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describePgError', () => {
  it.each([
    [withCode('password authentication failed for user "ic"', '28P01'), 'auth'],
    [withCode('no pg_hba.conf entry for host "10.0.0.1", user "ic", database "command_post", no encryption', '28000'), 'tls'],
    [withCode('role "ic" is not permitted to log in', '28000'), 'auth'],
    [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'auth'],
    [withCode('getaddrinfo ENOTFOUND db.example', 'ENOTFOUND'), 'unknown-host'],
    [withCode('getaddrinfo EAI_AGAIN db.example', 'EAI_AGAIN'), 'unknown-host'],
    [withCode('connect ECONNREFUSED 10.0.0.1:5432', 'ECONNREFUSED'), 'unreachable'],
    [withCode('connect ETIMEDOUT 10.0.0.1:5432', 'ETIMEDOUT'), 'unreachable'],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'unreachable'],
    [new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), 'unreachable'],
    [new Error('Connection terminated unexpectedly'), 'unreachable'],
    [new Error('Connection terminated due to connection timeout'), 'unreachable'],
    [new Error('timeout expired'), 'unreachable'],
    [new Error('Query read timeout'), 'unreachable'],
    [withCode('terminating connection due to administrator command', '57P01'), 'unreachable'],
    [withCode('the database system is starting up', '57P03'), 'unreachable'],
    [withCode('canceling statement due to statement timeout', '57014'), 'unreachable'],
    [new Error('The server does not support SSL connections'), 'tls'],
    [withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [withCode('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'tls'],
    [withCode("Hostname/IP does not match certificate's altnames: IP: 10.0.0.1 is not in the cert's list: ", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [withCode('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'tls'],
    [withCode('permission denied for table events', '42501'), 'permission'],
    [withCode('new row violates row-level security policy for table "events"', '42501'), 'permission'],
    [withCode('relation "command_post_schema" does not exist', '42P01'), 'schema-old'],
    [withCode('database "command_post" does not exist', '3D000'), 'failed'],
    [withCode('new row for relation "events" violates check constraint "events_hlc_check"', '23514'), 'failed'],
    ['a string thrown', 'failed'],
  ])('%s → %s', (err, code) => {
    const described = describePgError(err, place, PASSWORD);
    expect(described.code).toBe(code);
    expect(described.message.length).toBeGreaterThan(10);
  });

  it('names the place without the password, and scrubs a password that a message echoes', () => {
    const auth = describePgError(withCode('password authentication failed for user "ic"', '28P01'), place, PASSWORD);
    expect(auth.message).toBe('Wrong user name or password for ic@db.example:5432/command_post.');
    const echoed = describePgError(new Error(`weird: ${PASSWORD} and ${encodeURIComponent('p@ss word!')}`), place, PASSWORD);
    expect(echoed.message).not.toContain(PASSWORD);
    const encoded = describePgError(new Error(`weird: ${encodeURIComponent('p@ss word!')}`), place, 'p@ss word!');
    expect(encoded.message).not.toContain(encodeURIComponent('p@ss word!'));
  });
});

describe('isConnectionLost', () => {
  it('is true for a dead socket or server, false for a statement the server refused or cancelled', () => {
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isConnectionLost(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionLost(new Error('Query read timeout'))).toBe(true);
    expect(isConnectionLost(withCode('canceling statement due to statement timeout', '57014'))).toBe(false);
    expect(isConnectionLost(withCode('permission denied for table events', '42501'))).toBe(false);
  });
});
