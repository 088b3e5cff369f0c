import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const HOST_CLI = path.join(REPO_ROOT, 'electron', 'host-web', 'cli.ts');
const SHIFT_CLOCK = pathToFileURL(fileURLToPath(new URL('./shift-clock.mjs', import.meta.url))).href;
/** The line a person reads: a single-use launch address that signs one browser in. */
const READY = /^Command Post is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?launch=([0-9A-Za-z_-]+))$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface HostProcess {
  /** The page address, `http://127.0.0.1:PORT/`: it carries no credentials. */
  url: string;
  /** The printed single-use address that signs a browser in (a cookie), then redirects to `url`. */
  launchUrl: string;
  port: number;
  /** The long-lived token scripts present, read from `<dataDir>/host-token` as a script would. */
  token: string;
  /** The alert intake's token, read from `<dataDir>/intake-token` as whoever configures monitoring would. */
  intakeToken: string;
  /** Everything the host wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface HostStartOptions {
  /** Runs the host's wall clock this far from the real one (negative = in the past). */
  clockOffsetMs?: number;
  /** A fixed port, so that open tabs can reconnect across a restart; a free one otherwise. */
  port?: number;
  /** More command-line flags, e.g. `--new-token`. */
  args?: string[];
}

/** Starts the real Node host (`tsx electron/host-web/cli.ts`) and waits for the line that gives its URL. */
export function startHostProcess(dataDir: string, options: HostStartOptions = {}): Promise<HostProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  if (options.clockOffsetMs) {
    env.COMMAND_POST_E2E_CLOCK_OFFSET_MS = String(options.clockOffsetMs);
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${SHIFT_CLOCK}`.trim();
  }
  const flags = ['--port', String(options.port ?? 0), '--data-dir', dataDir, ...(options.args ?? [])];
  const child = spawn(process.execPath, [TSX_CLI, HOST_CLI, ...flags], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (log += chunk));

  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host did not start within ${START_TIMEOUT_MS} ms.\n${log}`));
    }, START_TIMEOUT_MS);
    const exitedEarly = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before it was ready.\n${log}`));
    };
    child.once('exit', exitedEarly);
    child.stdout.on('data', (chunk: string) => {
      log += chunk;
      const match = ready ? null : READY.exec(log);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      const port = Number(match[2]);
      resolve({
        url: `http://127.0.0.1:${port}/`,
        launchUrl: match[1]!,
        port,
        token: readFileSync(path.join(dataDir, 'host-token'), 'utf8').trim(),
        intakeToken: readFileSync(path.join(dataDir, 'intake-token'), 'utf8').trim(),
        output: () => log,
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
