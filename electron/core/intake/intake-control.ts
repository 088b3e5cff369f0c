import { CommandFailure } from '../../../shared/contract/result';
import type { EventDraft, IncidentEvent } from '../../../shared/domain/events';
import { commitEvents } from '../handlers/context';
import { createSilence, expireSilence, silenceMatchers } from './silences';
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

  /**
   * Silences the incident's Alertmanager alert groups in the followed Alertmanager for `hours`
   * (asked by a person, never automatic), so pagers stop while the team works; the silences end
   * when the incident resolves. Recorded on the incident.
   */
  async silence(incidentId: string, hours: number): Promise<number> {
    const source = await readPullSource(this.dataDir);
    if (!source) throw new CommandFailure('CONFLICT', 'Follow the Alertmanager first (Settings → Alert sources): its address and credentials are needed to create a silence.');
    const ctx = this.ctx();
    const log = await ctx.registry.get(incidentId);
    const state = log.state;
    if (!state) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
    if (state.status === 'resolved' || state.status === 'closed') throw new CommandFailure('CONFLICT', 'The incident is over: nothing to silence.');
    const groups = silenceMatchers(state);
    if (groups.length === 0) throw new CommandFailure('CONFLICT', 'This incident holds no Alertmanager alerts to silence.');
    const secret = await readPullSecret(this.dataDir);
    const now = ctx.now();
    const until = now + hours * 3_600_000;
    const drafts: EventDraft[] = [];
    for (const matchers of groups) {
      const id = await createSilence(source, secret, matchers, until, now, `Command Post: ${state.id} ${state.title}`, ctx.actor());
      drafts.push({ type: 'alert.silenced', payload: { silenceId: id, matchers, endsAt: until, alertmanager: source.url } });
    }
    await commitEvents(ctx, log, state.id, drafts);
    return drafts.length;
  }

  /** Every committed event passes here: an incident that resolves ends the silences made for it. */
  noteCommitted(events: readonly IncidentEvent[]): void {
    for (const event of events) {
      if (event.type !== 'incident.statusChanged' || (event.payload.to !== 'resolved' && event.payload.to !== 'closed')) continue;
      void this.endSilences(event.incidentId).catch((error: unknown) => console.error(`ending silences of ${event.incidentId}: ${(error as Error).message}`));
    }
  }

  private async endSilences(incidentId: string): Promise<void> {
    const ctx = this.ctx();
    const log = await ctx.registry.get(incidentId);
    const open = log.state?.silences.filter((s) => s.endedAt === null) ?? [];
    if (open.length === 0) return;
    const source = await readPullSource(this.dataDir);
    if (!source) return;
    const secret = await readPullSecret(this.dataDir);
    const drafts: EventDraft[] = [];
    for (const s of open) {
      await expireSilence({ ...source, url: s.alertmanager }, secret, s.id);
      drafts.push({ type: 'alert.silenceEnded', payload: { silenceId: s.id, reason: 'the incident resolved, so pagers speak again' } });
    }
    await commitEvents(ctx, log, incidentId, drafts, 'Command Post');
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
