import type { CommandError } from '../../shared/contract/result';
import type { WireReply } from '../../shared/contract/wire';

/** A request as it arrived: the engine validates `command` and `input`, the host only the `id`. */
export interface ClientRequest {
  id: string | number;
  command: unknown;
  input: unknown;
}

export type ParsedFrame = { ok: true; request: ClientRequest } | { ok: false; message: string };

/** Reads one client frame; anything but a JSON object with a string or number `id` is refused. */
export function parseFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ParsedFrame {
  if (isBinary) return { ok: false, message: 'Binary frames are not accepted; send JSON text.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(toText(data));
  } catch {
    return { ok: false, message: 'The frame is not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'The frame must be a JSON object {id, command, input}.' };
  }
  const frame = parsed as Record<string, unknown>;
  const id = frame.id;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    return { ok: false, message: 'The frame needs an `id` that is a string or a number.' };
  }
  return { ok: true, request: { id, command: frame.command, input: frame.input } };
}

export function badFrame(message: string): WireReply {
  return { id: null, ok: false, error: { code: 'BAD_FRAME', message } };
}

export function failure(id: ClientRequest['id'] | null, error: CommandError): WireReply {
  return { id, ok: false, error };
}

function toText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
