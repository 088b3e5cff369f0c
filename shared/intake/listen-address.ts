import type { Result } from '../contract/result';

/** Where the alert intake is also served, alone: an interface address and a port. */
export interface ListenAddress {
  host: string;
  port: number;
}

/**
 * `HOST:PORT`, `[v6]:PORT` or `v6-without-brackets` is refused (its colons make the port
 * ambiguous). Port 0 asks for any free port. Used by `--intake-listen`, Settings and Electron's
 * environment alike, so every way in says the same thing about a bad address.
 */
export function parseListenAddress(text: string): Result<ListenAddress> {
  const trimmed = text.trim();
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(trimmed);
  if (!m || Number(m[2]) > 65_535) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `The intake address must be HOST:PORT (for example 0.0.0.0:9095 or [::]:9095), not "${trimmed.slice(0, 100)}".` } };
  }
  return { ok: true, value: { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) } };
}

/** The address as a person types it back: IPv6 in brackets. */
export function formatListenAddress(address: ListenAddress): string {
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}
