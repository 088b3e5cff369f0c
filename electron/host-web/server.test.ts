import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LIMITS } from '../../shared/contract/limits';
import { ok, type Result } from '../../shared/contract/result';
import type { ServerMessage, WireReply } from '../../shared/contract/wire';
import type { IncidentEvent } from '../../shared/domain/events';
import type { Engine } from '../core/engine-types';
import { MAX_IN_FLIGHT } from './connection';
import { startHost, type RunningHost } from './server';

type Dispatch = (command: unknown, input: unknown) => Promise<Result<unknown>>;

function fakeEngine(dispatch: Dispatch = async (command, input) => ok({ command, input })) {
  const listeners = new Set<(event: IncidentEvent) => void>();
  const engine: Engine = {
    dispatch: (command, input) => dispatch(command, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake: async () => {},
    syncNow: async () => {},
    intake: async () => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'no intake here' } }),
    close: async () => {},
  };
  return { engine, listeners, emit: (event: IncidentEvent) => listeners.forEach((listener) => listener(event)) };
}

const declared: IncidentEvent = {
  id: 'ev-1',
  incidentId: 'INC-1',
  seq: 1,
  hlc: '1800000000000-00000-test',
  at: 1_800_000_000_000,
  actor: 'ic',
  type: 'incident.declared',
  payload: {
    title: 'Checkout returns 500s',
    severity: 'SEV1',
    detectionSource: 'alert',
    summary: '',
    impactStartedAt: null,
    detectedAt: null,
  },
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temp dir with a small renderer build in `renderer/` and a secret next to it. */
async function fixture(options: { built?: boolean } = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'command-post-host-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  if (options.built !== false) {
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Command Post</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("war room");');
    await writeFile(path.join(staticDir, 'assets', 'app.js.map'), '{"version":3,"sources":["../../renderer/main.tsx"]}');
  }
  await writeFile(path.join(root, 'secret.txt'), 'TOP-SECRET');
  return { root, staticDir };
}

async function start(engine: Engine, options: { built?: boolean; host?: string } = {}): Promise<RunningHost> {
  const { staticDir } = await fixture(options);
  const host = await startHost({ engine, staticDir, log: () => {}, ...(options.host ? { host: options.host } : {}) });
  cleanups.push(() => host.close());
  return host;
}

/** Opens a launch address as a browser would, and returns the cookie it was given (`name=value`). */
async function signIn(host: RunningHost): Promise<string> {
  const launch = new URL(host.launchUrl());
  const response = await get(host.port, launch.pathname + launch.search);
  expect(response.status).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

function post(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function wsUrl(host: RunningHost, token: string | null = host.token): string {
  return `ws://127.0.0.1:${host.port}/ws${token === null ? '' : `?token=${token}`}`;
}

/** Resolves 'open' with the socket, or the HTTP status the upgrade was refused with. */
function connect(
  url: string,
  origin?: string,
  headers: Record<string, string> = {},
): Promise<{ status: 'open'; socket: Client } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? { headers } : { origin, headers });
    socket.once('open', () => {
      const client = new Client(socket);
      cleanups.push(() => client.close());
      resolve({ status: 'open', socket: client });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

async function open(host: RunningHost): Promise<Client> {
  const result = await connect(wsUrl(host));
  if (result.status !== 'open') throw new Error(`refused with ${result.status}`);
  return result.socket;
}

/** Collects every message, and waits for the next ones. */
class Client {
  readonly received: ServerMessage[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      this.waiters = this.waiters.filter((waiter) => {
        if (this.received.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits until `count` messages in all have arrived. */
  async waitFor(count: number): Promise<ServerMessage[]> {
    if (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
    return this.received.slice(0, count);
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

function get(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the WebSocket handshake', () => {
  it('refuses a missing or wrong token with 401', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(wsUrl(host, null))).status).toBe(401);
    expect((await connect(wsUrl(host, ''))).status).toBe(401);
    expect((await connect(wsUrl(host, 'f'.repeat(64)))).status).toBe(401);
    expect((await connect(wsUrl(host, host.token.slice(0, -1)))).status).toBe(401);
  });

  it('refuses a foreign Origin with 403, even with the right token', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(wsUrl(host), 'http://evil.example')).status).toBe(403);
    expect((await connect(wsUrl(host), 'null')).status).toBe(403);
    expect((await connect(wsUrl(host), `http://127.0.0.1:${host.port + 1}`)).status).toBe(403);
    expect((await connect(wsUrl(host), `https://127.0.0.1:${host.port}`)).status).toBe(403);
  });

  it('accepts the right token with no Origin (a script), and a page of ours only with the session cookie', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(wsUrl(host))).status).toBe('open');
    const cookie = await signIn(host);
    expect((await connect(wsUrl(host, null), `http://127.0.0.1:${host.port}`, { Cookie: cookie })).status).toBe('open');
    expect((await connect(wsUrl(host, null), `http://localhost:${host.port}`, { Cookie: cookie })).status).toBe('open');
  });

  it('answers 404 for upgrades on other paths', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(`ws://127.0.0.1:${host.port}/other?token=${host.token}`)).status).toBe(404);
  });

  it('uses a given token, and generates a 64-hex-digit one otherwise', async () => {
    const { staticDir } = await fixture();
    const given = await startHost({ engine: fakeEngine().engine, staticDir, token: 'a-test-token-of-some-length', log: () => {} });
    cleanups.push(() => given.close());
    expect(given.token).toBe('a-test-token-of-some-length');
    expect(given.url).toBe(`http://127.0.0.1:${given.port}/`);
    expect(given.launchUrl()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${given.port}/\\?launch=[0-9A-Za-z_-]{43}$`));
    const generated = await start(fakeEngine().engine);
    expect(generated.token).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('requests and replies', () => {
  it('pairs each reply with its request id, even when replies come back out of order', async () => {
    const slow = new Set(['incident.list']);
    const { engine } = fakeEngine(async (command, input) => {
      if (slow.has(String(command))) await new Promise((resolve) => setTimeout(resolve, 50));
      return ok({ command, input });
    });
    const host = await start(engine);
    const client = await open(host);
    client.send({ id: 'a', command: 'incident.list', input: {} });
    client.send({ id: 7, command: 'settings.get', input: { x: 1 } });
    const replies = (await client.waitFor(2)) as WireReply[];
    expect(replies).toEqual([
      { id: 7, ok: true, value: { command: 'settings.get', input: { x: 1 } } },
      { id: 'a', ok: true, value: { command: 'incident.list', input: {} } },
    ]);
  });

  it('passes engine failures through with their code', async () => {
    const { engine } = fakeEngine(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such incident' } }));
    const client = await open(await start(engine));
    client.send({ id: 1, command: 'incident.get', input: { incidentId: 'INC-404' } });
    expect(await client.waitFor(1)).toEqual([{ id: 1, ok: false, error: { code: 'NOT_FOUND', message: 'No such incident' } }]);
  });

  it('answers INTERNAL when the engine breaks its promise never to throw', async () => {
    const { engine } = fakeEngine(async () => {
      throw new Error('boom');
    });
    const client = await open(await start(engine));
    client.send({ id: 1, command: 'incident.list', input: {} });
    const [reply] = (await client.waitFor(1)) as WireReply[];
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers BAD_FRAME to garbage and keeps the connection open', async () => {
    const calls: unknown[] = [];
    const { engine } = fakeEngine(async (command) => {
      calls.push(command);
      return ok('fine');
    });
    const client = await open(await start(engine));
    const garbage = ['not json', '[1,2,3]', 'null', '42', '"text"', '{"command":"incident.list"}', '{"id":{},"command":"x"}', '{"id":true}', '{"id":null}'];
    for (const frame of garbage) client.send(frame);
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const replies = (await client.waitFor(garbage.length + 1)) as WireReply[];
    for (const reply of replies) expect(reply).toMatchObject({ id: null, ok: false, error: { code: 'BAD_FRAME' } });
    expect(calls).toEqual([]);

    client.send({ id: 'after', command: 'incident.list', input: {} });
    expect((await client.waitFor(garbage.length + 2)).at(-1)).toEqual({ id: 'after', ok: true, value: 'fine' });
  });

  it(`refuses more than ${MAX_IN_FLIGHT} requests in flight with RATE_LIMITED`, async () => {
    const pending: (() => void)[] = [];
    const { engine } = fakeEngine(() => new Promise((resolve) => pending.push(() => resolve(ok(null)))));
    const client = await open(await start(engine));
    for (let id = 0; id <= MAX_IN_FLIGHT; id++) client.send({ id, command: 'incident.list', input: {} });
    const [refused] = (await client.waitFor(1)) as WireReply[];
    expect(refused).toMatchObject({ id: MAX_IN_FLIGHT, ok: false, error: { code: 'RATE_LIMITED' } });
    expect(pending).toHaveLength(MAX_IN_FLIGHT);

    for (const release of pending.splice(0)) release();
    const replies = (await client.waitFor(MAX_IN_FLIGHT + 1)) as WireReply[];
    expect(replies.filter((reply) => reply.ok)).toHaveLength(MAX_IN_FLIGHT);
    client.send({ id: 'again', command: 'incident.list', input: {} });
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const release of pending.splice(0)) release();
    expect((await client.waitFor(MAX_IN_FLIGHT + 2)).at(-1)).toEqual({ id: 'again', ok: true, value: null });
  });

  it('closes a connection that sends a frame over the size limit, and keeps serving others', async () => {
    const host = await start(fakeEngine().engine);
    const big = await open(host);
    const closed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.send({ id: 1, command: 'timeline.log', input: { text: 'x'.repeat(LIMITS.frameBytes) } });
    expect(await closed).toBe(1009);
    const other = await open(host);
    other.send({ id: 2, command: 'incident.list', input: {} });
    expect(await other.waitFor(1)).toMatchObject([{ id: 2, ok: true }]);
  });
});

describe('pushed events', () => {
  it('fans every committed event out to every open connection', async () => {
    const fake = fakeEngine();
    const host = await start(fake.engine);
    const first = await open(host);
    const second = await open(host);
    fake.emit(declared);
    expect(await first.waitFor(1)).toEqual([{ event: declared }]);
    expect(await second.waitFor(1)).toEqual([{ event: declared }]);
  });

  it('stops listening to the engine and closes connections on close()', async () => {
    const fake = fakeEngine();
    const host = await start(fake.engine);
    const client = await open(host);
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    expect(fake.listeners.size).toBe(1);
    await host.close();
    expect(fake.listeners.size).toBe(0);
    expect(await closed).toBe(1001);
  });
});

describe('static files', () => {
  it('serves index.html for / and assets with their content types and security headers', async () => {
    const host = await start(fakeEngine().engine);
    const page = await get(host.port, '/', { Cookie: await signIn(host) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Command Post</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const script = await get(host.port, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("war room");');
  });

  it('refuses every way out of the static folder', async () => {
    const host = await start(fakeEngine().engine);
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      `/${encodeURIComponent(path.join(os.tmpdir(), 'x', '..', 'secret.txt'))}`,
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      const response = await get(host.port, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain('TOP-SECRET');
      expect(response.headers['content-security-policy'], attempt).toBeDefined();
    }
  });

  it('answers 404 for missing files and folders, and 405 for other methods', async () => {
    const host = await start(fakeEngine().engine);
    expect((await get(host.port, '/nope.js')).status).toBe(404);
    expect((await get(host.port, '/assets')).status).toBe(404);
    expect((await get(host.port, '/assets/')).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('says how to build the renderer when there is no build', async () => {
    const host = await start(fakeEngine().engine, { built: false });
    const page = await get(host.port, '/', { Cookie: await signIn(host) });
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build:renderer');
    expect(page.headers['content-security-policy']).toBeDefined();
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('serves only requests addressed to 127.0.0.1:PORT or localhost:PORT; anything else is 421 with a plain message', async () => {
    const host = await start(fakeEngine().engine);
    for (const name of [`127.0.0.1:${host.port}`, `localhost:${host.port}`, `LOCALHOST:${host.port}`]) {
      expect((await get(host.port, '/assets/app.js', { Host: name })).status, name).toBe(200);
    }
    for (const name of [
      `evil.example:${host.port}`,
      'evil.example',
      `127.0.0.1:${host.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${host.port}`,
      `localhost.:${host.port}`,
      `[::1]:${host.port}`,
      `127.0.0.1:${host.port}@evil.example`,
    ]) {
      for (const target of ['/', '/assets/app.js', '/index.html']) {
        const response = await get(host.port, target, { Host: name });
        expect(response.status, `${name} ${target}`).toBe(421);
        expect(response.headers['content-type'], name).toBe('text/plain; charset=utf-8');
        expect(response.body, name).toMatch(/127\.0\.0\.1:\d+/);
        expect(response.body, name).not.toContain('war room');
        expect(response.body, name).not.toContain('<title>');
      }
    }
  });

  it('refuses a WebSocket upgrade addressed to another name, even with the right token', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(wsUrl(host), undefined, { Host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await connect(wsUrl(host), `http://evil.example:${host.port}`, { Host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await connect(wsUrl(host), undefined, { Host: `localhost:${host.port}` })).status).toBe('open');
  });

  it('also answers to a specific --host address the user gave', async () => {
    const host = await start(fakeEngine().engine, { host: '127.0.0.2' });
    const response = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.2', port: host.port, path: '/assets/app.js' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(response).toBe(200);
  });
});

describe('source maps', () => {
  it('are never served, even when a build left them beside the scripts', async () => {
    const host = await start(fakeEngine().engine);
    const map = await get(host.port, '/assets/app.js.map');
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('sources');
    expect((await get(host.port, '/assets/APP.JS.MAP')).status).toBe(404);
  });
});

describe('signing a browser in', () => {
  it('trades a launch code, once, for an HttpOnly SameSite=Strict cookie and a redirect to / (so the code leaves the address bar)', async () => {
    const host = await start(fakeEngine().engine);
    const launch = new URL(host.launchUrl());
    const target = launch.pathname + launch.search;

    const first = await get(host.port, target);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^command-post-[0-9a-f]{12}=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(host.token);
    const cookie = setCookie.split(';')[0]!;

    // A second use is refused, with how to get in; the browser that holds the cookie just goes on.
    const again = await get(host.port, target);
    expect(again.status).toBe(403);
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(again.body).toContain('already been used');
    expect(again.body).toContain('Command Post is running at');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.headers['content-security-policy']).toBeDefined();
    const holder = await get(host.port, target, { Cookie: cookie });
    expect([holder.status, holder.headers.location, holder.headers['set-cookie']]).toEqual([303, '/', undefined]);

    expect((await get(host.port, '/?launch=not-a-code')).status).toBe(403);
    const unspent = new URL(host.launchUrl());
    const head = await fetch(`http://127.0.0.1:${host.port}${unspent.pathname}${unspent.search}`, { method: 'HEAD', redirect: 'manual' });
    expect(head.status, 'a HEAD does not spend a code').toBe(401);
    expect((await get(host.port, unspent.pathname + unspent.search)).status).toBe(303);
    expect((await get(host.port, '/?launch=')).status).toBe(403);
  });

  it('shows a page without the cookie how to get in, and never opens the console for a token in the address', async () => {
    const host = await start(fakeEngine().engine);
    for (const target of ['/', '/index.html', `/?token=${host.token}`]) {
      const page = await get(host.port, target);
      expect(page.status, target).toBe(401);
      expect(page.body, target).toContain('not signed in');
      expect(page.body, target).toContain('npm run serve');
      expect(page.body, target).not.toContain('<title>Command Post</title>');
    }
    expect((await get(host.port, '/', { Cookie: 'command-post-000000000000=' + 'f'.repeat(64) })).status).toBe(401);
    expect((await get(host.port, '/', { Cookie: `other=1; ${await signIn(host)}; more=2` })).status).toBe(200);
  });

  it('lets a page (it sends an Origin) open the WebSocket only with the cookie, never with the token', async () => {
    const host = await start(fakeEngine().engine);
    const cookie = await signIn(host);
    const page = `http://127.0.0.1:${host.port}`;
    expect((await connect(wsUrl(host, null), page, { Cookie: cookie })).status).toBe('open');
    expect((await connect(wsUrl(host), page)).status, '?token= from a page').toBe(401);
    expect((await connect(wsUrl(host, null), page, { Authorization: `Bearer ${host.token}` })).status, 'Bearer from a page').toBe(401);
    expect((await connect(wsUrl(host, null), page, { Cookie: cookie.replace(/=.*/, `=${'0'.repeat(64)}`) })).status).toBe(401);
    expect((await connect(wsUrl(host, null), 'http://evil.example', { Cookie: cookie })).status).toBe(403);
    expect((await connect(wsUrl(host, null), undefined, { Cookie: cookie })).status, 'a cookie without an Origin').toBe(401);
  });

  it('lets a script (no Origin) in with the token as ?token= or Authorization: Bearer', async () => {
    const host = await start(fakeEngine().engine);
    expect((await connect(wsUrl(host, null), undefined, { Authorization: `Bearer ${host.token}` })).status).toBe('open');
    expect((await connect(wsUrl(host))).status).toBe('open');
    expect((await connect(wsUrl(host, null), undefined, { Authorization: `Bearer ${'f'.repeat(64)}` })).status).toBe(401);
    expect((await connect(wsUrl(host, null), undefined, { Authorization: `Basic ${host.token}` })).status).toBe(401);
    expect((await connect(wsUrl(host, 'wrong-token-of-length'), undefined, { Authorization: `Bearer ${host.token}` })).status).toBe(401);
  });

  it('answers /session 204 for a signed-in page and 401 otherwise', async () => {
    const host = await start(fakeEngine().engine);
    expect((await get(host.port, '/session')).status).toBe(401);
    expect((await get(host.port, '/session', { Cookie: await signIn(host) })).status).toBe(204);
  });

  it('gives a script with the token a new single-use launch address (POST /launch), and nobody else', async () => {
    const host = await start(fakeEngine().engine);
    const minted = await post(host.port, '/launch', { Authorization: `Bearer ${host.token}` });
    expect(minted.status).toBe(200);
    const address = new URL(minted.body.trim());
    expect(address.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect((await get(host.port, address.pathname + address.search)).status).toBe(303);
    expect((await get(host.port, address.pathname + address.search)).status).toBe(403);

    expect((await post(host.port, '/launch')).status).toBe(401);
    expect((await post(host.port, '/launch', { Authorization: `Bearer ${'f'.repeat(64)}` })).status).toBe(401);
    const fromPage = await post(host.port, '/launch', { Authorization: `Bearer ${host.token}`, Origin: `http://127.0.0.1:${host.port}` });
    expect(fromPage.status).toBe(403);
    expect((await get(host.port, '/launch')).status).toBe(405);
  });

  it('names its cookie after its own secret, so that two hosts on one machine keep theirs', async () => {
    const first = await start(fakeEngine().engine);
    const second = await start(fakeEngine().engine);
    const [a, b] = [await signIn(first), await signIn(second)];
    expect(a.split('=')[0]).not.toBe(b.split('=')[0]);
    expect((await get(second.port, '/', { Cookie: `${a}; ${b}` })).status).toBe(200);
  });
});
