// The Node host as a user starts it (`node --import tsx electron/host-web/cli.ts --port 0
// --data-dir DIR`), for the render benchmark; plus a plain WebSocket client of its protocol.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import WebSocket from 'ws';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = 'electron/host-web/cli.ts';
const READY = /Command Post is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?launch=[0-9A-Za-z_-]+)/;
const START_TIMEOUT_MS = 60_000;

export interface RunningHostProcess {
  /** The page address, no credentials. */
  url: string;
  port: number;
  /** The host token, from the data directory, for the Node client. */
  token: string;
  /** A new single-use address that signs one browser context in (the printed one is used by the first). */
  newLaunchUrl(): Promise<string>;
  pid: number;
  /** Spawn to the ready line. */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

export function startHostProcess(dataDir: string): Promise<RunningHostProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data-dir', dataDir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (log += d));
  const stop = (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start within ${START_TIMEOUT_MS} ms:\n${log.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`the host exited (${code ?? signal}) before it was ready:\n${log.slice(-2000)}`));
    });
    child.stdout.on('data', (d: string) => {
      log += d;
      const m = ready ? null : READY.exec(log);
      if (!m) return;
      ready = true;
      clearTimeout(timer);
      const port = Number(m[2]);
      const token = readFileSync(join(dataDir, 'host-token'), 'utf8').trim();
      const newLaunchUrl = async (): Promise<string> => {
        const res = await fetch(`http://127.0.0.1:${port}/launch`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(`POST /launch answered ${res.status}`);
        return (await res.text()).trim();
      };
      resolve({ url: `http://127.0.0.1:${port}/`, port, token, newLaunchUrl, pid: child.pid!, startMs: performance.now() - t0, output: () => log, stop });
    });
  });
}

/** A client of the host's protocol: `{id, command, input}` out, replies by id and pushes in. */
export class WireClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: { ok: boolean; value?: unknown; error?: unknown; raw: number; parseMs: number }) => void }>();
  pushes = 0;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = data.toString();
      if (text.startsWith('{"event"')) {
        this.pushes += 1;
        return;
      }
      const t0 = performance.now();
      const msg = JSON.parse(text) as { id: number; ok: boolean; value?: unknown; error?: unknown };
      const parseMs = performance.now() - t0;
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      w.resolve({ ...msg, raw: text.length, parseMs });
    });
  }

  static connect(port: number, token: string): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Authorization: `Bearer ${token}` }, maxPayload: 256 * 1024 * 1024 });
      socket.once('open', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  call(command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown; raw: number; parseMs: number }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve });
      this.socket.send(JSON.stringify({ id, command, input }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A Chromium to drive: $CHROMIUM_PATH, the Debian package, or playwright-core's own download. */
export async function findChromium(): Promise<{ path: string | null; looked: string[] }> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return { path: p, looked: candidates };
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return { path: p, looked: [...candidates, p] };
    candidates.push(p);
  } catch {
    candidates.push('playwright-core (not installed)');
  }
  return { path: null, looked: candidates };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/**
 * The host serves out/renderer. Builds it (`npm run build:renderer`) when it is missing or
 * older than anything under renderer/ or shared/; returns what was done.
 */
export async function ensureRendererBuild(): Promise<string> {
  const index = join(REPO, 'out', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(join(REPO, 'renderer')), newestMtime(join(REPO, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'out/renderer was up to date with renderer/ and shared/';
  const t0 = performance.now();
  await promisify(execFile)('npm', ['run', '--silent', 'build:renderer'], { cwd: REPO, maxBuffer: 1 << 24 });
  return `built out/renderer with npm run build:renderer (${((performance.now() - t0) / 1000).toFixed(1)} s) from the working tree`;
}
