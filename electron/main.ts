import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Notification,
  app,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import Store from 'electron-store';
import { fail, type Result } from '../shared/contract/result';
import { alertFor } from '../shared/domain/alerts';
import type { IncidentEvent } from '../shared/domain/events';
import { openEngine } from './core/engine';
import { HostIntakeEndpoint } from './host-web/intake-endpoint';
import { parseListenAddress } from '../shared/intake/listen-address';
import { startIntakeServer, type IntakeServer } from './host-web/intake-server';
import { createPgPort } from './core/sync/pg/pg-port';
import { safeSecretStore } from './main/safe-secret';
import type { Engine } from './core/engine-types';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import { createAppProtocolHandler } from './main/app-protocol';
import { APP_ENTRY_URL, APP_SCHEME } from './main/app-url';
import { isFromOurPage } from './main/ipc-sender';
import { guardNavigation } from './main/navigation';
import { denyPermissionCheck, denyPermissionRequest } from './main/permissions';
import { openSettingsFile } from './main/settings-file';
import { WINDOW_CSP, windowOptions } from './main/window-options';

// Paths are relative to the bundle, out/main/main.js.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

let engine: Engine | null = null;
let intakeServer: IntakeServer | null = null;

/**
 * The alert intake, as the browser host serves it: on 127.0.0.1:4318 (or
 * COMMAND_POST_INTAKE_LISTEN=HOST:PORT) with its own token in the data folder, and alone on the
 * address chosen in Settings. A port in use is said and skipped: the console works without it.
 */
let intake: HostIntakeEndpoint | null = null;

async function openIntakeEndpoint(dataDir: string): Promise<HostIntakeEndpoint | undefined> {
  const opened = await HostIntakeEndpoint.open(dataDir, { log: (m) => console.error(m) });
  if (!opened.ok) {
    console.error(`No alert intake: the token ${opened.error.message}`);
    return undefined;
  }
  intake = opened.value;
  return intake;
}

async function startAlertIntake(opened: Engine): Promise<void> {
  const endpoint = intake;
  if (!endpoint) return;
  const where = parseListenAddress(process.env.COMMAND_POST_INTAKE_LISTEN ?? '127.0.0.1:4318');
  if (!where.ok) {
    console.error(`No alert intake: COMMAND_POST_INTAKE_LISTEN: ${where.error.message}`);
    return;
  }
  try {
    intakeServer = await startIntakeServer({ take: (source, body) => opened.intake(source, body), token: () => endpoint.token(), ...where.value, log: (m) => console.error(m) });
    endpoint.setLoopbackUrl(intakeServer.url);
  } catch (error) {
    console.error(`No alert intake: ${(error as Error).message}`);
  }
}
let mainWindow: BrowserWindow | null = null;
let quitState: 'running' | 'closing-engine' | 'ready-to-quit' = 'running';

// A separate profile (end-to-end tests, a second console beside the first): set before
// anything reads userData, and before the single-instance lock, which is per userData.
const userDataOverride = process.env.COMMAND_POST_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitState === 'ready-to-quit' || engine === null) return;
    // Hold the quit until the engine has flushed its journals.
    event.preventDefault();
    if (quitState === 'closing-engine') return;
    quitState = 'closing-engine';
    void intakeServer?.close();
    engine
      .close()
      .catch((error: unknown) => console.error('Closing the engine failed:', error))
      .finally(() => {
        quitState = 'ready-to-quit';
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, WINDOW_CSP));

  // An unreadable settings file is kept aside and the defaults used, rather than locking the
  // commander out mid-incident; the window says where the file went.
  const settings = openSettingsFile(app.getPath('userData'), (options) => new Store<Record<string, unknown>>(options));
  const dataDir = path.join(app.getPath('userData'), 'incidents-data');
  const syncUrl = process.env.COMMAND_POST_SYNC_URL;
  const endpoint = await openIntakeEndpoint(dataDir);
  const opened = await openEngine({
    dataDir,
    settings,
    renderPdf,
    ...(endpoint ? { intakeEndpoint: endpoint } : {}),
    // The team database password is sealed by the OS keychain; the engine sees only the port.
    sync: {
      factory: createPgPort,
      secrets: safeSecretStore(path.join(dataDir, 'sync', 'password.sealed'), safeStorage),
      override: syncUrl ? { url: syncUrl, ...(process.env.COMMAND_POST_SYNC_TEAM ? { team: process.env.COMMAND_POST_SYNC_TEAM } : {}) } : null,
    },
  });
  engine = opened;
  const titles = new Map<string, { title: string; drill: boolean }>();
  opened.subscribe((event) => {
    if (event.type === 'incident.declared' || event.type === 'incident.detected') titles.set(event.incidentId, { title: event.payload.title, drill: event.payload.drill !== undefined });
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
    notify(event, titles.get(event.incidentId) ?? { title: event.incidentId, drill: false }, settings.read().alertSound);
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, command: unknown, input: unknown) => invoke(event, command, input));
  void startAlertIntake(opened);
  // Deadlines that passed while the laptop slept fire now, not at the next scheduled timer.
  const wake = () => {
    opened.wake().catch((error: unknown) => console.error('Checking the clocks failed:', error));
  };
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);

  createWindow();
  app.on('activate', () => {
    if (mainWindow === null) createWindow();
  });
}

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(PRELOAD_PATH, screen.getPrimaryDisplay().workAreaSize));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('focus', () => window.flashFrame(false));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Loading the console failed:', error));
}

async function invoke(event: IpcMainInvokeEvent, command: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isFromOurPage(event, mainWindow)) return fail('UNAUTHORIZED', 'Commands are accepted only from the Command Post window.');
  if (engine === null || quitState !== 'running') return fail('UNAVAILABLE', 'The engine is not running.');
  try {
    return await engine.dispatch(command, input);
  } catch (error) {
    console.error('engine.dispatch failed:', error);
    return fail('INTERNAL', 'The engine failed on this request.');
  }
}

/** A fired deadline or page reaches the person even when the window is behind others. */
function notify(event: IncidentEvent, incident: { title: string; drill: boolean }, sound: boolean): void {
  const alert = alertFor(event, incident);
  if (!alert) return;
  if (Notification.isSupported()) new Notification({ title: alert.title, body: alert.body, silent: !sound, urgency: 'critical' }).show();
  if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.isFocused()) mainWindow.flashFrame(true);
}

/**
 * The post-mortem as PDF for bundles: a hidden, script-less window prints the self-contained HTML.
 * From a private temporary file, not a data: URL: with its screenshots inside, the page is far
 * past Chromium's 2 MB limit on a URL.
 */
async function renderPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(app.getPath('temp'), 'command-post-print-'));
  const page = path.join(dir, 'postmortem.html');
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await writeFile(page, html, { mode: 0o600 });
    await printer.loadFile(page);
    return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    printer.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('Command Post could not start:', error);
  dialog.showErrorBox('Command Post could not start', message);
  app.exit(1);
}
