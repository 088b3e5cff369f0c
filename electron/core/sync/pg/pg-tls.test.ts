// sslmode against a real PostgreSQL serving TLS with a certificate from a throw-away CA (made
// with openssl), naming only IP 127.0.0.1: what verifies, what is refused as `tls`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../../../../tests/support/postgres';
import type { SyncPort, SyncResult, SyncSession } from '../sync-port';
import { createPgPort } from './pg-port';

let db: RunningPostgres;
let icUrl: string;
let certs: string;
const ports: SyncPort[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: certs, stdio: 'ignore' });
}

function makeCa(name: string): void {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`);
}

beforeAll(async () => {
  certs = mkdtempSync(join(tmpdir(), 'command-post-certs-'));
  makeCa('test-ca');
  makeCa('other-ca');
  writeFileSync(join(certs, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=command-post-db',
    '-keyout', 'server.key', '-out', 'server.csr');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'test-ca.pem', '-CAkey', 'test-ca.key', '-CAcreateserial',
    '-days', '2', '-extfile', 'san.ext', '-out', 'server.crt');

  db = await startPostgres({ tls: { certFile: join(certs, 'server.crt'), keyFile: join(certs, 'server.key') } });
  await db.migrate();
  await db.query("SELECT command_post_add_team('dev', 'Dev team')");
  icUrl = await db.createMember('dev', 'ic');
}, 60_000);

afterEach(async () => {
  await Promise.all(ports.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  await db?.stop();
  if (certs) rmSync(certs, { recursive: true, force: true });
}, 30_000);

function connect(query: string, host = '127.0.0.1'): Promise<SyncResult<SyncSession>> {
  const url = `${icUrl.replace('@127.0.0.1:', `@${host}:`)}?${query}`;
  const p = createPgPort({ url, team: 'dev', consoleId: 'ic-laptop' });
  ports.push(p);
  return p.connect();
}

async function refused(query: string, host?: string): Promise<string> {
  const result = await connect(query, host);
  if (result.ok) throw new Error(`expected a tls refusal for ${query}`);
  expect(result.error.code).toBe('tls');
  expect(result.error.message).not.toContain(new URL(icUrl).password);
  return result.error.message;
}

/** Whether the newest connection of `ic` (the port's, open at the time) uses TLS. */
async function newestUsesTls(): Promise<boolean | undefined> {
  const rows = await db.query<{ ssl: boolean }>(
    "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'ic' ORDER BY a.backend_start DESC LIMIT 1",
  );
  return rows.rows[0]?.ssl;
}

describe('sslmode', () => {
  it('verify-full with the CA as sslrootcert connects over TLS', async () => {
    const session = await connect(`sslmode=verify-full&sslrootcert=${join(certs, 'test-ca.pem')}`);
    expect(session.ok).toBe(true);
    expect(await newestUsesTls()).toBe(true);
  });

  it('verify-full refuses a certificate the system does not trust, or from another CA', async () => {
    expect(await refused('sslmode=verify-full')).toMatch(/TLS connection to 127\.0\.0\.1:\d+ was refused/);
    await refused(`sslmode=verify-full&sslrootcert=${join(certs, 'other-ca.pem')}`);
  });

  it('verify-full refuses a certificate that does not name the host; verify-ca does not check the name', async () => {
    expect(await refused(`sslmode=verify-full&sslrootcert=${join(certs, 'test-ca.pem')}`, 'localhost')).toMatch(/altnames/);
    expect((await connect(`sslmode=verify-ca&sslrootcert=${join(certs, 'test-ca.pem')}`, 'localhost')).ok).toBe(true);
  });

  it('require encrypts without checking; a missing sslrootcert file is a tls error', async () => {
    expect((await connect('sslmode=require')).ok).toBe(true);
    expect(await newestUsesTls()).toBe(true);
    expect(await refused(`sslmode=verify-full&sslrootcert=${join(certs, 'missing.pem')}`)).toContain('Cannot read the sslrootcert file');
  });

  it('a server without TLS is refused when the URL asks for it', async () => {
    await db.query('ALTER SYSTEM SET ssl = off');
    await db.query('SELECT pg_reload_conf()');
    const until = Date.now() + 5_000;
    while ((await db.query<{ ssl: string }>('SHOW ssl')).rows[0]!.ssl !== 'off' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await refused('sslmode=require')).toContain('does not offer TLS');
  });
});
