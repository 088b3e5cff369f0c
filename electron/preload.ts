import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCommandName } from '../shared/contract/contract';
import type { Result } from '../shared/contract/result';
import type { IncidentEvent } from '../shared/domain/events';
import { BRIDGE_NAME, EVENT_CHANNEL, INVOKE_CHANNEL, type CommandPostBridge } from './ipc-channels';

// Sandboxed: this file is bundled to one CommonJS file and may require only 'electron'.

const bridge: CommandPostBridge = {
  invoke(command: string, input: unknown): Promise<Result<unknown>> {
    if (!isCommandName(command)) {
      const name = typeof command === 'string' ? `"${command.slice(0, 60)}"` : `of type ${typeof command}`;
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${name}.` } });
    }
    return (ipcRenderer.invoke(INVOKE_CHANNEL, command, input) as Promise<Result<unknown>>).catch(
      (error: unknown) => ({
        ok: false,
        error: { code: 'UNAVAILABLE', message: `The engine did not answer: ${error instanceof Error ? error.message : String(error)}` },
      }),
    );
  },
  onEvent(listener: (event: IncidentEvent) => void): () => void {
    if (typeof listener !== 'function') return () => undefined;
    // The IPC event object (with its sender) stays on this side of the bridge.
    const forward = (_ipcEvent: IpcRendererEvent, event: IncidentEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
