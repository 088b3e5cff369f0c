// A real Prometheus Alertmanager (Debian's prometheus-alertmanager 0.25) for tests: started on a
// free loopback port with a temp storage folder and a config whose webhook receiver is the
// console's intake, and `amtool` to fire and resolve alerts. Stopped by its pid.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './postgres';

const run = promisify(execFile);
const BINARY = process.env.ALERTMANAGER_PATH ?? '/usr/bin/prometheus-alertmanager';
const AMTOOL = process.env.AMTOOL_PATH ?? '/usr/bin/amtool';

export interface RunningAlertmanager {
  url: string;
  pid: number;
  /** `amtool alert add` with labels (`name=value`) and annotations; `end` resolves it. */
  fire(labels: Record<string, string>, annotations?: Record<string, string>, options?: { end?: Date }): Promise<void>;
  stop(): Promise<void>;
}

export interface AlertmanagerOptions {
  /** Where the webhook goes, e.g. `http://127.0.0.1:PORT/intake/alertmanager`; none: no receiver (for pull tests). */
  webhookUrl?: string;
  bearer?: string;
}

export async function startAlertmanager(options: AlertmanagerOptions = {}): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(join(tmpdir(), 'command-post-am-'));
  const port = await freePort();
  const receiver = options.webhookUrl
    ? `  - name: console
    webhook_configs:
      - url: ${JSON.stringify(options.webhookUrl)}
        send_resolved: true
        max_alerts: 0
        http_config:
          authorization:
            type: Bearer
            credentials: ${JSON.stringify(options.bearer ?? '')}
`
    : `  - name: console
`;
  // Short waits so that a test sees its notification in a second or two, not in the default 30 s.
  const config = `route:
  receiver: console
  group_by: ['alertname', 'service']
  group_wait: 500ms
  group_interval: 1s
  repeat_interval: 1h
receivers:
${receiver}`;
  await writeFile(join(dir, 'alertmanager.yml'), config);
  const child: ChildProcess = spawn(
    BINARY,
    [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Alertmanager did not start: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped = false;
  return {
    url,
    pid: child.pid!,
    async fire(labels, annotations = {}, fireOptions = {}) {
      const args = ['alert', 'add', `--alertmanager.url=${url}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
      for (const [k, v] of Object.entries(annotations)) args.push(`--annotation=${k}=${v}`);
      if (fireOptions.end) args.push(`--end=${fireOptions.end.toISOString()}`);
      await run(AMTOOL, args, { timeout: 10_000 });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
