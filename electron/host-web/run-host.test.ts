import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

// Runs the real command line in a child process, over a fake engine that records what happens.
const runHostModule = fileURLToPath(new URL('./run-host.ts', import.meta.url));
const confSettingsModule = fileURLToPath(new URL('../core/settings/conf-settings.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxCli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const FAKE_CLI = `
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { runHost } from ${JSON.stringify(runHostModule)};
import { createConfSettings } from ${JSON.stringify(confSettingsModule)};

await runHost(process.argv.slice(2), {
  async openEngine({ dataDir }) {
    const note = (line) => appendFileSync(path.join(dataDir, 'engine.log'), line + '\\n');
    note('opened');
    return {
      async dispatch(command, input) { return { ok: true, value: { command, input } }; },
      subscribe() { return () => {}; },
      async wake() {},
      async close() { note('closed'); },
    };
  },
  // The real settings file: what the host does with a bad one is part of the command line.
  createSettings: createConfSettings,
});
`;

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-cli-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function run(args: string[]): Promise<Run> {
  const dir = await tempDir();
  const script = path.join(dir, 'fake-cli.mts');
  await writeFile(script, FAKE_CLI);
  const child = spawn(process.execPath, [tsxCli, script, ...args], { cwd: repoRoot, stdio: 'pipe' });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function untilReady(running: Run): Promise<void> {
  while (!/^ready$/m.test(running.stdout())) {
    if (running.child.exitCode !== null) throw new Error(`exited early: ${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the host command line', () => {
  it('prints the URL line and the data dir, serves the engine, and closes it on SIGTERM', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const running = await run(['--port', '0', '--data-dir', dataDir]);
    await untilReady(running);

    const match = /^Command Post is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?launch=[0-9A-Za-z_-]{43})$/m.exec(running.stdout());
    expect(match, running.stdout()).not.toBeNull();
    expect(running.stdout(), 'the token is not printed').not.toMatch(/token=/);
    expect(running.stdout()).toContain(`Data directory: ${dataDir}\n`);
    const lines = running.stdout().trimEnd().split('\n');
    expect(lines.at(-1)).toBe('ready');

    const [, , port] = match!;
    const token = (await readFile(path.join(dataDir, 'host-token'), 'utf8')).trim();
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Authorization: `Bearer ${token}` } });
    const reply = await new Promise<unknown>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, command: 'incident.list', input: {} })));
      socket.once('message', (data) => resolve(JSON.parse(String(data))));
      socket.once('error', reject);
    });
    expect(reply).toEqual({ id: 1, ok: true, value: { command: 'incident.list', input: {} } });

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(await readFile(path.join(dataDir, 'engine.log'), 'utf8')).toBe('opened\nclosed\n');
  });

  it.each([[['--bogus']], [['--port', 'abc']], [['--port', '70000']]])('exits 2 with a message on %j', async (args) => {
    const running = await run(args);
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toMatch(/--port|bogus/);
    expect(running.stderr()).toContain('Usage:');
  });

  it('exits 1 with a clear message when the port is taken, closing the engine', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const dataDir = path.join(await tempDir(), 'data');
      const running = await run(['--port', String(port), '--data-dir', dataDir]);
      expect(await running.exited).toBe(1);
      expect(running.stderr()).toContain(`Port ${port} is already in use`);
      expect(existsSync(path.join(dataDir, 'engine.log'))).toBe(true);
      expect(await readFile(path.join(dataDir, 'engine.log'), 'utf8')).toBe('opened\nclosed\n');
    } finally {
      blocker.close();
    }
  });

  it.runIf(process.platform !== 'win32')('creates the data directory 0700 and the token file 0600', async () => {
    const dataDir = path.join(await tempDir(), 'new', 'data');
    const running = await run(['--port', '0', '--data-dir', dataDir]);
    await untilReady(running);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dataDir, 'host-token'))).mode & 0o777).toBe(0o600);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it.runIf(process.platform !== 'win32')('exits 3 without serving when the token file is readable by others or planted by another user', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const tokenFile = path.join(dataDir, 'host-token');
    await writeFile(tokenFile, `${'cd'.repeat(32)}\n`);
    await chmod(tokenFile, 0o644);
    let running = await run(['--port', '0', '--data-dir', dataDir]);
    expect(await running.exited).toBe(3);
    expect(running.stderr()).toContain(tokenFile);
    expect(running.stderr()).toMatch(/readable by other users/);
    expect(running.stdout()).not.toContain('Command Post is running at');
    expect(existsSync(path.join(dataDir, 'engine.log')), 'the engine was never opened').toBe(false);

    if (process.getuid?.() !== 0) return;
    await chmod(tokenFile, 0o600);
    await chown(tokenFile, 65534, 65534);
    running = await run(['--port', '0', '--data-dir', dataDir]);
    expect(await running.exited).toBe(3);
    expect(running.stderr()).toMatch(/owned by user 65534/);
  });

  it('starts on the default settings when settings.json is malformed, keeping the file aside and saying where', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'settings.json'), '{"operatorName": "Dana", ');
    const running = await run(['--port', '0', '--data-dir', dataDir]);
    await untilReady(running);
    const kept = /^Settings: .*kept the file as (\S+settings\.json\.bad-\d+)\.$/m.exec(running.stdout());
    expect(kept, running.stdout()).not.toBeNull();
    expect(await readFile(kept![1]!, 'utf8')).toBe('{"operatorName": "Dana", ');
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('keeps the browser session secret (0600) in the data directory: a signed-in tab gets back in after a restart on the same port', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    await new Promise<void>((resolve) => blocker.close(() => resolve()));

    let running = await run(['--port', String(port), '--data-dir', dataDir]);
    await untilReady(running);
    const launch = /^Command Post is running at (\S+)$/m.exec(running.stdout())![1]!;
    const signedIn = await fetch(launch, { redirect: 'manual' });
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await stat(path.join(dataDir, 'host-session'))).mode & 0o777).toBe(0o600);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);

    running = await run(['--port', String(port), '--data-dir', dataDir]);
    await untilReady(running);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: `http://127.0.0.1:${port}`, headers: { Cookie: cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.close();
    expect((await fetch(`http://127.0.0.1:${port}/session`, { headers: { Cookie: cookie } })).status).toBe(204);
    // The launch code of the first run died with it.
    expect((await fetch(launch, { redirect: 'manual' })).status).toBe(403);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    running = await run(['--port', String(port), '--data-dir', dataDir, '--new-token']);
    await untilReady(running);
    const refused = await fetch(`http://127.0.0.1:${port}/session`, { headers: { Cookie: cookie } });
    expect(refused.status, '--new-token signs every browser out').toBe(401);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });
});
