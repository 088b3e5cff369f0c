import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../host-web/security-headers';
import { NOT_BUILT_PAGE, contentType, isEntryPath, resolveStaticFile } from '../host-web/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Serves `app://command-post/…` from the renderer build, with the window's CSP on every response. */
export function createAppProtocolHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  const headers = securityHeaders(csp);
  const text = (status: number, body: string, type = 'text/plain; charset=utf-8') =>
    new Response(body, { status, headers: { ...headers, 'Content-Type': type } });

  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not found\n');
      if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed\n');
      const file = await resolveStaticFile(rendererDir, url.pathname);
      if (file === null) {
        return isEntryPath(url.pathname)
          ? text(503, NOT_BUILT_PAGE, 'text/html; charset=utf-8')
          : text(404, 'Not found\n');
      }
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType(file) } });
    } catch (error) {
      console.error('app protocol:', error);
      return text(500, 'Internal error\n');
    }
  };
}
