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
import { describe, serveConnection } from './connection';
import { hostHeaderValues, pageHostNames, urlHost } from './host-names';
import { createHttpHandler } from './http-handler';
import { createIntakeHandler } from './intake-routes';
import { LaunchCodes } from './launch-codes';
import { contentSecurityPolicy } from './security-headers';
import { DEFAULT_FLOW_LIMITS, SendBudget, type FlowLimits, type Outbox } from './send-budget';
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
  /** The long-lived token scripts present; generated (32 random bytes, hex) when absent. */
  token?: string;
  /** What a signed-in browser's cookie carries; generated when absent (kept in the data directory by the CLI). */
  sessionSecret?: string;
  /** Internal errors; stderr by default. */
  log?: (message: string) => void;
  /** Caps on connections and unsent bytes; DEFAULT_FLOW_LIMITS for any not given. */
  limits?: Partial<FlowLimits>;
  /** The alert intake's own token (not `token`), read at each request so it can be rotated; without one there is no intake. */
  intakeToken?: () => string;
}

export interface RunningHost {
  /** The page address, `http://127.0.0.1:PORT/`; it carries no credentials. */
  url: string;
  /** A new single-use address that signs one browser in: `http://127.0.0.1:PORT/?launch=CODE`. */
  launchUrl(): string;
  port: number;
  token: string;
  /** `http://127.0.0.1:PORT/intake`, or null when there is no intake. */
  intakeUrl: string | null;
  /** Open WebSocket connections and the bytes waiting to be written to them. */
  stats(): { connections: number; bufferedBytes: number };
  /** Closes every connection and stops listening. The engine stays open: its owner closes it. */
  close(): Promise<void>;
}

/** Serves the renderer build over HTTP and the engine's contract over a WebSocket at `/ws`. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { engine, port = 0, host = '127.0.0.1', staticDir = DEFAULT_STATIC_DIR, log = logToStderr } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  const sessionSecret = options.sessionSecret ?? randomBytes(32).toString('hex');
  if (token.length < 16 || sessionSecret.length < 16) throw new Error('The host token and session secret must be at least 16 characters long.');
  const secrets = { token, sessionSecret };
  const codes = new LaunchCodes();

  const names = pageHostNames(host);
  let boundPort = 0;
  const origins = () => names.map((name) => `http://${name}:${boundPort}`);
  const hosts = () => hostHeaderValues(names, boundPort);
  const csp = () => contentSecurityPolicy(names.map((name) => `ws://${name}:${boundPort}`));

  const limits: FlowLimits = { ...DEFAULT_FLOW_LIMITS, ...options.limits };
  const budget = new SendBudget(limits, log);
  const pageAddress = () => `http://${urlHost(host)}:${boundPort}/`;
  const auth = { secrets, codes, pageAddress };
  const intake = options.intakeToken
    ? createIntakeHandler({ token: options.intakeToken, take: (source, body) => engine.intake(source, body), log })
    : null;
  const server = createServer(createHttpHandler({ staticDir, csp, hosts, auth, log, ...(intake ? { intake } : {}) }));
  // A backstop for raw TCP (idle keep-alive, half-open handshakes); WebSockets are capped below with a 503.
  server.maxConnections = limits.maxConnections * 4;
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.frameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const clients = new Map<WebSocket, Outbox>();
  // Counted from the accepted handshake until the socket closes, so a burst cannot slip past.
  let connections = 0;
  let closing: Promise<void> | null = null;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`upgrade socket error: ${error.message}`));
    try {
      if (closing) {
        socket.destroy();
        return;
      }
      const { origin, host: hostHeader, cookie, authorization } = request.headers;
      const verdict = checkUpgrade({ url: request.url, origin, host: hostHeader, cookie, authorization }, secrets, {
        origins: origins(),
        hosts: hosts(),
      });
      if (!verdict.ok) {
        refuse(socket, verdict.status, verdict.reason);
        return;
      }
      if (connections >= limits.maxConnections) {
        refuse(socket, 503, `Too many connections (${limits.maxConnections}); close a tab and retry.`);
        return;
      }
      connections += 1;
      socket.once('close', () => (connections -= 1));
      sockets.handleUpgrade(request, socket, head, (client) => {
        client.on('close', () => clients.delete(client));
        client.on('error', (error) => log(`connection error: ${error.message}`));
        clients.set(client, serveConnection(client, engine, budget, log));
      });
    } catch (error) {
      log(`upgrade failed: ${describe(error)}`);
      socket.destroy();
    }
  });

  await listen(server, port, host);
  server.on('error', (error) => log(`server error: ${describe(error)}`));
  boundPort = (server.address() as AddressInfo).port;

  const unsubscribe = engine.subscribe((event) => push(clients.values(), event, log));

  const shutdown = async (): Promise<void> => {
    unsubscribe();
    await closeClients([...clients.keys()]);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    sockets.close();
  };

  return {
    url: pageAddress(),
    launchUrl: () => `${pageAddress()}?launch=${codes.issue()}`,
    port: boundPort,
    token,
    intakeUrl: intake ? `${pageAddress()}intake` : null,
    stats: () => ({ connections, bufferedBytes: budget.bufferedBytes }),
    close: () => (closing ??= shutdown()),
  };
}

function push(outboxes: Iterable<Outbox>, event: IncidentEvent, log: (message: string) => void): void {
  try {
    const message: WirePush = { event };
    // One buffer for every client: the sockets share it rather than each encoding a copy.
    const data = Buffer.from(JSON.stringify(message));
    for (const outbox of outboxes) outbox.send(data);
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
