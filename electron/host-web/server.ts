import { randomBytes } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../../shared/contract/limits';
import type { WirePush } from '../../shared/contract/wire';
import type { IncidentEvent } from '../../shared/domain/events';
import type { Engine } from '../core/engine-types';
import { describe, sendText, serveConnection } from './connection';
import { hostHeaderValues, pageHostNames, urlHost } from './host-names';
import { createHttpHandler } from './http-handler';
import { contentSecurityPolicy } from './security-headers';
import { checkUpgrade } from './upgrade-check';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const CLOSE_GRACE_MS = 1000;

export interface HostOptions {
  engine: Engine;
  /** 0 picks a free port (the default). */
  port?: number;
  /** The address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** The built renderer; `out/renderer` of this repository by default. */
  staticDir?: string;
  /** Generated (32 random bytes, hex) when absent. */
  token?: string;
  /** Internal errors; stderr by default. */
  log?: (message: string) => void;
}

export interface RunningHost {
  /** The page to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  /** Closes every connection and stops listening. The engine stays open: its owner closes it. */
  close(): Promise<void>;
}

/** Serves the renderer build over HTTP and the engine's contract over a WebSocket at `/ws`. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { engine, port = 0, host = '127.0.0.1', staticDir = DEFAULT_STATIC_DIR, log = logToStderr } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  if (token.length < 16) throw new Error('The host token must be at least 16 characters long.');

  const names = pageHostNames(host);
  let boundPort = 0;
  const origins = () => names.map((name) => `http://${name}:${boundPort}`);
  const hosts = () => hostHeaderValues(names, boundPort);
  const csp = () => contentSecurityPolicy(names.map((name) => `ws://${name}:${boundPort}`));

  const server = createServer(createHttpHandler({ staticDir, csp, hosts, log }));
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.frameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const clients = new Set<WebSocket>();
  let closing: Promise<void> | null = null;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`upgrade socket error: ${error.message}`));
    try {
      if (closing) {
        socket.destroy();
        return;
      }
      const verdict = checkUpgrade(
        { url: request.url, origin: request.headers.origin, host: request.headers.host },
        token,
        { origins: origins(), hosts: hosts() },
      );
      if (!verdict.ok) {
        refuse(socket, verdict.status, verdict.reason);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (client) => {
        clients.add(client);
        client.on('close', () => clients.delete(client));
        client.on('error', (error) => log(`connection error: ${error.message}`));
        serveConnection(client, engine, log);
      });
    } catch (error) {
      log(`upgrade failed: ${describe(error)}`);
      socket.destroy();
    }
  });

  await listen(server, port, host);
  server.on('error', (error) => log(`server error: ${describe(error)}`));
  boundPort = (server.address() as AddressInfo).port;

  const unsubscribe = engine.subscribe((event) => push(clients, event, log));

  const shutdown = async (): Promise<void> => {
    unsubscribe();
    await closeClients([...clients]);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    sockets.close();
  };

  return {
    url: `http://${urlHost(host)}:${boundPort}/?token=${token}`,
    port: boundPort,
    token,
    close: () => (closing ??= shutdown()),
  };
}

function push(clients: ReadonlySet<WebSocket>, event: IncidentEvent, log: (message: string) => void): void {
  try {
    const message: WirePush = { event };
    const text = JSON.stringify(message);
    for (const client of clients) sendText(client, text, log);
  } catch (error) {
    log(`could not push an event: ${describe(error)}`);
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Asks each client to close, then cuts off those that have not within the grace period. */
async function closeClients(open: WebSocket[]): Promise<void> {
  const closed = open.map((client) => new Promise<void>((resolve) => client.once('close', () => resolve())));
  for (const client of open) client.close(1001, 'Command Post is shutting down');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(closed),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_GRACE_MS);
    }),
  ]);
  clearTimeout(timer);
  for (const client of open) client.terminate();
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function logToStderr(message: string): void {
  process.stderr.write(`[command-post host] ${message}\n`);
}
