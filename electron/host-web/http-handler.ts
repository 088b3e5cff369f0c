import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerAuth, type AuthRoutes } from './auth-routes';
import { isAllowedHost, misdirectedMessage } from './host-names';
import { securityHeaders } from './security-headers';
import { createStaticHandler, sendText } from './static-http';

export interface HttpHandlerOptions {
  staticDir: string;
  csp: () => string;
  /** `Host` values this host answers to, e.g. `127.0.0.1:4317`. */
  hosts: () => readonly string[];
  auth: AuthRoutes;
  log: (message: string) => void;
  /** The alert intake (`/intake/…`), answered before anything else once the Host is ours. */
  intake?: (request: IncomingMessage, response: ServerResponse, headers: Record<string, string>) => boolean;
}

/** Every HTTP request: refused unless addressed to one of our names; then signing in; then the static files. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const serveStatic = createStaticHandler(options.staticDir, options.csp, options.log);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const headers = securityHeaders(options.csp());
    const hosts = options.hosts();
    if (!isAllowedHost(request.headers.host, hosts)) {
      sendText(response, 421, headers, misdirectedMessage(hosts));
      return;
    }
    if (options.intake?.(request, response, headers)) return;
    try {
      if (answerAuth(options.auth, request, response, headers)) return;
    } catch (error) {
      options.log(`sign-in request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendText(response, 500, headers, 'Internal error\n');
      return;
    }
    serveStatic(request, response);
  };
}
