import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/contract/result';
import type { IntakeResult, IntakeSource } from '../core/intake/take-in';
import { readJsonBody } from './intake-body';
import { RateLimiter } from './rate-limit';

export interface IntakeRoutes {
  /** The intake token (not the window's): the bearer Alertmanager and Grafana send, PagerDuty's routing key. */
  token: () => string;
  take: (source: IntakeSource, body: unknown) => Promise<Result<IntakeResult>>;
  limiter?: RateLimiter;
  log: (message: string) => void;
  /** How long a sender may take to send one body (INTAKE_READ_MS unless a test says otherwise). */
  readMs?: number;
}

const PATHS: Record<string, IntakeSource> = {
  '/intake/alertmanager': 'alertmanager',
  '/intake/grafana': 'grafana',
  '/intake/pagerduty/v2/enqueue': 'pagerduty',
};

/** A sender retries after a 503; a journal that refuses writes is fixed by a person, not in a second. */
const RETRY_AFTER_S = 5;
const defaultLimiter = () => new RateLimiter(60, 30);

/**
 * The alert intake: `POST /intake/alertmanager`, `/intake/grafana`, `/intake/pagerduty/v2/enqueue`.
 * Answers 2xx only once what the alert changed is durable; every refusal changes nothing.
 * Returns false for any other path.
 */
export function createIntakeHandler(routes: IntakeRoutes) {
  const limiter = routes.limiter ?? defaultLimiter();
  return (request: IncomingMessage, response: ServerResponse, headers: Record<string, string>): boolean => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith('/intake/') && path !== '/intake') return false;
    const source = PATHS[path];
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      const text = `${JSON.stringify(body)}\n`;
      response.writeHead(status, { ...headers, ...extra, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
    };
    const pagerDuty = source === 'pagerduty';
    const refuse = (status: number, message: string, errors: string[] = [message], extra: Record<string, string> = {}) =>
      send(status, pagerDuty ? { status: status === 400 ? 'invalid event' : 'error', message, errors } : { status: 'error', message, errors }, extra);
    if (!source) {
      request.resume();
      refuse(404, 'Not an intake: POST to /intake/alertmanager, /intake/grafana or /intake/pagerduty/v2/enqueue.');
      return true;
    }
    if (request.method !== 'POST') {
      request.resume();
      refuse(405, 'Send alerts with POST.', undefined, { Allow: 'POST' });
      return true;
    }
    if (!limiter.take(source)) {
      request.resume();
      refuse(429, 'Too many requests to this intake; slow down.', undefined, { 'Retry-After': '1' });
      return true;
    }
    const bearer = bearerOf(request);
    if (!pagerDuty && !matches(bearer, routes.token())) {
      request.resume();
      refuse(401, 'Missing or wrong intake token: send Authorization: Bearer <intake token>.', undefined, { 'WWW-Authenticate': 'Bearer' });
      return true;
    }
    void readJsonBody(request, routes.readMs).then(async (read) => {
      if (!read.ok) {
        // A sender that stalls is told why, then cut off: it does not hold the connection.
        if (read.status === 408) response.once('finish', () => request.destroy());
        refuse(read.status, read.message, undefined, read.status === 408 ? { Connection: 'close' } : {});
        return;
      }
      if (pagerDuty && !matches(bearer, routes.token()) && !matches(routingKeyOf(read.json), routes.token())) {
        refuse(400, 'Event object is invalid', ["'routing_key' is not this console's intake token"]);
        return;
      }
      let result: Result<IntakeResult>;
      try {
        result = await routes.take(source, read.json);
      } catch (error) {
        routes.log(`intake failed: ${error instanceof Error ? error.message : String(error)}`);
        refuse(503, 'The console could not record the alert; try again.', undefined, { 'Retry-After': String(RETRY_AFTER_S) });
        return;
      }
      if (!result.ok) {
        if (result.error.code === 'INVALID_INPUT') refuse(400, pagerDuty ? 'Event object is invalid' : 'The alert notification is not valid.', result.error.message.split('\n'));
        else refuse(503, `The console could not record the alert: ${result.error.message}`, undefined, { 'Retry-After': String(RETRY_AFTER_S) });
        return;
      }
      const r = result.value;
      if (pagerDuty) send(202, { status: 'success', message: 'Event processed', dedup_key: r.dedupKey });
      else send(200, { status: 'success', incidents: r.incidentIds, created: r.created, logged: r.logged, unchanged: r.unchanged });
    });
    return true;
  };
}

function bearerOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

function routingKeyOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const key = (body as Record<string, unknown>).routing_key;
  return typeof key === 'string' ? key : null;
}

/** Constant time, so that the token cannot be guessed a character at a time. */
function matches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
