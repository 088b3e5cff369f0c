import { contentSecurityPolicy } from '../host-web/security-headers';

/** The Electron page talks to main over IPC only, so it may connect nowhere but itself. */
export const WINDOW_CSP = contentSecurityPolicy();

export const MIN_SIZE = { width: 1280, height: 720 } as const;
export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
export const BACKGROUND_COLOR = '#0b0f14';

export interface Size {
  width: number;
  height: number;
}

/** The subset of BrowserWindowConstructorOptions we set; kept here so tests can check it without Electron. */
export interface WindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
  };
}

/** The default size, shrunk to fit the screen's work area but never below the minimum. */
export function windowOptions(preload: string, workArea?: Size): WindowOptions {
  return {
    title: 'Command Post',
    width: fit(DEFAULT_SIZE.width, MIN_SIZE.width, workArea?.width),
    height: fit(DEFAULT_SIZE.height, MIN_SIZE.height, workArea?.height),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on ready-to-show, so the commander never sees a white flash on a dark war-room screen.
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

function fit(preferred: number, minimum: number, available: number | undefined): number {
  return Math.max(minimum, Math.min(preferred, available ?? preferred));
}
