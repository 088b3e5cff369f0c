import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './security-headers';
import { NOT_BUILT_PAGE, contentType, isEntryPath, resolveStaticFile } from './static-files';

/** Serves the built renderer from `staticDir`; anything that is not a file there is a 404. */
export function createStaticHandler(staticDir: string, csp: () => string, log: (message: string) => void) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    serve(staticDir, request, response, securityHeaders(csp())).catch((error: unknown) => {
      log(`static file error: ${describe(error)}`);
      if (!response.headersSent) sendText(response, 500, securityHeaders(csp()), 'Internal error\n');
      else response.destroy();
    });
  };
}

async function serve(
  staticDir: string,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, { ...headers, Allow: 'GET, HEAD' }, 'Method not allowed\n');
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const file = await resolveStaticFile(staticDir, pathname);
  if (file === null) {
    if (isEntryPath(pathname)) sendText(response, 503, headers, NOT_BUILT_PAGE, 'text/html; charset=utf-8');
    else sendText(response, 404, headers, 'Not found\n');
    return;
  }
  const body = await readFile(file);
  response.writeHead(200, { ...headers, 'Content-Type': contentType(file), 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export function sendText(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
