// Start: the Node host from spawn to the first page served with 200.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section, SectionResult } from './sections';
import { median, ms } from './stats';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = 'electron/host-web/cli.ts';
const READY = /Command Post is running at (http:\/\/127\.0\.0\.1:\d+\/\?launch=\S+)/;
const TIMEOUT_MS = 60_000;

interface StartRun {
  toReadyLine: number;
  toFirstPage: number;
  status: number;
  placeholder: boolean;
}

function startOnce(command: string, args: string[], dataDir: string): Promise<StartRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Own process group, so that npx → tsx → node stop together.
    const child = spawn(command, [...args, CLI, '--port', '0', '--data-dir', dataDir], {
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
    const runs = ctx.quick ? 1 : 3;
    const variants: Array<{ name: string; command: string; args: string[] }> = [
      { name: `npx tsx ${CLI}`, command: 'npx', args: ['tsx'] },
      { name: `node --import tsx ${CLI}`, command: process.execPath, args: ['--import', 'tsx'] },
    ];
    const rows: string[][] = [];
    const data: Record<string, StartRun[]> = {};
    let placeholder = false;
    for (const v of variants) {
      const results: StartRun[] = [];
      for (let i = 0; i < runs; i++) {
        ctx.progress(`start: ${v.name} (${i + 1}/${runs})`);
        const dataDir = join(ctx.root, `start-${results.length}-${v.command === 'npx' ? 'npx' : 'node'}`);
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
    return {
      tables: [
        {
          title: 'Start: Node host, spawn to first 200 page (ms, empty data dir)',
          columns: ['command', 'ready line (median)', 'first page (median)', 'first page (max)', 'runs'],
          rows,
        },
      ],
      checks: [],
      notes: [
        'Includes transpiling TypeScript with tsx on every start (no build step); an Electron or bundled build would skip that.',
        placeholder
          ? 'The page served was the "console has not been built yet" placeholder (no renderer build in out/renderer).'
          : 'The page served was the renderer build (out/renderer/index.html).',
      ],
      data: { available: true, runs: data, placeholder },
    };
  },
};

/** As a browser does: the launch address answers a cookie and a redirect, and the page needs the cookie. */
async function firstPage(launchUrl: string): Promise<Response> {
  const launch = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = launch.headers.get('set-cookie')?.split(';')[0];
  if (launch.status !== 303 || !cookie) throw new Error(`the launch address answered ${launch.status}`);
  return fetch(new URL(launch.headers.get('location') ?? '/', launchUrl), { headers: { Cookie: cookie } });
}
