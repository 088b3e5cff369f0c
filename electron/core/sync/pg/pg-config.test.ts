import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeName, pgTarget } from './pg-config';

const dir = mkdtempSync(join(tmpdir(), 'command-post-pg-config-'));
const ca = join(dir, 'ca.pem');
writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function target(url: string, password?: string) {
  const result = pgTarget(url, password);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('pgTarget', () => {
  it('reads host, port, user, database and an encoded password', () => {
    const t = target('postgres://ic:p%40ss%3Aw0rd@db.example:6543/command_post');
    expect(t.config).toMatchObject({ host: 'db.example', port: 6543, user: 'ic', password: 'p@ss:w0rd', database: 'command_post', ssl: false });
    expect(t.config).toMatchObject({ application_name: 'command-post', keepAlive: true, connectionTimeoutMillis: 5_000, statement_timeout: 10_000 });
    expect(placeName(t.place)).toBe('ic@db.example:6543/command_post');
  });

  it('takes the password kept apart over the URL one, and defaults port and database', () => {
    const t = target('postgresql://ic:old@db.example', 'kept-apart');
    expect(t.config).toMatchObject({ port: 5432, database: 'ic', password: 'kept-apart' });
    expect(t.password).toBe('kept-apart');
  });

  it('follows libpq for sslmode', () => {
    expect(target('postgres://ic@h/db?sslmode=disable').config.ssl).toBe(false);
    expect(target('postgres://ic@h/db?sslmode=prefer').config.ssl).toBe(false);
    expect(target('postgres://ic@h/db?sslmode=require').config.ssl).toEqual({ rejectUnauthorized: false });
    const requireWithCa = target(`postgres://ic@h/db?sslmode=require&sslrootcert=${ca}`).config.ssl;
    expect(requireWithCa).toMatchObject({ ca: expect.stringContaining('BEGIN CERTIFICATE') });
    expect(requireWithCa).toHaveProperty('checkServerIdentity');
    expect(target(`postgres://ic@h/db?sslmode=verify-ca&sslrootcert=${ca}`).config.ssl).toHaveProperty('checkServerIdentity');
    const full = target(`postgres://ic@h/db?sslmode=verify-full&sslrootcert=${ca}`).config.ssl;
    expect(full).toMatchObject({ rejectUnauthorized: true, ca: expect.stringContaining('BEGIN CERTIFICATE') });
    expect(full).not.toHaveProperty('checkServerIdentity');
    expect(target('postgres://ic@h/db?sslmode=verify-full').config.ssl).toEqual({ rejectUnauthorized: true });
  });

  it('answers errors as values, never with the URL or password', () => {
    const cases: [string, string][] = [
      ['not a url with secret-pw', 'failed'],
      ['mysql://ic:secret-pw@h/db', 'failed'],
      ['postgres://ic:secret-pw@h/db?sslmode=sometimes', 'tls'],
      ['postgres://ic:secret-pw@h/db?sslmode=verify-ca', 'tls'],
      [`postgres://ic:secret-pw@h/db?sslmode=verify-full&sslrootcert=${join(dir, 'missing.pem')}`, 'tls'],
    ];
    for (const [url, code] of cases) {
      const result = pgTarget(url);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(code);
      expect(result.error.message).not.toContain('secret-pw');
    }
  });
});
