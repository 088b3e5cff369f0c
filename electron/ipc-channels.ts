import type { Result } from '../shared/contract/result';
import type { IncidentEvent } from '../shared/domain/events';

/** Renderer → main: `(command, input)` answered with a Result. */
export const INVOKE_CHANNEL = 'command-post:invoke';
/** Main → renderer: one committed IncidentEvent per message. */
export const EVENT_CHANNEL = 'command-post:event';
/** The name of the preload's API on `window`. */
export const BRIDGE_NAME = 'commandPost';

/** `window.commandPost`: all the renderer can reach of Electron. */
export interface CommandPostBridge {
  /** Never rejects: an unknown command or a failed IPC comes back as `ok:false`. */
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  /** Returns the function that stops listening. */
  onEvent(listener: (event: IncidentEvent) => void): () => void;
}
