import { CommandFailure } from '../../../shared/contract/result';
import type { HandlerContext } from '../handlers/context';
import { AlertmanagerPoller, type PullStatus } from './alertmanager-poller';
import { type PullSource, readPullSecret, readPullSource, writePullSecret, writePullSource } from './pull-config';

export interface PullSourceView extends PullSource {
  hasSecret: boolean;
}

export interface IntakeSourcesView {
  pull: PullSourceView | null;
  status: PullStatus | null;
}

export interface ConfigurePullInput extends PullSource {
  /** A new bearer token or basic password; `null` forgets the kept one; absent keeps it. */
  secret?: string | null | undefined;
}

/** The engine's handle on the alert sources it follows itself (the webhooks need none). */
export class IntakeControl {
  private poller: AlertmanagerPoller | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly ctx: () => HandlerContext,
  ) {}

  async start(): Promise<void> {
    const source = await readPullSource(this.dataDir);
    if (source?.enabled) this.run(source, await readPullSecret(this.dataDir));
  }

  async view(): Promise<IntakeSourcesView> {
    const source = await readPullSource(this.dataDir);
    return {
      pull: source ? { ...source, hasSecret: (await readPullSecret(this.dataDir)) !== null } : null,
      status: this.poller ? { ...this.poller.status } : null,
    };
  }

  async configurePull(input: ConfigurePullInput): Promise<IntakeSourcesView> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new CommandFailure('INVALID_INPUT', 'The Alertmanager address is not a URL; it looks like http://alertmanager:9093.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CommandFailure('INVALID_INPUT', 'The Alertmanager address must be http:// or https://.');
    if (url.username || url.password) throw new CommandFailure('INVALID_INPUT', 'Put credentials in the user name and password fields, not in the address.');
    const { secret, ...source } = input;
    const clean: PullSource = { ...source, url: url.toString().replace(/\/+$/, '') };
    if (secret !== undefined) await writePullSecret(this.dataDir, secret);
    await writePullSource(this.dataDir, clean);
    await this.stop();
    if (clean.enabled) this.run(clean, await readPullSecret(this.dataDir));
    return this.view();
  }

  /** For tests and the bench: one poll now, if a source is followed. */
  async pollNow(): Promise<void> {
    await this.poller?.pollNow();
  }

  async stop(): Promise<void> {
    const poller = this.poller;
    this.poller = null;
    await poller?.stop();
  }

  private run(source: PullSource, secret: string | null): void {
    this.poller = new AlertmanagerPoller(this.ctx(), source, secret);
    this.poller.start();
  }
}
