import { WebSocket, type RawData } from 'ws';
import type { Result } from '../../shared/contract/result';
import type { WireReply } from '../../shared/contract/wire';
import type { Engine } from '../core/engine-types';
import { badFrame, failure, parseFrame, type ClientRequest } from './envelope';

/** Requests one connection may have waiting on the engine; more are refused, not queued. */
export const MAX_IN_FLIGHT = 256;
/**
 * A client that stops reading is cut off once this much is queued for it, rather than grow
 * memory. Room for several full states of a 100 000-entry incident (about 41 MB each), so a
 * window that is still reading one large reply is not mistaken for a stalled one.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;

/** Answers one authorized connection's requests through the engine. */
export function serveConnection(socket: WebSocket, engine: Engine, log: (message: string) => void): void {
  let inFlight = 0;

  socket.on('message', (data: RawData, isBinary: boolean) => {
    try {
      const frame = parseFrame(data, isBinary);
      if (!frame.ok) {
        sendReply(socket, badFrame(frame.message), log);
        return;
      }
      if (inFlight >= MAX_IN_FLIGHT) {
        const message = `More than ${MAX_IN_FLIGHT} requests are waiting; wait for replies before sending more.`;
        sendReply(socket, failure(frame.request.id, { code: 'RATE_LIMITED', message }), log);
        return;
      }
      inFlight += 1;
      void answer(engine, frame.request, log)
        .then((reply) => sendReply(socket, reply, log))
        .catch((error: unknown) => log(`could not send a reply: ${describe(error)}`))
        .finally(() => {
          inFlight -= 1;
        });
    } catch (error) {
      log(`could not handle a frame: ${describe(error)}`);
    }
  });
}

async function answer(engine: Engine, request: ClientRequest, log: (message: string) => void): Promise<WireReply> {
  try {
    const result: Result<unknown> = await engine.dispatch(request.command, request.input);
    return result.ok
      ? { id: request.id, ok: true, value: result.value }
      : failure(request.id, { code: result.error.code, message: result.error.message });
  } catch (error) {
    log(`engine.dispatch failed: ${describe(error)}`);
    return failure(request.id, { code: 'INTERNAL', message: 'The engine failed on this request.' });
  }
}

function sendReply(socket: WebSocket, reply: WireReply, log: (message: string) => void): void {
  let text: string;
  try {
    text = JSON.stringify(reply);
  } catch (error) {
    log(`could not serialize a reply: ${describe(error)}`);
    text = JSON.stringify(failure(reply.id, { code: 'INTERNAL', message: 'The reply could not be serialized.' }));
  }
  sendText(socket, text, log);
}

/** Sends if the socket is open; cuts off a client that has stopped reading. */
export function sendText(socket: WebSocket, text: string, log: (message: string) => void): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    log('closing a connection that stopped reading');
    socket.terminate();
    return;
  }
  socket.send(text, (error) => {
    if (error) log(`send failed: ${error.message}`);
  });
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
