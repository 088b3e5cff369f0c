import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IntakeTake } from '../core/engine-types';
import { createIntakeHandler } from './intake-routes';
import { securityHeaders } from './security-headers';
import { sendText } from './static-http';

export interface IntakeServer {
  /** `http://HOST:PORT/intake`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The alert intake alone on an address of its own (never the window or its WebSocket): for a
 * war-room machine that monitoring can reach, and for Electron, whose window needs no server.
 */
export async function startIntakeServer(options: { take: IntakeTake; token: () => string; host: string; port: number; log: (message: string) => void }): Promise<IntakeServer> {
  const intake = createIntakeHandler({ token: options.token, take: options.take, log: options.log });
  const headers = securityHeaders("default-src 'none'");
  const server: Server = createServer((request, response) => {
    if (!intake(request, response, headers)) sendText(response, 404, headers, 'Only the alert intake is served here.\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.log(`intake server error: ${error.message}`));
  const port = (server.address() as AddressInfo).port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/intake`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
