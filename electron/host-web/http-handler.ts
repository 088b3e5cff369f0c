import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAllowedHost, misdirectedMessage } from './host-names';
import { securityHeaders } from './security-headers';
import { createStaticHandler, sendText } from './static-http';

export interface HttpHandlerOptions {
  staticDir: string;
  csp: () => string;
  /** `Host` values this host answers to, e.g. `127.0.0.1:4317`. */
  hosts: () => readonly string[];
  log: (message: string) => void;
}

/** Every HTTP request: refused unless addressed to one of our names, then the static files. */
export function createHttpHandler(options: HttpHandlerOptions) {
  const serveStatic = createStaticHandler(options.staticDir, options.csp, options.log);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const hosts = options.hosts();
    if (!isAllowedHost(request.headers.host, hosts)) {
      sendText(response, 421, securityHeaders(options.csp()), misdirectedMessage(hosts));
      return;
    }
    serveStatic(request, response);
  };
}
