import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LaunchCodes } from './launch-codes';
import { checkScriptToken } from './script-auth';
import { hasSession, sessionCookie } from './session-cookie';
import { signInPage } from './sign-in-page';
import { sendText } from './static-http';
import { isEntryPath } from './static-files';
import type { HostSecrets } from './upgrade-check';

export interface AuthRoutes {
  secrets: HostSecrets;
  codes: LaunchCodes;
  /** `http://127.0.0.1:PORT/` */
  pageAddress: () => string;
}

const HTML = 'text/html; charset=utf-8';

/**
 * The requests about getting in: `/?launch=CODE` trades a launch code for the session cookie,
 * the page itself needs that cookie, `/session` tells a page whether it still has one, and
 * `POST /launch` gives a script (with the host token) a new launch address. True when answered.
 */
export function answerAuth(routes: AuthRoutes, request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): boolean {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const reading = request.method === 'GET' || request.method === 'HEAD';
  const signedIn = hasSession(request.headers.cookie, routes.secrets.sessionSecret);

  if (url.pathname === '/launch') {
    mintLaunchAddress(routes, request, response, headers, url);
    return true;
  }
  if (url.pathname === '/session' && reading) {
    if (signedIn) sendEmpty(response, 204, headers);
    else sendText(response, 401, headers, 'Not signed in: open the address the host printed when it started.\n');
    return true;
  }
  if (!isEntryPath(url.pathname) || !reading) return false;

  // Only a GET spends a code: a HEAD (a link preview, a prefetch) must not.
  const code = request.method === 'GET' ? url.searchParams.get('launch') : null;
  if (code !== null && (signedIn || routes.codes.redeem(code))) {
    // To `/`, so that the code never stays in the address bar (a fragment carries over).
    const cookie: Record<string, string> = signedIn ? {} : { 'Set-Cookie': sessionCookie(routes.secrets.sessionSecret) };
    sendEmpty(response, 303, { ...headers, ...cookie, Location: '/' });
    return true;
  }
  if (code !== null) {
    sendText(response, 403, headers, signInPage('code-used', routes.pageAddress()), HTML);
    return true;
  }
  if (!signedIn) {
    sendText(response, 401, headers, signInPage('no-session', routes.pageAddress()), HTML);
    return true;
  }
  return false;
}

function mintLaunchAddress(
  routes: AuthRoutes,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
  url: URL,
): void {
  if (request.method !== 'POST') {
    sendText(response, 405, { ...headers, Allow: 'POST' }, 'Method not allowed\n');
    return;
  }
  // A page must never mint its own way in: only a script holding the token may.
  if (request.headers.origin !== undefined) {
    sendText(response, 403, headers, 'Launch addresses are given to scripts with the host token, not to pages.\n');
    return;
  }
  const auth = checkScriptToken(request.headers.authorization, url.searchParams, routes.secrets.token);
  if (!auth.ok) {
    sendText(response, 401, headers, `${auth.reason}\n`);
    return;
  }
  sendText(response, 200, headers, `${routes.pageAddress()}?launch=${routes.codes.issue()}\n`);
}

function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Length': 0 });
  response.end();
}
