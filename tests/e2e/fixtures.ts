import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { connectEngine, unwrap } from './engine-client';
import { startHostProcess, type HostProcess, type HostStartOptions } from './host-process';

export interface Host {
  /** The current page URL, `http://127.0.0.1:PORT/?token=TOKEN`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
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
 * Every test gets the real engine behind the real host, on a fresh data directory, with an
 * operator already known (a console someone has used before), unless it asks for a first start.
 */
export const test = base.extend<{ operator: string | null; host: Host }>({
  operator: [TEST_OPERATOR, { option: true }],
  host: async ({ operator }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-'));
    let current: HostProcess | null = await startHostProcess(dataDir);
    if (operator !== null) {
      const engine = await connectEngine(current.url);
      unwrap(await engine.call('settings.update', { operatorName: operator }));
      await engine.close();
    }
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
      dataDir,
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

export { expect } from '@playwright/test';
