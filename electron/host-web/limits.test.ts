import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ok } from '../../shared/contract/result';
import type { ServerMessage } from '../../shared/contract/wire';
import type { IncidentEvent } from '../../shared/domain/events';
import { RawWsClient } from '../../tests/support/raw-ws';
import type { Engine } from '../core/engine-types';
import { MAX_IN_FLIGHT } from './connection';
import { DEFAULT_FLOW_LIMITS, type FlowLimits } from './send-budget';
import { startHost, type RunningHost } from './server';

// Clients that never read: the host must stay bounded in connections and in bytes waiting to
// be written, and stop taking work from a client whose replies pile up.

const KIB = 1024;
const MIB = 1024 * KIB;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function countingEngine(replyBytes: number) {
  const listeners = new Set<(event: IncidentEvent) => void>();
  const stats = { dispatched: 0 };
  const value = 'x'.repeat(replyBytes);
  const engine: Engine = {
    dispatch: async () => {
      stats.dispatched += 1;
      return ok(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake: async () => {},
    syncNow: async () => {},
    intake: async () => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'no intake here' } }),
    close: async () => {},
  };
  return { engine, stats, emit: (event: IncidentEvent) => listeners.forEach((listener) => listener(event)) };
}

async function start(engine: Engine, limits?: Partial<FlowLimits>): Promise<RunningHost> {
  const staticDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-limits-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Command Post</title>');
  cleanups.push(() => rm(staticDir, { recursive: true, force: true }));
  const host = await startHost({ engine, staticDir, log: () => {}, ...(limits ? { limits } : {}) });
  cleanups.push(() => host.close());
  return host;
}

async function raw(host: RunningHost): Promise<RawWsClient> {
  const client = await RawWsClient.open(host.port, `/ws?token=${host.token}`);
  cleanups.push(() => client.destroy());
  return client;
}

/** A well-behaved client that reads everything. */
async function reader(host: RunningHost): Promise<{ socket: WebSocket; received: ServerMessage[] }> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { maxPayload: 256 * MIB });
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  cleanups.push(() => socket.terminate());
  return { socket, received };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

function bigEvent(seq: number, bytes: number): IncidentEvent {
  return {
    id: `ev-${seq}`,
    incidentId: 'INC-1',
    seq,
    at: 1_800_000_000_000,
    actor: 'ic',
    type: 'timeline.logged',
    payload: { text: 'p'.repeat(bytes) },
  } as unknown as IncidentEvent;
}

describe('connections', () => {
  it(`are capped at ${DEFAULT_FLOW_LIMITS.maxConnections}; one more is refused with 503 until one closes`, async () => {
    expect(DEFAULT_FLOW_LIMITS.maxConnections).toBe(64);
    const host = await start(countingEngine(10).engine);
    const open: RawWsClient[] = [];
    for (let i = 0; i < 64; i++) open.push(await raw(host));
    expect(open.map((client) => client.status)).toEqual(Array(64).fill(101));
    expect((await raw(host)).status).toBe(503);
    expect(host.stats().connections).toBe(64);

    open[0]!.destroy();
    await until(() => host.stats().connections === 63, 'the closed connection to be counted out');
    expect((await raw(host)).status).toBe(101);
  });
});

describe('a client that never reads', () => {
  it('is no longer read from once its replies pile up: its requests wait instead of becoming more queued replies', async () => {
    const replyBytes = 64 * KIB;
    const { engine, stats } = countingEngine(replyBytes);
    const host = await start(engine);
    const stalled = [await raw(host), await raw(host)];
    const perClient = 1_500;
    for (let sent = 0; sent < perClient; sent += 100) {
      for (const client of stalled) {
        for (let id = sent; id < sent + 100; id++) client.sendText(JSON.stringify({ id, command: 'incident.list', input: {} }));
      }
      await sleep(5);
    }
    await sleep(500);

    // Before, every request was answered into a queue that only grew (two such clients took
    // the host to 1 GB); now each stalled client gets at most what fills its pipe and the cap.
    expect(stats.dispatched).toBeLessThan(stalled.length * perClient * 0.5);
    expect(host.stats().bufferedBytes).toBeLessThanOrEqual(DEFAULT_FLOW_LIMITS.totalBufferedBytes);

    // A client that reads is served meanwhile.
    const { socket, received } = await reader(host);
    socket.send(JSON.stringify({ id: 'live', command: 'incident.list', input: {} }));
    await until(() => received.some((message) => 'id' in message && message.id === 'live'), 'the reading client’s reply');
  });

  it('cannot hold more than the total cap across clients: the most backlogged is cut off, a reader gets every push', async () => {
    const limits = { pauseAboveBytes: 256 * KIB, clientBufferedBytes: 4 * MIB, totalBufferedBytes: 6 * MIB };
    const fake = countingEngine(10);
    const host = await start(fake.engine, limits);
    const stalled = [await raw(host), await raw(host), await raw(host)];
    const live = await reader(host);
    expect(host.stats().connections).toBe(stalled.length + 1);

    const pushes = 600;
    const pushBytes = 32 * KIB;
    let most = 0;
    for (let seq = 1; seq <= pushes; seq++) {
      fake.emit(bigEvent(seq, pushBytes));
      most = Math.max(most, host.stats().bufferedBytes);
      if (seq % 50 === 0) await sleep(5);
    }
    // 600 pushes of 32 KiB to four clients is 75 MiB; the host never held more than its cap
    // (plus the one message being placed).
    expect(most).toBeLessThanOrEqual(limits.totalBufferedBytes + pushBytes + 1024);
    await until(() => live.received.length === pushes, 'every push at the reading client');
    await until(() => host.stats().connections === 1, 'the stalled clients to be cut off');
    expect(live.received.map((message) => ('event' in message ? message.event.seq : 0))).toEqual(
      Array.from({ length: pushes }, (_, i) => i + 1),
    );
  });

  it(`holds requests that arrive while it is paused within the ${MAX_IN_FLIGHT} in-flight limit, and answers them once it reads again`, async () => {
    const limits = { pauseAboveBytes: 64 * KIB };
    const { engine, stats } = countingEngine(256 * KIB);
    const host = await start(engine, limits);
    const { socket, received } = await reader(host);
    socket.pause();
    // In small batches, so that replies pile up between them as they would from a real window.
    for (let id = 0; id < 200; id++) {
      socket.send(JSON.stringify({ id, command: 'incident.list', input: {} }));
      if (id % 10 === 9) await sleep(20);
    }
    await sleep(300);
    expect(stats.dispatched).toBeLessThan(150);
    socket.resume();
    await until(() => received.length === 200, 'every reply once the client reads');
    expect(received.every((message) => 'ok' in message && message.ok)).toBe(true);
    expect(stats.dispatched).toBe(200);
  });
});
