import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import { WINDOW_CSP } from './window-options';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function handler(built = true) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'command-post-app-'));
  dirs.push(root);
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  if (built) {
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Command Post</title>');
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  }
  await writeFile(path.join(root, 'secret.txt'), 'TOP-SECRET');
  return createAppProtocolHandler(rendererDir, WINDOW_CSP);
}

describe('the app:// protocol', () => {
  it('serves the page and its assets with the CSP', async () => {
    const serve = await handler();
    const page = await serve(new Request('app://command-post/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(WINDOW_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Command Post');
    const script = await serve(new Request('app://command-post/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses other hosts and every way out of the renderer folder', async () => {
    const serve = await handler();
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
    for (const attempt of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await serve(new Request(`app://command-post${attempt}`));
      expect(response.status, attempt).toBe(404);
      expect(await response.text()).not.toContain('TOP-SECRET');
    }
  });

  it('says how to build the renderer when there is no build', async () => {
    const serve = await handler(false);
    const page = await serve(new Request('app://command-post/index.html'));
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:renderer');
  });
});
