import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The browser page signs in with an HttpOnly cookie the host set; it never takes a secret from
// its address, keeps one in storage, or puts one in the WebSocket address.

const opened: string[] = [];
const stored = new Map<string, string>();
const replaceState = vi.fn();

beforeEach(() => {
  vi.resetModules();
  opened.length = 0;
  stored.clear();
  stored.set('commandPost.token', 'from-an-older-tab');
  replaceState.mockClear();
  vi.stubGlobal(
    'WebSocket',
    class {
      constructor(readonly url: string) {
        opened.push(url);
      }
      send() {}
      close() {}
    },
  );
  vi.stubGlobal('window', {
    addEventListener: () => undefined,
    location: { href: 'http://127.0.0.1:4317/?token=s3cret#/incident/INC-1', protocol: 'http:', host: '127.0.0.1:4317' },
  });
  vi.stubGlobal('history', { state: null, replaceState });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('the browser page’s connection', () => {
  it('opens ws://HOST/ws with no token, whatever its address or storage holds', async () => {
    await import('../../../renderer/api/index');
    expect(opened).toEqual(['ws://127.0.0.1:4317/ws']);
    expect(replaceState).not.toHaveBeenCalled();
    expect(stored.get('commandPost.token')).toBe('from-an-older-tab');
  });
});
