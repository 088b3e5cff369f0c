import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type BrowserContext } from '@playwright/test';
import { connectEngine, unwrap } from './engine-client';
import { startHostProcess, type HostProcess, type HostStartOptions } from './host-process';

export interface Host {
  /** The current page address, `http://127.0.0.1:PORT/`; the test's browser context is signed in to it. */
  readonly url: string;
  readonly port: number;
  /** The long-lived token from the data directory, for scripts (connectEngine). */
  readonly token: string;
  /** The alert intake's token, as whoever configures monitoring reads it from the data directory. */
  readonly intakeToken: string;
  /** A fresh single-use launch address, asked of the host with the token as a script would. */
  newLaunchUrl(): Promise<string>;
  /** This test's own data directory, deleted afterwards. */
  readonly dataDir: string;
  /** Stops the host and starts it again on the same data directory; returns the new URL. */
  restart(options?: HostStartOptions): Promise<string>;
  stop(): Promise<void>;
  /** Starts a stopped host on the same data directory; returns the new URL. */
  start(options?: HostStartOptions): Promise<string>;
}

/** Who is at the console when a test starts; tests of the first start set it to null. */
export const TEST_OPERATOR = 'Riley Chen';

/**
 * Every test gets the real engine behind the real host, on a fresh data directory, its browser
 * context signed in through the printed launch address, as a person would be (the cookie
 * outlives restarts of the host, as it does for a person), and an operator already known (a
 * console someone has used before), unless it asks for a first start.
 */
export const test = base.extend<{ operator: string | null; host: Host }>({
  operator: [TEST_OPERATOR, { option: true }],
  host: async ({ context, operator }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-'));
    let current: HostProcess | null = await startHostProcess(dataDir);
    if (operator !== null) {
      const engine = await connectEngine(current);
      unwrap(await engine.call('settings.update', { operatorName: operator }));
      await engine.close();
    }
    await signIn(context, current.launchUrl);
    const host: Host = {
      get url() {
        return running().url;
      },
      get port() {
        return running().port;
      },
      get token() {
        return running().token;
      },
      get intakeToken() {
        return running().intakeToken;
      },
      dataDir,
      newLaunchUrl: () => mintLaunchUrl(running()),
      async restart(options) {
        await host.stop();
        return host.start(options);
      },
      async stop() {
        const stopping = current;
        current = null;
        await stopping?.stop();
      },
      async start(options) {
        if (current) throw new Error('The host is already running.');
        current = await startHostProcess(dataDir, options);
        return current.url;
      },
    };
    function running(): HostProcess {
      if (!current) throw new Error('The host is not running.');
      return current;
    }
    try {
      await use(host);
    } finally {
      const output = current?.output() ?? '';
      await current?.stop();
      if (testInfo.status !== testInfo.expectedStatus && output) {
        await testInfo.attach('host-output', { body: output, contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

/** Opens a launch address in the context, as a browser would: the host answers a cookie and a redirect. */
export async function signIn(context: BrowserContext, launchUrl: string): Promise<void> {
  const response = await context.request.get(launchUrl);
  if (!response.ok()) throw new Error(`Signing in with ${launchUrl} failed: ${response.status()}`);
}

export async function mintLaunchUrl(host: { port: number; token: string }): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${host.port}/launch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}` },
  });
  if (!response.ok) throw new Error(`POST /launch answered ${response.status}`);
  return (await response.text()).trim();
}

export { expect } from '@playwright/test';
