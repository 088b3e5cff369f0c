import type { CommandPostApi, ConnectionState } from '../../shared/contract/api';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/result';
import type { IncidentEvent } from '../../shared/domain/events';

/** What the Electron preload exposes through contextBridge, and nothing more. */
export interface PreloadBridge {
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: IncidentEvent) => void): () => void;
}

declare global {
  interface Window {
    commandPost?: PreloadBridge;
  }
}

/** The contract over the preload bridge. The engine lives in the same app, so it is always live. */
export class ElectronClient implements CommandPostApi {
  constructor(private readonly bridge: PreloadBridge) {}

  async call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
    try {
      return (await this.bridge.invoke(command, input)) as Result<CommandResult<K>>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'UNAVAILABLE', message: `The engine did not answer: ${message}` } };
    }
  }

  onEvent(listener: (event: IncidentEvent) => void): () => void {
    return this.bridge.onEvent(listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    listener('open');
    return () => {};
  }
}
