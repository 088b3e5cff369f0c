import type { RawData, WebSocket } from 'ws';
import type { Result } from '../../shared/contract/result';
import type { WireReply } from '../../shared/contract/wire';
import type { Engine } from '../core/engine-types';
import { badFrame, failure, parseFrame, type ClientRequest } from './envelope';
import type { Outbox, SendBudget } from './send-budget';

/** Requests one connection may have waiting on the engine or held; more are refused, not queued. */
export const MAX_IN_FLIGHT = 256;

/**
 * Answers one authorized connection's requests through the engine. While the client's replies
 * pile up unread, its socket is paused and requests already read are held, not dispatched:
 * a client that does not read gets no more work done for it.
 */
export function serveConnection(socket: WebSocket, engine: Engine, budget: SendBudget, log: (message: string) => void): Outbox {
  let inFlight = 0;
  const held: ClientRequest[] = [];
  const outbox = budget.open(socket, () => {
    while (!outbox.paused && held.length > 0) dispatch(held.shift()!);
  });

  const dispatch = (request: ClientRequest): void => {
    inFlight += 1;
    void answer(engine, request, log)
      .then((reply) => sendReply(outbox, reply, log))
      .catch((error: unknown) => log(`could not send a reply: ${describe(error)}`))
      .finally(() => {
        inFlight -= 1;
      });
  };

  socket.on('message', (data: RawData, isBinary: boolean) => {
    try {
      const frame = parseFrame(data, isBinary);
      if (!frame.ok) {
        sendReply(outbox, badFrame(frame.message), log);
        return;
      }
      if (inFlight + held.length >= MAX_IN_FLIGHT) {
        const message = `More than ${MAX_IN_FLIGHT} requests are waiting; wait for replies before sending more.`;
        sendReply(outbox, failure(frame.request.id, { code: 'RATE_LIMITED', message }), log);
        return;
      }
      if (outbox.paused || held.length > 0) held.push(frame.request);
      else dispatch(frame.request);
    } catch (error) {
      log(`could not handle a frame: ${describe(error)}`);
    }
  });
  return outbox;
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

function sendReply(outbox: Outbox, reply: WireReply, log: (message: string) => void): void {
  let text: string;
  try {
    text = JSON.stringify(reply);
  } catch (error) {
    log(`could not serialize a reply: ${describe(error)}`);
    text = JSON.stringify(failure(reply.id, { code: 'INTERNAL', message: 'The reply could not be serialized.' }));
  }
  outbox.send(Buffer.from(text));
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
