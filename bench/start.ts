// Start: the Node host from spawn to the first page served with 200, by every way it is
// started: `npm run serve` as a person types it (an unchanged checkout: nothing to build), the
// same script without npm, tsx, and a bare Node spawn as the floor.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section, SectionResult } from './sections';
import { loadavg } from 'node:os';
import { median, ms } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = 'electron/host-web/cli.ts';
const READY = /Command Post is running at (http:\/\/127\.0\.0\.1:\d+\/\?launch=\S+)/;
const TIMEOUT_MS = 60_000;

export interface StartRun {
  toReadyLine: number;
  toFirstPage: number;
  status: number;
  placeholder: boolean;
}

export function startOnce(command: string, args: string[], dataDir: string): Promise<StartRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Own process group, so that npm → node and npx → tsx → node stop together.
    const child = spawn(command, [...args, '--port', '0', '--data-dir', dataDir], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    let done = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const finish = (error: Error | null, value?: StartRun) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      const hard = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone
        }
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(hard);
        if (error) reject(error);
        else resolve(value!);
      });
      if (child.exitCode !== null || child.signalCode !== null) child.emit('exit');
    };
    const timer = setTimeout(() => finish(new Error(`no ready line within ${TIMEOUT_MS} ms: ${err.slice(-500)}`)), TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = READY.exec(out);
      if (!match || done) return;
      const toReadyLine = performance.now() - t0;
      out = '';
      firstPage(match[1]!)
        .then(async (res) => {
          const body = await res.text();
          const toFirstPage = performance.now() - t0;
          if (res.status !== 200) throw new Error(`first page answered ${res.status}`);
          finish(null, { toReadyLine, toFirstPage, status: res.status, placeholder: body.includes('has not been built yet') });
        })
        .catch((e: unknown) => finish(e as Error));
    });
    child.on('exit', (code) => {
      if (!done) finish(new Error(`host exited (${code}) before serving: ${err.slice(-500)}`));
    });
  });
}

export const startSection: Section = {
  id: 'start',
  title: 'Start: Node host',
  async run(ctx): Promise<SectionResult> {
    if (!existsSync(join(REPO, CLI))) {
      return {
        tables: [{ title: 'Start: Node host cold start to first page', columns: ['command', 'result'], rows: [['npx tsx ' + CLI, 'n/a (host not built yet)']] }],
        checks: [],
        notes: [],
        data: { available: false },
      };
    }
    const runs = ctx.quick ? 3 : 5;
    // The checkout is unchanged from here on: `npm run serve` must find nothing to build.
    ctx.progress('start: building what `npm run serve` needs, if anything changed (not timed)');
    const prepared = spawnSync(process.execPath, ['scripts/serve.mjs', '--help'], { cwd: REPO, encoding: 'utf8' });
    if (prepared.status !== 0) throw new Error(`scripts/serve.mjs --help failed: ${prepared.stderr}`);
    const variants: Array<{ name: string; command: string; args: string[] }> = [
      { name: 'npm run serve -- …', command: 'npm', args: ['run', '--silent', 'serve', '--'] },
      { name: 'node scripts/serve.mjs …', command: process.execPath, args: ['scripts/serve.mjs'] },
      { name: `npx tsx ${CLI}`, command: 'npx', args: ['tsx', CLI] },
      { name: `node --import tsx ${CLI}`, command: process.execPath, args: ['--import', 'tsx', CLI] },
    ];
    const rows: string[][] = [];
    const data: Record<string, StartRun[]> = {};
    let placeholder = false;
    for (const v of variants) {
      const results: StartRun[] = [];
      for (let i = 0; i < runs; i++) {
        ctx.progress(`start: ${v.name} (${i + 1}/${runs})`);
        const dataDir = join(ctx.root, `start-${variants.indexOf(v)}-${results.length}`);
        await mkdir(dataDir, { recursive: true });
        results.push(await startOnce(v.command, v.args, dataDir));
      }
      placeholder ||= results.some((r) => r.placeholder);
      data[v.name] = results;
      rows.push([
        v.name,
        ms(median(results.map((r) => r.toReadyLine))),
        ms(median(results.map((r) => r.toFirstPage))),
        ms(Math.max(...results.map((r) => r.toFirstPage))),
        String(runs),
      ]);
    }
    const bare = await bareSpawns(runs);
    rows.push(['  beside it: node -e 0 (spawn to exit)', ms(median(bare.node)), '', ms(Math.max(...bare.node)), String(runs)]);
    rows.push(['  beside it: npm run --silent env (npm itself)', ms(median(bare.npm)), '', ms(Math.max(...bare.npm)), String(runs)]);
    const serve = data['npm run serve -- …']!;
    const serveReady = median(serve.map((r) => r.toReadyLine));
    return {
      tables: [
        {
          title: 'Start: Node host, spawn to first 200 page (ms, empty data dir, unchanged checkout)',
          columns: ['command', 'ready line (median)', 'first page (median)', 'max', 'runs'],
          rows,
        },
      ],
      checks: [
        {
          name: '`npm run serve`, spawn to the URL, unchanged checkout',
          measured: `${ms(serveReady)} ms (max ${ms(Math.max(...serve.map((r) => r.toReadyLine)))})`,
          target: '< 1 000 ms',
          pass: serveReady < 1_000,
        },
      ],
      notes: [
        '`npm run serve` runs scripts/serve.mjs with plain Node: it compares a fingerprint of the renderer\'s and the host\'s sources (path, size, mtime of every file under renderer/, shared/, electron/, and the lockfile) with the stamps of the last good builds in out/.stamps, rebuilds only what changed (Vite for the renderer, esbuild for the host bundle out/host-web/cli.mjs), then imports the host bundle in the same process. Its flags are passed through unchanged.',
        'The tsx rows transpile TypeScript on every start (tsx caches the output between starts); `npx` and `npm` add their own start-up, shown by the last row.',
        `The ${runs} runs of each command are in sequence, each with a new empty data folder; "max" is of the first page, or of the exit for the bare rows. 1-minute load average at the end: ${loadavg()[0]!.toFixed(2)}.`,
        placeholder
          ? 'The page served was the "console has not been built yet" placeholder (no renderer build in out/renderer).'
          : 'The page served was the renderer build (out/renderer/index.html).',
      ],
      data: { available: true, runs: data, bare, placeholder },
    };
  },
};

/** The floor of any start here: Node spawned and gone, and npm running a script that does nothing. */
async function bareSpawns(runs: number): Promise<{ node: number[]; npm: number[] }> {
  const time = (command: string, args: string[]) => {
    const t0 = performance.now();
    const result = spawnSync(command, args, { cwd: REPO, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    return performance.now() - t0;
  };
  const node: number[] = [];
  const npm: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(process.execPath, ['-e', '0']));
    // `npm run env` prints the environment and runs no script of ours: npm's own cost.
    npm.push(time('npm', ['run', '--silent', 'env']));
  }
  return { node, npm };
}

/** As a browser does: the launch address answers a cookie and a redirect, and the page needs the cookie. */
async function firstPage(launchUrl: string): Promise<Response> {
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = launch.headers.get('set-cookie')?.split(';')[0];
  if (launch.status !== 303 || !cookie) throw new Error(`the launch address answered ${launch.status}`);
  return fetch(new URL(launch.headers.get('location') ?? '/', launchUrl), { headers: { Cookie: cookie } });
}
