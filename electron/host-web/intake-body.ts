import type { IncomingMessage } from 'node:http';

/** A webhook body may not be larger than this (Alertmanager groups of 1 000 alerts fit easily). */
export const INTAKE_MAX_BYTES = 1024 * 1024;
/** A sender slower than this for one body is cut off: a slow client never holds the intake. */
export const INTAKE_READ_MS = 10_000;

export type BodyRead = { ok: true; json: unknown } | { ok: false; status: 400 | 408 | 413 | 415; message: string };

/** Reads and parses a JSON body, refusing at once what is too large, too slow or not JSON. */
export function readJsonBody(request: IncomingMessage, readMs = INTAKE_READ_MS): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > INTAKE_MAX_BYTES) {
      request.resume();
      resolve({ ok: false, status: 413, message: `The body is larger than ${INTAKE_MAX_BYTES} bytes.` });
      return;
    }
    const type = String(request.headers['content-type'] ?? 'application/json').toLowerCase();
    if (!type.startsWith('application/json') && !type.startsWith('text/plain')) {
      request.resume();
      resolve({ ok: false, status: 415, message: 'Send the alert as application/json.' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ ok: false, status: 408, message: `The body did not arrive within ${readMs / 1000} s.` });
    }, readMs);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > INTAKE_MAX_BYTES) {
        finish({ ok: false, status: 413, message: `The body is larger than ${INTAKE_MAX_BYTES} bytes.` });
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', () => finish({ ok: false, status: 400, message: 'The body could not be read.' }));
    request.on('end', () => {
      try {
        finish({ ok: true, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        finish({ ok: false, status: 400, message: 'The body is not JSON.' });
      }
    });
  });
}
