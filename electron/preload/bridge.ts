import { isListedCommandName } from '../../shared/contract/command-names';
import type { Result } from '../../shared/contract/result';
import type { IncidentEvent } from '../../shared/domain/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type CommandPostBridge } from '../ipc-channels';

/** The renderer side of Electron's IPC that the bridge uses; the preload passes the real one. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.commandPost`: two functions and nothing else. Unknown command names are refused
 * here, before any IPC; the engine validates the input again on the other side.
 */
export function createBridge(ipc: BridgeIpc): CommandPostBridge {
  return Object.freeze({
    invoke(command: string, input: unknown): Promise<Result<unknown>> {
      if (!isListedCommandName(command)) {
        const name = typeof command === 'string' ? `"${command.slice(0, 60)}"` : `of type ${typeof command}`;
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${name}.` } });
      }
      // Through then(): an input that cannot be cloned throws, and that too must come back as a value.
      return Promise.resolve()
        .then(() => ipc.invoke(INVOKE_CHANNEL, command, input) as Promise<Result<unknown>>)
        .catch((error: unknown) => ({
          ok: false,
          error: { code: 'UNAVAILABLE', message: `The engine did not answer: ${error instanceof Error ? error.message : String(error)}` },
        }));
    },
    onEvent(listener: (event: IncidentEvent) => void): () => void {
      if (typeof listener !== 'function') return () => undefined;
      // The IPC event object (with its sender) stays on this side of the bridge.
      const forward = (_ipcEvent: unknown, event: unknown) => listener(event as IncidentEvent);
      ipc.on(EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, forward);
      };
    },
  });
}
