import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offStatus } from '../../../shared/sync/sync-status';

const call = vi.fn();
vi.mock('../../../renderer/api', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { setConnectionState } = await import('../../../renderer/store/connection-store');
const { pollSyncStatus, useSyncStatus, SYNC_POLL_MS } = await import('../../../renderer/store/sync-status-store');

let stop: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  call.mockReset();
  call.mockImplementation(async () => ({ ok: true, value: offStatus('c-1') }));
  setConnectionState('connecting');
  useSyncStatus.setState({ status: null });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the sync status poll', () => {
  it('asks only while the window is connected', async () => {
    stop = pollSyncStatus();
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS * 3);
    expect(call).not.toHaveBeenCalled();

    setConnectionState('open');
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toHaveBeenCalledTimes(1);
    expect(useSyncStatus.getState().status?.state).toBe('off');
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(call).toHaveBeenCalledTimes(2);

    setConnectionState('closed');
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS * 4);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('never has two questions out at once, however the connection flaps', async () => {
    let answer: (() => void) | null = null;
    call.mockImplementation(() => new Promise((resolve) => (answer = () => resolve({ ok: true, value: offStatus('c-1') }))));
    setConnectionState('open');
    stop = pollSyncStatus();
    expect(call).toHaveBeenCalledTimes(1);
    setConnectionState('closed');
    setConnectionState('open');
    expect(call).toHaveBeenCalledTimes(1);
    answer!();
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('keeps the last answer when the engine refuses one', async () => {
    setConnectionState('open');
    stop = pollSyncStatus();
    await vi.advanceTimersByTimeAsync(0);
    call.mockImplementation(async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'busy' } }));
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(useSyncStatus.getState().status?.state).toBe('off');
  });
});
