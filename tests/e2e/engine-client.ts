import WebSocket from 'ws';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/result';
import type { ServerMessage } from '../../shared/contract/wire';

/** A Node-side client of the host's WebSocket, for seeding data faster than a person types. */
export interface EngineClient {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>>;
  close(): Promise<void>;
}

/** A running host as a script knows it: its port, and the token from its data directory. */
export interface EngineTarget {
  readonly port: number;
  readonly token: string;
}

/** Connects as a script does: no Origin, the host token as a Bearer header. */
export async function connectEngine(target: EngineTarget): Promise<EngineClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${target.port}/ws`, { headers: { Authorization: `Bearer ${target.token}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if ('event' in message || typeof message.id !== 'number') return;
    const settle = waiting.get(message.id);
    waiting.delete(message.id);
    settle?.(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
  });
  return {
    call(command, input) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, command, input }));
      return new Promise((resolve) => waiting.set(id, resolve as (result: Result<unknown>) => void));
    },
    close: () =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
