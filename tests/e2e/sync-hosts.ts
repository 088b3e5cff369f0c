import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { SyncState } from '../../shared/sync/sync-status';
import { connectEngine, type EngineClient, unwrap } from './engine-client';
import { signIn } from './fixtures';
import { startHostProcess, type HostProcess, type HostStartOptions } from './host-process';
import { waitUntilLive } from './ui';

// Consoles of one team for browser tests: each its own host process, data directory and
// browser context (the hosts share 127.0.0.1, and a context holds one session cookie per name).

export interface TeamConsole {
  name: string;
  page: Page;
  host: HostProcess;
  dataDir: string;
  /** A script's connection to this console's engine, for seeding faster than a person types. */
  engine: EngineClient;
  /** Stops the host and starts it again on the same data, flags and port; the page reconnects by itself. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A host started with `--sync-url`, its operator set, a page open on it and live. */
export async function openTeamConsole(browser: Browser, name: string, syncUrl: string, options: HostStartOptions = {}): Promise<TeamConsole> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-sync-'));
  let host: HostProcess | null = null;
  let engine: EngineClient | null = null;
  let context: BrowserContext | null = null;
  const stop = async () => {
    await context?.close();
    await engine?.close();
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const flags = { ...options, args: ['--sync-url', syncUrl, ...(options.args ?? [])] };
  try {
    host = await startHostProcess(dataDir, flags);
    engine = await connectEngine(host);
    unwrap(await engine.call('settings.update', { operatorName: name }));
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await signIn(context, host.launchUrl);
    const page = await context.newPage();
    await page.goto(host.url);
    await waitUntilLive(page);
    const teamConsole: TeamConsole = {
      name,
      page,
      host,
      dataDir,
      engine,
      async restart() {
        await engine?.close();
        await host?.stop();
        host = await startHostProcess(dataDir, { ...flags, port: teamConsole.host.port });
        engine = await connectEngine(host);
        teamConsole.host = host;
        teamConsole.engine = engine;
        await waitUntilLive(page);
      },
      stop,
    };
    return teamConsole;
  } catch (error) {
    await stop();
    throw error;
  }
}

export function railPill(page: Page): Locator {
  return page.locator('[data-testid="sync-indicator"][data-place="rail"]');
}

export function headerPill(page: Page): Locator {
  return page.locator('[data-testid="sync-indicator"][data-place="header"]');
}

/** Waits for the rail's pill to show a state; the engine reconnects with back-off, so give it time. */
export async function expectSyncState(page: Page, state: SyncState, timeout = 30_000): Promise<void> {
  await expect(railPill(page)).toHaveAttribute('data-state', state, { timeout });
}
