import type { IntakeEndpointView } from '../../shared/contract/contract';
import type { SettingsNotice } from '../../shared/domain/settings';
import type { Engine, EngineOptions } from '../core/engine-types';
import { ensurePrivateDir } from '../core/fs/private';
import type { SettingsStore } from '../core/settings/settings-store';
import { fileSecretStore } from '../core/sync/sync-config';
import type { SyncPortFactory } from '../core/sync/sync-port';
import { USAGE, parseHostArgs } from './args';
import { describe } from './connection';
import { loadOrCreateSessionSecret, loadOrCreateToken } from './host-token';
import { HostIntakeEndpoint } from './intake-endpoint';
import { startHost, type RunningHost } from './server';

const REPEAT_SIGNAL_MS = 1000;

/** Injected so that tests can run the real command line over a fake engine. */
export interface HostDependencies {
  openEngine(options: EngineOptions): Promise<Engine>;
  createSettings(dataDir: string): SettingsStore;
  /** The team database adapter; the engine itself knows only its port. */
  syncFactory?: SyncPortFactory;
}

/** Exit codes: bad flags, failing to start, and a data directory whose secrets cannot be trusted. */
export const EXIT_USAGE = 2;
export const EXIT_FAILED = 1;
export const EXIT_UNSAFE = 3;

/**
 * The browser host's command line: opens the engine, serves it, prints the URL, and on
 * SIGINT/SIGTERM closes both and exits 0.
 */
export async function runHost(argv: readonly string[], deps: HostDependencies): Promise<void> {
  const parsed = parseHostArgs(argv);
  if (!parsed.ok) exit(EXIT_USAGE, `${parsed.message}\n\n${USAGE}`);
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const { port, host, dataDir, newToken, sync, intakeListen, newIntakeToken } = parsed.args;

  let engine: Engine;
  let token: string;
  let sessionSecret: string;
  let intake: HostIntakeEndpoint;
  let settingsNotice: SettingsNotice | null = null;
  try {
    await ensurePrivateDir(dataDir);
    const loaded = await loadOrCreateToken(dataDir, newToken);
    if (!loaded.ok) exit(EXIT_UNSAFE, `Refusing to start: the access token ${loaded.error.message}\n`);
    token = loaded.value;
    const session = await loadOrCreateSessionSecret(dataDir, newToken);
    if (!session.ok) exit(EXIT_UNSAFE, `Refusing to start: the browser session secret ${session.error.message}\n`);
    sessionSecret = session.value;
    const intakeLoaded = await HostIntakeEndpoint.open(dataDir, { newToken: newIntakeToken, commandLineListen: intakeListen, log: (m) => process.stderr.write(`${m}\n`) });
    if (!intakeLoaded.ok) exit(EXIT_UNSAFE, `Refusing to start: the alert intake token ${intakeLoaded.error.message}\n`);
    intake = intakeLoaded.value;
    const settings = deps.createSettings(dataDir);
    settingsNotice = settings.notice();
    engine = await deps.openEngine({
      dataDir,
      settings,
      ...(deps.syncFactory ? { sync: { factory: deps.syncFactory, override: sync, secrets: fileSecretStore(dataDir) } } : {}),
      intakeEndpoint: intake,
    });
  } catch (error) {
    exit(EXIT_FAILED, `Could not open the data directory ${dataDir}: ${describe(error)}\n`);
  }

  let running: RunningHost;
  try {
    running = await startHost({ engine, port, host, token, sessionSecret, intakeToken: () => intake.token() });
    intake.setLoopbackUrl(running.intakeUrl);
  } catch (error) {
    await engine.close().catch(() => undefined);
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    exit(EXIT_FAILED, inUse ? `Port ${port} is already in use; pass --port 0 to pick a free one.\n` : `Could not start: ${describe(error)}\n`);
  }

  let stoppingSince: number | null = null;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== null) {
      // Launchers (npm, tsx) and the terminal may each deliver the same Ctrl-C; only a
      // deliberate second one, a moment later, cuts the flush short.
      if (Date.now() - stoppingSince < REPEAT_SIGNAL_MS) return;
      exit(EXIT_FAILED, `${signal} again: exiting without waiting for the engine to close.\n`);
    }
    stoppingSince = Date.now();
    void shutdown(running, engine).then((code) => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Single use: it signs one browser in, then is worthless wherever it was copied or kept.
  process.stdout.write(`Command Post is running at ${running.launchUrl()}\n`);
  process.stdout.write(`Data directory: ${dataDir}\n`);
  // On a line of its own, for whoever configures Alertmanager, Grafana or PagerDuty to send here.
  process.stdout.write(`Alert intake at ${running.intakeUrl} (token ${intake.token()})\n`);
  const alone = await engine.dispatch('intake.endpoint', {});
  const listen = alone.ok ? (alone.value as IntakeEndpointView).listen : null;
  if (listen?.url) process.stdout.write(`Alert intake also at ${listen.url} (the intake only)\n`);
  else if (listen?.error) process.stdout.write(`Alert intake: ${listen.error}\n`);
  if (settingsNotice) process.stdout.write(`Settings: ${settingsNotice.message}\n`);
  process.stdout.write('ready\n');
}

async function shutdown(running: RunningHost, engine: Engine): Promise<number> {
  let code = 0;
  try {
    await running.close();
  } catch (error) {
    process.stderr.write(`Closing the host failed: ${describe(error)}\n`);
    code = 1;
  }
  try {
    await engine.close();
  } catch (error) {
    process.stderr.write(`Closing the engine failed: ${describe(error)}\n`);
    code = 1;
  }
  return code;
}

function exit(code: number, message: string): never {
  process.stderr.write(message);
  process.exit(code);
}
