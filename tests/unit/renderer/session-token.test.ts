import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeSessionToken } from '../../../renderer/api/session-token';

let href: string;
let store: Map<string, string>;
const replaceState = vi.fn((_state: unknown, _title: string, url: string) => {
  href = new URL(url, href).href;
});

beforeEach(() => {
  store = new Map();
  replaceState.mockClear();
  vi.stubGlobal('window', {
    get location() {
      return { href };
    },
  });
  vi.stubGlobal('history', { state: null, replaceState });
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('takeSessionToken', () => {
  it('takes the token from the link, keeps it for the tab, and clears it from the address', () => {
    href = 'http://127.0.0.1:4317/?token=s3cret#/incident/INC-1';
    expect(takeSessionToken()).toBe('s3cret');
    expect(href).toBe('http://127.0.0.1:4317/#/incident/INC-1');
    expect(takeSessionToken(), 'a reload still has it').toBe('s3cret');
  });

  it('has nothing to offer a tab that never saw the link', () => {
    href = 'http://127.0.0.1:4317/';
    expect(takeSessionToken()).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });
});
