import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { IntakeResult } from '../core/intake/take-in';
import { createIntakeHandler } from './intake-routes';
import { RateLimiter } from './rate-limit';

const TOKEN = 'a'.repeat(64);
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(take: () => Promise<Result<IntakeResult>>, limiter?: RateLimiter, readMs?: number): Promise<string> {
  const handler = createIntakeHandler({ token: () => TOKEN, take, log: () => undefined, ...(limiter ? { limiter } : {}), ...(readMs ? { readMs } : {}) });
  server = createServer((req, res) => {
    if (!handler(req, res, {})) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const done: IntakeResult = { incidentIds: ['INC-1'], created: ['INC-1'], logged: 1, unchanged: 0, dedupKey: null };
const post = (base: string, path: string, body: unknown, token: string | null = TOKEN) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

describe('the alert intake over HTTP', () => {
  it('answers 503 with Retry-After when the journal refuses the write, so the sender retries', async () => {
    const base = await serve(async () => fail('JOURNAL_CORRUPT', 'The journal of this incident is damaged.'));
    const answer = await post(base, '/intake/alertmanager', {});
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    const thrown = await serve(async () => {
      throw new Error('disk full');
    });
    expect((await post(thrown, '/intake/grafana', {})).status).toBe(503);
  });

  it('says 429 with Retry-After to a sender in a loop, per source, and takes it again later', async () => {
    let now = 0;
    const base = await serve(async () => ok(done), new RateLimiter(2, 1, () => now));
    expect((await post(base, '/intake/alertmanager', {})).status).toBe(200);
    expect((await post(base, '/intake/alertmanager', {})).status).toBe(200);
    const limited = await post(base, '/intake/alertmanager', {});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    // Another source has its own bucket; time refills this one.
    expect((await post(base, '/intake/grafana', {})).status).toBe(200);
    now = 1_500;
    expect((await post(base, '/intake/alertmanager', {})).status).toBe(200);
  });

  it('refuses other paths and methods, and a wrong token before reading the body', async () => {
    let called = 0;
    const base = await serve(async () => {
      called += 1;
      return ok(done);
    });
    expect((await post(base, '/intake/nagios', {})).status).toBe(404);
    expect((await fetch(`${base}/intake/alertmanager`, { method: 'PUT', body: '{}', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    expect((await post(base, '/intake/alertmanager', {}, 'b'.repeat(64))).status).toBe(401);
    expect((await fetch(`${base}/intake/alertmanager`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/xml' }, body: '<a/>' })).status).toBe(415);
    expect(called).toBe(0);
  });

  it('cuts off a body over 1 MiB without reading the rest', async () => {
    const base = await serve(async () => ok(done));
    const answer = await fetch(`${base}/intake/alertmanager`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(1_100_000) }) });
    expect(answer.status).toBe(413);
  });

  it('answers 408 to a sender that stalls in the middle of a body, and closes its connection, writing nothing', async () => {
    let called = 0;
    const base = await serve(
      async () => {
        called += 1;
        return ok(done);
      },
      undefined,
      200,
    );
    const { port } = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        // Headers promise 100 bytes; 10 come, then nothing.
        socket.write(`POST /intake/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"version"`);
      });
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/did not arrive within 0\.2 s/);
    expect(called).toBe(0);
  });
});
