import { isAllowedHost, misdirectedMessage } from './host-names';
import { checkScriptToken } from './script-auth';
import { hasSession } from './session-cookie';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404 | 421; reason: string };

export interface UpgradeRequest {
  /** The request target, e.g. `/ws?token=…`. */
  url: string | undefined;
  /** The Origin header; browsers always send it, other clients may not. */
  origin: string | undefined;
  host: string | undefined;
  cookie: string | undefined;
  authorization: string | undefined;
}

export interface HostSecrets {
  /** The long-lived token scripts present. */
  token: string;
  /** What a signed-in browser's cookie carries. */
  sessionSecret: string;
}

export interface UpgradeAllowed {
  origins: readonly string[];
  /** `Host` values this host answers to. */
  hosts: readonly string[];
}

/**
 * Decides whether a WebSocket upgrade may go ahead: addressed to one of our names, on `/ws`,
 * then either a page (it sends an Origin) of ours with the session cookie, or a script (no
 * Origin) with the host token. A page never gets in with the token: it would have to carry it
 * in its address.
 */
export function checkUpgrade(request: UpgradeRequest, secrets: HostSecrets, allowed: UpgradeAllowed): UpgradeVerdict {
  if (!isAllowedHost(request.host, allowed.hosts)) return { ok: false, status: 421, reason: misdirectedMessage(allowed.hosts).trim() };
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'Not found' };
  if (request.origin !== undefined) {
    if (!allowed.origins.includes(request.origin)) return { ok: false, status: 403, reason: 'Origin not allowed' };
    if (!hasSession(request.cookie, secrets.sessionSecret)) {
      return { ok: false, status: 401, reason: 'Not signed in: open the address the host printed when it started' };
    }
    return { ok: true };
  }
  const script = checkScriptToken(request.authorization, url.searchParams, secrets.token);
  return script.ok ? { ok: true } : { ok: false, status: 401, reason: script.reason };
}
