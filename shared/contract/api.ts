import type { IncidentEvent } from '../domain/events';
import type { CommandInput, CommandName, CommandResult } from './contract';
import type { Result } from './result';

/** `signed-out`: the host is there but refuses this browser (it has no valid session cookie). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'signed-out';

/**
 * What the renderer knows of its host. The Electron preload and the WebSocket client both
 * satisfy it; nothing in the renderer knows which one it has.
 */
export interface CommandPostApi {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>>;
  /** Events in journal order per incident, as they are committed. */
  onEvent(listener: (event: IncidentEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
