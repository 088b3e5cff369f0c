import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IntakeEndpointView } from '../../shared/contract/contract';
import type { ListenAddress } from '../../shared/intake/listen-address';
import { openEngine } from '../core/engine';
import type { Engine } from '../core/engine-types';
import { createMemorySettings } from '../core/settings/conf-settings';
import { withTempDir } from '../../tests/support/temp-dir';
import { HostIntakeEndpoint } from './intake-endpoint';

const LISTEN_FILE = (dataDir: string) => join(dataDir, 'intake', 'listen.json');

async function open(dataDir: string, commandLineListen: ListenAddress | null = null): Promise<{ engine: Engine; endpoint: HostIntakeEndpoint }> {
  const made = await HostIntakeEndpoint.open(dataDir, { commandLineListen, log: () => undefined });
  if (!made.ok) throw new Error(made.error.message);
  const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'test-ic' }), scheduler: false, intakeEndpoint: made.value });
  return { engine, endpoint: made.value };
}

const view = async (engine: Engine, command: 'intake.endpoint' | 'intake.listen', input: unknown = {}) => {
  const result = await engine.dispatch(command, input);
  return result as { ok: true; value: IntakeEndpointView } | { ok: false; error: { code: string; message: string } };
};

const trigger = (url: string, token: string) =>
  fetch(`${url}/pagerduty/v2/enqueue`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ routing_key: token, event_action: 'trigger', payload: { summary: 'Edge 5xx above 5%', source: 'edge-1', severity: 'error' } }),
  });

/** A port some other program holds, for the refusal. */
async function occupy(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('the intake alone on an address chosen in Settings', () => {
  it('serves it, keeps it for the next start, and stops it', async () => {
    await withTempDir(async (dataDir) => {
      let { engine, endpoint } = await open(dataDir);
      try {
        const none = await view(engine, 'intake.endpoint');
        expect(none.ok && none.value.listen).toEqual({ address: null, url: null, error: null, fromCommandLine: false });

        const served = await view(engine, 'intake.listen', { address: '127.0.0.1:0' });
        if (!served.ok) throw new Error(served.error.message);
        const url = served.value.listen.url!;
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/intake$/);
        expect((await trigger(url, endpoint.token())).status).toBe(202);
        // Only the intake: no page, no WebSocket.
        expect((await fetch(url.replace(/\/intake$/, '/'))).status).toBe(404);
        expect(JSON.parse(await readFile(LISTEN_FILE(dataDir), 'utf8'))).toEqual({ address: '127.0.0.1:0' });

        await engine.close();
        await fetch(url).then(
          () => expect.fail('the intake-only server outlived its engine'),
          () => undefined,
        );
        ({ engine, endpoint } = await open(dataDir));
        const again = await view(engine, 'intake.endpoint');
        expect(again.ok && again.value.listen.address).toBe('127.0.0.1:0');
        const reopened = again.ok ? again.value.listen.url : null;
        expect(reopened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/intake$/);

        const stopped = await view(engine, 'intake.listen', { address: null });
        expect(stopped.ok && stopped.value.listen).toEqual({ address: null, url: null, error: null, fromCommandLine: false });
        await expect(fetch(reopened!)).rejects.toThrow();
        await expect(readFile(LISTEN_FILE(dataDir))).rejects.toThrow();
      } finally {
        await engine.close();
      }
    });
  });

  it('refuses a port in use and a bad address, keeps serving the old one and saves nothing', async () => {
    await withTempDir(async (dataDir) => {
      const { engine, endpoint } = await open(dataDir);
      const taken = await occupy();
      try {
        const first = await view(engine, 'intake.listen', { address: '127.0.0.1:0' });
        if (!first.ok) throw new Error(first.error.message);
        const saved = await readFile(LISTEN_FILE(dataDir), 'utf8');

        const busy = await view(engine, 'intake.listen', { address: `127.0.0.1:${taken.port}` });
        expect(busy.ok).toBe(false);
        if (!busy.ok) {
          expect(busy.error.code).toBe('UNAVAILABLE');
          expect(busy.error.message).toContain(`127.0.0.1:${taken.port}: the port is in use`);
        }
        for (const bad of ['9095', 'http://0.0.0.0:9095', '0.0.0.0:70000', 'x'.repeat(301)]) {
          const refused = await view(engine, 'intake.listen', { address: bad });
          expect(refused.ok ? null : refused.error.code).toMatch(/INVALID_INPUT|TOO_LARGE/);
        }
        const still = await view(engine, 'intake.endpoint');
        expect(still.ok && still.value.listen.url).toBe(first.value.listen.url);
        expect((await trigger(first.value.listen.url!, endpoint.token())).status).toBe(202);
        expect(await readFile(LISTEN_FILE(dataDir), 'utf8')).toBe(saved);
      } finally {
        taken.server.close();
        await engine.close();
      }
    });
  });

  it('moves the same port to another interface (freeing its own listener first)', async () => {
    await withTempDir(async (dataDir) => {
      const { engine, endpoint } = await open(dataDir);
      try {
        const loopback = await view(engine, 'intake.listen', { address: '127.0.0.1:0' });
        if (!loopback.ok) throw new Error(loopback.error.message);
        const port = Number(new URL(loopback.value.listen.url!).port);
        const everywhere = await view(engine, 'intake.listen', { address: `0.0.0.0:${port}` });
        if (!everywhere.ok) throw new Error(everywhere.error.message);
        expect(everywhere.value.listen.url).toBe(`http://0.0.0.0:${port}/intake`);
        expect((await trigger(`http://127.0.0.1:${port}/intake`, endpoint.token())).status).toBe(202);
      } finally {
        await engine.close();
      }
    });
  });

  it('--intake-listen wins over the saved address for this run; a damaged saved file is said, not served', async () => {
    await withTempDir(async (dataDir) => {
      await mkdir(join(dataDir, 'intake'), { recursive: true });
      await writeFile(LISTEN_FILE(dataDir), '{"address": "0.0.0.0:9095", "extra": true}');
      let { engine } = await open(dataDir);
      try {
        const damaged = await view(engine, 'intake.endpoint');
        expect(damaged.ok && damaged.value.listen.url).toBeNull();
        expect(damaged.ok && damaged.value.listen.error).toMatch(/listen\.json is not \{"address": "HOST:PORT"\}/);
        await engine.close();

        ({ engine } = await open(dataDir, { host: '127.0.0.1', port: 0 }));
        const given = await view(engine, 'intake.endpoint');
        expect(given.ok && given.value.listen).toMatchObject({ address: '127.0.0.1:0', error: null, fromCommandLine: true });
        expect(given.ok && given.value.listen.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/intake$/);
      } finally {
        await engine.close();
      }
    });
  });

  it('a console without an intake says so', async () => {
    await withTempDir(async (dataDir) => {
      const engine = await openEngine({ dataDir, settings: createMemorySettings({}), scheduler: false });
      try {
        const refused = await view(engine, 'intake.listen', { address: '127.0.0.1:0' });
        expect(refused.ok ? null : refused.error.code).toBe('UNAVAILABLE');
      } finally {
        await engine.close();
      }
    });
  });
});
