// The packaged shape of the app, launched for real: Playwright's Electron driver starts
// out/main/main.js (built here) with its own profile, and the test checks what only Electron can
// show: the window, the preload's bridge and nothing else, no Node in the page, a declaration
// through the UI reaching the journal, and navigation away from the app refused.
// Where the Electron binary is not installed (it cannot be downloaded on these machines), the
// tests are skipped with the reason; the same engine and renderer run in Chromium through the
// Node host in the other e2e files.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT } from './host-process';
import { declareIncident } from './ui';
import { findElectron } from '../../scripts/find-electron';


const binary = findElectron();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const APP_PAGE = /^app:\/\/command-post\/index\.html/;

test.describe('the Electron app', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(
    !binary.ok,
    `Electron binary not installed here (${binary.ok ? '' : binary.reason}); the same engine and renderer are covered through the Node host`,
  );
  test.skip(binary.ok && noDisplay, 'Electron is installed but there is no display to open its window on (run under xvfb-run)');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!binary.ok) return;
    // The renderer is built by global-setup; main and preload are built here, from the current sources.
    execFileSync('npm', ['run', 'build:electron', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    userData = await mkdtemp(path.join(os.tmpdir(), 'command-post-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    // main.ts honours this before anything reads userData: the test's own profile and journals.
    env.COMMAND_POST_USER_DATA = userData;
    // Chromium refuses to run as root with its OS sandbox on; the renderer sandbox (sandbox: true,
    // app.enableSandbox) still applies to what the page and preload may do.
    const rootOnly = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({ executablePath: binary.path, args: [...rootOnly, REPO_ROOT], cwd: REPO_ROOT, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('opens one window titled Command Post, on the app page', async () => {
    await expect(page).toHaveTitle('Command Post');
    expect(page.url()).toMatch(APP_PAGE);
    expect(app.windows()).toHaveLength(1);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
  });

  test('the page gets window.commandPost with invoke and onEvent only, and no Node', async () => {
    const seen = await page.evaluate(async () => {
      const bridge = (window as unknown as { commandPost: Record<string, unknown> }).commandPost;
      const scope = globalThis as Record<string, unknown>;
      const unknown = await (bridge.invoke as (command: string, input: unknown) => Promise<unknown>)('incident.explode', {});
      let evalResult: string;
      try {
        // eslint-disable-next-line no-eval
        evalResult = String(eval('1 + 1'));
      } catch (error) {
        evalResult = (error as Error).name;
      }
      return {
        keys: Object.keys(bridge).sort(),
        kinds: [typeof bridge.invoke, typeof bridge.onEvent],
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        ipcRenderer: typeof scope.ipcRenderer,
        electron: typeof scope.electron,
        unknown,
        evalResult,
      };
    });
    expect(seen).toEqual({
      keys: ['invoke', 'onEvent'],
      kinds: ['function', 'function'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      unknown: { ok: false, error: { code: 'UNKNOWN_COMMAND', message: expect.any(String) } },
      // The CSP has no 'unsafe-eval'.
      evalResult: 'EvalError',
    });
  });

  test('declaring an incident through the UI reaches the engine and its journal', async () => {
    // A fresh profile: the console first asks who is at it.
    await page.getByTestId('identity-name').fill('Riley Chen');
    await page.getByTestId('identity-name').press('Enter');
    await expect(page.getByTestId('identity-dialog')).toBeHidden();
    await declareIncident(page, 'Electron launch: checkout 502s', 'SEV2');
    const list = await page.evaluate(() =>
      (window as unknown as { commandPost: { invoke(c: string, i: unknown): Promise<{ ok: boolean; value: { title: string }[] }> } }).commandPost.invoke(
        'incident.list',
        {},
      ),
    );
    expect(list.ok).toBe(true);
    expect(list.value.map((incident) => incident.title)).toContain('Electron launch: checkout 502s');
    const incidents = path.join(userData, 'incidents-data', 'incidents');
    expect(readdirSync(incidents)).toHaveLength(1);
  });

  test('navigation away from the app and new windows are refused', async () => {
    // Web links go to the system browser; here they are recorded instead of opened.
    const stubbed = await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as Record<string, unknown>).openedExternally = opened;
      const stub = async (url: string) => {
        opened.push(url);
      };
      try {
        shell.openExternal = stub;
      } catch {
        return false;
      }
      return shell.openExternal === stub;
    });

    for (const target of ['file:///etc/passwd', 'data:text/html,<h1>not the app</h1>', 'javascript:void(0)', ...(stubbed ? ['https://example.com/'] : [])]) {
      await page.evaluate((url) => {
        window.location.href = url;
      }, target);
      await page.waitForTimeout(300);
      expect(page.url(), target).toMatch(APP_PAGE);
    }
    const opened = await page.evaluate(() => window.open('app://command-post/index.html') === null);
    expect(opened, 'window.open returns null').toBe(true);
    expect(app.windows()).toHaveLength(1);
    const fetched = await page.evaluate(() => fetch('https://example.com/').then(() => 'fetched', () => 'blocked'));
    expect(fetched, 'connect-src is the app only').toBe('blocked');
    if (stubbed) {
      expect(await app.evaluate(() => (globalThis as Record<string, unknown>).openedExternally)).toEqual(['https://example.com/']);
    }
    await expect(page).toHaveTitle('Command Post');
    await expect(page.getByTestId('incident-title')).toHaveText('Electron launch: checkout 502s');
  });
});
