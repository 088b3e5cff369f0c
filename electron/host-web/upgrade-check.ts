import { createHash, timingSafeEqual } from 'node:crypto';
import { isAllowedHost, misdirectedMessage } from './host-names';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404 | 421; reason: string };

export interface UpgradeRequest {
  /** The request target, e.g. `/ws?token=…`. */
  url: string | undefined;
  /** The Origin header; browsers always send it, other clients may not. */
  origin: string | undefined;
  /** The Host header. */
  host: string | undefined;
}

export interface UpgradeAllowed {
  origins: readonly string[];
  /** `Host` values this host answers to. */
  hosts: readonly string[];
}

/**
 * Decides whether a WebSocket upgrade may go ahead: addressed to one of our names, right path,
 * right token, and (if sent) an allowed Origin.
 */
export function checkUpgrade(request: UpgradeRequest, token: string, allowed: UpgradeAllowed): UpgradeVerdict {
  if (!isAllowedHost(request.host, allowed.hosts)) return { ok: false, status: 421, reason: misdirectedMessage(allowed.hosts).trim() };
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'Not found' };
  const given = url.searchParams.get('token');
  if (given === null || given === '') return { ok: false, status: 401, reason: 'Missing token' };
  if (!sameSecret(given, token)) return { ok: false, status: 401, reason: 'Wrong token' };
  if (request.origin !== undefined && !allowed.origins.includes(request.origin)) {
    return { ok: false, status: 403, reason: 'Origin not allowed' };
  }
  return { ok: true };
}

/** Constant-time comparison; hashing first makes the lengths equal without revealing them. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
