import type { NormalAlert, NormalNotification } from '../../../shared/intake/alert';
import { PULL_GROUP_KEY, parseAlertmanagerPull } from '../../../shared/intake/alertmanager-pull';
import type { HandlerContext } from '../handlers/context';
import { ingest } from './ingest';
import { authorizationFor, type PullSource } from './pull-config';

/** What the window shows about a followed Alertmanager. */
export interface PullStatus {
  url: string;
  state: 'polling' | 'ok' | 'failing' | 'off';
  lastGoodAt: number | null;
  lastError: string | null;
  /** Alerts it reported firing at the last good poll. */
  firing: number;
}

const TIMEOUT_MS = 5_000;
/** More than this in an answer is refused as garbage rather than parsed. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * Follows one Alertmanager by polling `GET /api/v2/alerts` and feeds what it answers into the
 * same pipeline as the webhooks. The API lists what is active now: an alert seen firing and gone
 * from the next answer has resolved, and is told so (ended when it was last seen missing).
 */
export class AlertmanagerPoller {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  /** Firing alerts of the last good answer, by fingerprint. */
  private firing = new Map<string, NormalAlert>();
  readonly status: PullStatus;

  constructor(
    private readonly ctx: HandlerContext,
    private readonly source: PullSource,
    private readonly secret: string | null,
  ) {
    this.status = { url: source.url, state: source.enabled ? 'polling' : 'off', lastGoodAt: null, lastError: null, firing: 0 };
  }

  start(): void {
    if (!this.source.enabled) return;
    // What was firing when this console last looked (before a restart): if it is gone now, it resolved.
    for (const log of this.ctx.registry.opened()) {
      const state = log.state;
      if (!state || state.status === 'closed') continue;
      for (const record of state.alerts) {
        if (record.alert.source === 'alertmanager-pull' && record.alert.status === 'firing') this.firing.set(record.alert.fingerprint, record.alert);
      }
    }
    this.schedule(0);
  }

  /** One poll now (tests, and "poll now" in Settings); resolves when it is done. */
  pollNow(): Promise<void> {
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.pollNow().finally(() => this.schedule(this.source.intervalSeconds * 1_000));
    }, ms);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    const now = this.ctx.now();
    let body: unknown;
    try {
      body = await this.fetchAlerts();
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    const parsed = parseAlertmanagerPull(body, now);
    if (!parsed.ok) {
      this.fail(`It answered something that is not a list of alerts: ${parsed.errors.slice(0, 3).join('; ')}`);
      return;
    }
    const seen = new Map(parsed.value.alerts.filter((a) => a.status === 'firing').map((a) => [a.fingerprint, a]));
    // Gone from the answer: resolved, as far as anyone can tell from here.
    const gone: NormalAlert[] = [...this.firing.values()].filter((a) => !seen.has(a.fingerprint)).map((a) => ({ ...a, status: 'resolved', endsAt: now }));
    const notification: NormalNotification = { ...parsed.value, groupKey: PULL_GROUP_KEY, alerts: [...parsed.value.alerts, ...gone] };
    try {
      await ingest(this.ctx, notification);
    } catch (error) {
      this.fail(`The console could not record its alerts: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.firing = seen;
    Object.assign(this.status, { state: 'ok', lastGoodAt: now, lastError: null, firing: seen.size });
  }

  private async fetchAlerts(): Promise<unknown> {
    const auth = authorizationFor(this.source, this.secret);
    const url = `${this.source.url.replace(/\/+$/, '')}/api/v2/alerts`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json', ...(auth ? { Authorization: auth } : {}) }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(`${this.source.url} cannot be reached${cause ? ` (${cause})` : ''}.`);
    }
    if (response.status === 401 || response.status === 403) throw new Error(`${this.source.url} refused the credentials (${response.status}).`);
    if (!response.ok) throw new Error(`${this.source.url} answered ${response.status}.`);
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw new Error(`${this.source.url} answered more than ${MAX_ANSWER_BYTES} bytes.`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${this.source.url} answered something that is not JSON.`);
    }
  }

  private fail(message: string): void {
    Object.assign(this.status, { state: 'failing', lastError: message });
  }
}
