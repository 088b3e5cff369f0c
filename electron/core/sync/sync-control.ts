import type { IncidentEvent } from '../../../shared/domain/events';
import { offStatus, SKEW_WARNING_MS, type SyncStatus, type SyncTestAnswer } from '../../../shared/sync/sync-status';
import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentRegistry } from '../incident-registry';
import { fileSecretStore, parseSyncUrl, readSyncConfig, type SecretStore, TEAM_PATTERN, urlWithPassword, writeSyncConfig } from './sync-config';
import type { SyncPortFactory, SyncResult } from './sync-port';
import { TeamSync } from './team-sync';

/** How a host lets the engine sync: the adapter to use, and where the password lives. */
export interface SyncSetup {
  factory: SyncPortFactory;
  /** From `--sync-url` or `COMMAND_POST_SYNC_URL`: used instead of the saved connection, never saved. */
  override?: { url: string; team?: string } | null;
  secrets?: SecretStore;
  heartbeatMs?: number;
  retryMs?: readonly number[];
}


export interface SyncConfigureInput {
  url: string;
  team: string;
  /** A new password; `null` forgets the saved one; absent keeps it. */
  password?: string | null | undefined;
  enabled: boolean;
}

/**
 * The engine's one handle on team sync: starts and stops the sync loop as the connection is
 * configured, and answers for it when it is off. Knows no database: the host's factory does.
 */
export class SyncControl {
  private sync: TeamSync | null = null;
  private readonly secrets: SecretStore;
  private fromCommandLine = false;

  constructor(
    private readonly dataDir: string,
    private readonly registry: IncidentRegistry,
    private readonly now: () => number,
    private readonly consoleId: string,
    private readonly setup: SyncSetup | null,
  ) {
    this.secrets = setup?.secrets ?? fileSecretStore(dataDir);
  }

  async start(): Promise<void> {
    if (!this.setup) return;
    const override = this.setup.override;
    if (override) {
      const parsed = parseSyncUrl(override.url);
      if (!parsed.ok) throw new Error(`--sync-url: ${parsed.message}`);
      const team = override.team ?? parsed.team ?? '';
      if (!TEAM_PATTERN.test(team)) throw new Error('--sync-url: name the team, as ?team=ID at the end of the URL or in COMMAND_POST_SYNC_TEAM.');
      this.fromCommandLine = true;
      await this.run(parsed.url, parsed.password, team, parsed.target);
      return;
    }
    const config = await readSyncConfig(this.dataDir);
    if (config?.enabled) {
      const parsed = parseSyncUrl(config.url);
      if (parsed.ok) await this.run(parsed.url, await this.secrets.read(), config.team, parsed.target);
    }
  }

  status(): SyncStatus {
    const status = this.sync?.status() ?? offStatus(this.consoleId);
    return this.fromCommandLine ? { ...status, fromCommandLine: true } : status;
  }

  /** Whether new incidents are shared by default: sync is configured and on. */
  get on(): boolean {
    return this.sync !== null;
  }

  isShared(incidentId: string): boolean {
    return this.sync?.isShared(incidentId) ?? false;
  }

  async share(incidentId: string): Promise<void> {
    if (!this.sync) throw new CommandFailure('UNAVAILABLE', 'Team sync is off: connect to the team database in Settings → Team sync first.');
    await this.sync.share(incidentId);
  }

  /** An artefact file from the team's store (untrusted bytes), or why it cannot be had. */
  fetchFile(incidentId: string, hash: string): Promise<SyncResult<Uint8Array | null>> | null {
    if (!this.sync?.isShared(incidentId)) return null;
    return this.sync.fetchFile(hash);
  }

  noteCommitted(events: readonly IncidentEvent[]): void {
    this.sync?.noteCommitted(events);
  }

  /** For tests and the bench: one whole push-and-pull pass. */
  async flush(): Promise<void> {
    await this.sync?.flushNow();
  }

  async savedConfig(): Promise<{ url: string; team: string; enabled: boolean; hasPassword: boolean; fromCommandLine: boolean } | null> {
    const config = await readSyncConfig(this.dataDir);
    if (!config) return this.fromCommandLine ? { url: '', team: '', enabled: true, hasPassword: false, fromCommandLine: true } : null;
    return { ...config, hasPassword: (await this.secrets.read()) !== null, fromCommandLine: this.fromCommandLine };
  }

  async configure(input: SyncConfigureInput): Promise<SyncStatus> {
    if (!this.setup) throw new CommandFailure('UNAVAILABLE', 'This host cannot sync with a team database.');
    if (this.fromCommandLine) throw new CommandFailure('CONFLICT', 'This console was started with --sync-url; restart it without to change the connection here.');
    const parsed = parseSyncUrl(input.url);
    if (!parsed.ok) throw new CommandFailure('INVALID_INPUT', parsed.message);
    const team = input.team || parsed.team || '';
    if (!TEAM_PATTERN.test(team)) throw new CommandFailure('INVALID_INPUT', 'A team id is lower-case letters, digits, - and _, at most 40.');
    if (parsed.password !== null) await this.secrets.write(parsed.password);
    else if (input.password !== undefined) await this.secrets.write(input.password);
    await writeSyncConfig(this.dataDir, { url: parsed.url, team, enabled: input.enabled });
    await this.stopSync();
    if (input.enabled) await this.run(parsed.url, await this.secrets.read(), team, parsed.target);
    return this.status();
  }

  /** Connects once with what was typed (nothing saved), and says what happened. */
  async test(input: { url: string; team: string; password?: string | null | undefined }): Promise<SyncTestAnswer> {
    if (!this.setup) throw new CommandFailure('UNAVAILABLE', 'This host cannot sync with a team database.');
    const parsed = parseSyncUrl(input.url);
    if (!parsed.ok) throw new CommandFailure('INVALID_INPUT', parsed.message);
    const password = parsed.password ?? (input.password === undefined ? await this.secrets.read() : input.password);
    const port = this.setup.factory({ url: urlWithPassword(parsed.url, password), team: input.team || parsed.team || '', consoleId: this.consoleId });
    try {
      const session = await port.connect();
      if (!session.ok) return { ok: false, login: null, team: null, schemaVersion: null, skewMs: null, problem: session.error };
      const skew = this.now() - session.value.serverNow;
      return {
        ok: true,
        login: session.value.login,
        team: session.value.team,
        schemaVersion: session.value.schemaVersion,
        skewMs: Math.abs(skew) > SKEW_WARNING_MS ? skew : null,
        problem: null,
      };
    } finally {
      await port.close();
    }
  }

  async stop(): Promise<void> {
    await this.stopSync();
  }

  private async stopSync(): Promise<void> {
    const sync = this.sync;
    this.sync = null;
    await sync?.stop();
  }

  private async run(url: string, password: string | null, team: string, target: string): Promise<void> {
    const setup = this.setup!;
    const port = setup.factory({ url: urlWithPassword(url, password), team, consoleId: this.consoleId });
    this.sync = await TeamSync.start({
      dataDir: this.dataDir,
      registry: this.registry,
      now: this.now,
      consoleId: this.consoleId,
      team,
      target,
      port,
      ...(setup.heartbeatMs !== undefined ? { heartbeatMs: setup.heartbeatMs } : {}),
      ...(setup.retryMs !== undefined ? { retryMs: setup.retryMs } : {}),
    });
  }
}
