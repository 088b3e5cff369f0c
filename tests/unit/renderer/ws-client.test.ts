import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../shared/contract/api';
import { LIMITS } from '../../../shared/contract/limits';
import type { IncidentEvent } from '../../../shared/domain/events';

class FakeSocket {
  static all: FakeSocket[] = [];
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(frame: string) {
    this.sent.push(JSON.parse(frame));
  }
  open() {
    this.onopen?.();
  }
  close() {
    this.onclose?.();
  }
  reply(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1]!;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', { addEventListener: () => undefined, location: { protocol: 'http:', host: '127.0.0.1:4317' } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function client() {
  const { WsClient } = await import('../../../renderer/api/ws-client');
  return new WsClient('ws://127.0.0.1:4317/ws');
}

describe('WsClient', () => {
  it('queues calls until the socket opens, then pairs each reply with its request', async () => {
    const api = await client();
    const list = api.call('incident.list', {});
    const get = api.call('incident.get', { incidentId: 'INC-1' });
    expect(latest().sent).toEqual([]);
    latest().open();
    const [first, second] = latest().sent as { id: number; command: string }[];
    expect([first!.command, second!.command]).toEqual(['incident.list', 'incident.get']);
    latest().reply({ id: second!.id, ok: false, error: { code: 'NOT_FOUND', message: 'no such incident' } });
    latest().reply({ id: first!.id, ok: true, value: [] });
    expect(await list).toEqual({ ok: true, value: [] });
    expect(await get).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no such incident' } });
  });

  it('passes pushed events to listeners', async () => {
    const api = await client();
    const seen: IncidentEvent[] = [];
    api.onEvent((event) => seen.push(event));
    latest().open();
    const event = { id: 'e1', incidentId: 'INC-1', seq: 2, at: 1, actor: 'a', type: 'timeline.logged', payload: {} };
    latest().reply({ event });
    expect(seen).toEqual([event]);
  });

  it('answers an unanswered call when the line drops, reconnects with backoff and announces it', async () => {
    const api = await client();
    const states: ConnectionState[] = [];
    api.onConnection((state) => states.push(state));
    latest().open();
    const pending = api.call('incident.list', {});
    latest().close();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAVAILABLE');
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeSocket.all.length).toBeGreaterThan(1);
    latest().open();
    expect(states).toEqual(['connecting', 'open', 'closed', 'open']);
  });

  it('tells a caller nothing was sent when no connection comes in time', async () => {
    const api = await client();
    const pending = api.call('incident.list', {});
    await vi.advanceTimersByTimeAsync(16_000);
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nothing was sent/);
  });

  it('refuses a frame larger than the host accepts without sending it', async () => {
    const api = await client();
    latest().open();
    const tooBig = 'x'.repeat(LIMITS.frameBytes + 1);
    const result = await api.call('incident.declare', { title: tooBig, severity: 'SEV1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('TOO_LARGE');
    expect(latest().sent).toEqual([]);
  });

  it('says signed-out when the socket is refused and /session answers 401, and gets back in once the browser signs in', async () => {
    const session = vi.fn(async () => ({ status: 401 }));
    vi.stubGlobal('fetch', session);
    const api = await client();
    const states: ConnectionState[] = [];
    api.onConnection((state) => states.push(state));
    latest().close();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'signed-out']);
    expect(session).toHaveBeenCalledWith('/session', expect.objectContaining({ credentials: 'same-origin' }));

    // Another tab opens a new launch address: this one's next attempt gets in.
    await vi.advanceTimersByTimeAsync(5_000);
    latest().open();
    expect(states).toEqual(['connecting', 'signed-out', 'open']);
  });

  it('says closed when the socket is refused and the host does not answer at all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const api = await client();
    const states: ConnectionState[] = [];
    api.onConnection((state) => states.push(state));
    latest().close();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'closed']);
  });
});
