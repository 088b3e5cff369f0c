import { isTrustedSender } from './app-url';

/** The parts of an IPC event that say who sent it (Electron's IpcMainInvokeEvent has them). */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

export interface SenderFrame {
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
}

/** The parts of our window the check compares against (a BrowserWindow has them). */
export interface OurWindow {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: { readonly processId: number; readonly routingId: number } };
}

/** True only for a message from the main frame of our own window, showing our own page. */
export function isFromOurPage(event: SenderEvent, window: OurWindow | null): boolean {
  if (window === null || window.isDestroyed()) return false;
  try {
    const frame = event.senderFrame;
    const main = window.webContents.mainFrame;
    return isTrustedSender({
      fromOurWindow: event.sender.id === window.webContents.id,
      isMainFrame:
        frame !== null &&
        frame.parent === null &&
        frame.processId === main.processId &&
        frame.routingId === main.routingId,
      url: frame?.url ?? '',
    });
  } catch {
    // A frame that navigated away or was destroyed mid-call throws on access.
    return false;
  }
}
