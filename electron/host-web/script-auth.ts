import { sameSecret } from './same-secret';

export type ScriptAuth = { ok: true } | { ok: false; reason: string };

/**
 * Scripts, tests and integrations (no Origin) present the long-lived host token, as
 * `Authorization: Bearer TOKEN` or `?token=TOKEN`; every one presented must be right.
 */
export function checkScriptToken(authorization: string | undefined, query: URLSearchParams, token: string): ScriptAuth {
  const presented: string[] = [];
  if (authorization !== undefined) {
    const bearer = /^Bearer ([^\s]+)$/.exec(authorization);
    if (!bearer) return { ok: false, reason: 'The Authorization header must be "Bearer TOKEN"' };
    presented.push(bearer[1]!);
  }
  const fromQuery = query.get('token');
  if (fromQuery !== null) presented.push(fromQuery);
  if (presented.length === 0 || presented.includes('')) return { ok: false, reason: 'Missing token' };
  if (!presented.every((given) => sameSecret(given, token))) return { ok: false, reason: 'Wrong token' };
  return { ok: true };
}
