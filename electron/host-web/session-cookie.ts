import { createHash } from 'node:crypto';
import { sameSecret } from './same-secret';

/**
 * A browser signed in to this host carries its session secret in a cookie: HttpOnly (no
 * script reads it), SameSite=Strict (no other site's page sends it). Cookies do not tell ports
 * apart, so the name is this data directory's own: two hosts on one machine keep theirs.
 */
export function sessionCookieName(secret: string): string {
  return `command-post-${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;
}

/** The Set-Cookie value that signs a browser in; it lasts as long as the browser session. */
export function sessionCookie(secret: string): string {
  return `${sessionCookieName(secret)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Whether a Cookie header carries this host's session. */
export function hasSession(cookieHeader: string | undefined, secret: string): boolean {
  if (!cookieHeader) return false;
  const name = sessionCookieName(secret);
  return cookieHeader.split(';').some((part) => {
    const at = part.indexOf('=');
    return at > 0 && part.slice(0, at).trim() === name && sameSecret(part.slice(at + 1).trim(), secret);
  });
}
