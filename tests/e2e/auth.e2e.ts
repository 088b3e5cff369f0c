import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHostProcess, type HostProcess } from './host-process';
import { waitUntilLive } from './ui';

// How a browser gets in: the host prints a single-use launch address; opening it trades the
// code for an HttpOnly, SameSite=Strict cookie and a redirect to `/`. These start hosts of
// their own, so that the printed address is still unused.

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ownHost(options: { port?: number } = {}): Promise<{ process: HostProcess; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-auth-'));
  const process = await startHostProcess(dataDir, options);
  cleanups.push(async () => {
    await process.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { process, dataDir };
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  cleanups.push(() => context.close());
  return { context, page: await context.newPage() };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('the printed address signs one browser in, once, and leaves no code in the address bar', async ({ browser }) => {
  const { process: host } = await ownHost();
  expect(host.launchUrl).toMatch(/\?launch=/);

  const first = await freshPage(browser);
  const response = await first.page.goto(`${host.launchUrl}#/settings/operator`);
  expect(response?.status()).toBe(200);
  await expect(first.page).toHaveURL(`${host.url}#/settings/operator`);
  await waitUntilLive(first.page);

  const cookies = await first.context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict', secure: false });
  expect(cookies[0]!.value).not.toBe(host.token);
  expect(await first.page.evaluate(() => document.cookie), 'no script can read it').toBe('');
  // The redirect replaced the launch address: one step back is the blank tab it was opened in.
  await first.page.goBack();
  expect(first.page.url()).toBe('about:blank');

  // The same address in another browser is refused, and says how to get in.
  const second = await freshPage(browser);
  const again = await second.page.goto(host.launchUrl);
  expect(again?.status()).toBe(403);
  await expect(second.page.getByTestId('sign-in')).toHaveAttribute('data-reason', 'code-used');
  await expect(second.page.locator('body')).toContainText('already been used');
  await expect(second.page.locator('body')).toContainText('Command Post is running at');
  expect(await second.context.cookies()).toEqual([]);
  await expect(second.page.getByTestId('connection-state')).toHaveCount(0);
});

test('a tab with no launch code and no cookie is told how to get in, not that the engine is unreachable', async ({ browser }) => {
  const { process: host } = await ownHost();
  const { page } = await freshPage(browser);
  const response = await page.goto(host.url);
  expect(response?.status()).toBe(401);
  await expect(page.getByTestId('sign-in')).toHaveAttribute('data-reason', 'no-session');
  await expect(page.locator('body')).toContainText('Open the address it prints');
  await expect(page.locator('body')).toContainText('npm run serve');
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);

  // The long-lived token in the address no longer opens the console.
  expect((await page.goto(`${host.url}?token=${host.token}`))?.status()).toBe(401);
  await expect(page.getByTestId('sign-in')).toBeVisible();
});

test('a signed-in tab reconnects by itself when the host restarts on its port', async ({ browser }) => {
  const port = await freePort();
  const { process: first, dataDir } = await ownHost({ port });
  const { page } = await freshPage(browser);
  await page.goto(first.launchUrl);
  await waitUntilLive(page);

  await first.stop();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');
  const second = await startHostProcess(dataDir, { port });
  cleanups.push(() => second.stop());
  await waitUntilLive(page);
  await page.reload();
  await waitUntilLive(page);
});

test('new secrets (--new-token) sign a live tab out; a new launch address in another tab lets it back in', async ({ browser }) => {
  const port = await freePort();
  const { process: first, dataDir } = await ownHost({ port });
  const { context, page } = await freshPage(browser);
  await page.goto(first.launchUrl);
  await waitUntilLive(page);

  await first.stop();
  const rotated = await startHostProcess(dataDir, { port, args: ['--new-token'] });
  cleanups.push(() => rotated.stop());
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'signed-out');
  await expect(page.getByTestId('signed-out-banner')).toBeVisible();

  const other = await context.newPage();
  await other.goto(rotated.launchUrl);
  await waitUntilLive(other);
  await waitUntilLive(page);
  await expect(page.getByTestId('signed-out-banner')).toHaveCount(0);
});
