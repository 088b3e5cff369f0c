import type { IncidentEvent } from '../domain/events';
import type { CommandError } from './result';

// The WebSocket envelope. Requests and replies pair by `id`; pushes carry one event each.

export interface WireRequest {
  id: string | number;
  command: string;
  input: unknown;
}

export type WireReply =
  | { id: string | number | null; ok: true; value: unknown }
  | { id: string | number | null; ok: false; error: CommandError };

export interface WirePush {
  event: IncidentEvent;
}

export type ServerMessage = WireReply | WirePush;

export function isPush(message: ServerMessage): message is WirePush {
  return 'event' in message;
}
