import { CommandFailure } from '../../../shared/contract/result';
import type { IntakeEndpointView } from '../../../shared/contract/contract';
import { type ListenAddress, formatListenAddress, parseListenAddress } from '../../../shared/intake/listen-address';
import type { IntakeEndpoint, IntakeTake } from '../engine-types';
import { readListenAddress, writeListenAddress } from './listen-config';

/**
 * The webhook intake as its host serves it, seen from the engine: the loopback address and token,
 * and the intake-only address chosen in Settings (or given by `--intake-listen` for this run).
 * The host binds; the engine decides what is asked, keeps it, and says why a bind failed.
 */
export class IntakeEndpointControl {
  private asked: ListenAddress | null = null;
  private fromCommandLine = false;
  private error: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly endpoint: IntakeEndpoint | undefined,
    private readonly take: IntakeTake,
  ) {}

  /** Serves the saved (or command-line) address; a failure is shown in Settings, never fatal. */
  async start(): Promise<void> {
    if (!this.endpoint) return;
    const commandLine = this.endpoint.commandLineListen();
    const saved = commandLine ? null : await readListenAddress(this.dataDir);
    if (saved?.kind === 'unreadable') this.error = saved.message;
    const address = commandLine ?? (saved?.kind === 'address' ? saved.address : null);
    if (!address) return;
    this.asked = address;
    this.fromCommandLine = commandLine !== null;
    try {
      await this.endpoint.listen(address, this.take);
    } catch (error) {
      this.error = describeBindFailure(address, error);
      console.error(`alert intake: ${this.error}`);
    }
  }

  view(): IntakeEndpointView {
    const endpoint = this.endpoint;
    return {
      url: endpoint?.url() ?? null,
      token: endpoint?.token() ?? null,
      listen: {
        address: this.asked ? formatListenAddress(this.asked) : null,
        url: endpoint?.listenUrl() ?? null,
        error: this.error,
        fromCommandLine: this.fromCommandLine,
      },
    };
  }

  async rotate(): Promise<IntakeEndpointView> {
    if (!this.endpoint) throw new CommandFailure('UNAVAILABLE', 'This console serves no alert intake.');
    await this.endpoint.rotate();
    return this.view();
  }

  /** Serve the intake alone on `text` (HOST:PORT), or stop (null); kept for the next start once it works. */
  async setListen(text: string | null): Promise<IntakeEndpointView> {
    if (!this.endpoint) throw new CommandFailure('UNAVAILABLE', 'This console serves no alert intake.');
    let address: ListenAddress | null = null;
    if (text !== null && text.trim() !== '') {
      const parsed = parseListenAddress(text);
      if (!parsed.ok) throw new CommandFailure(parsed.error.code, parsed.error.message);
      address = parsed.value;
    }
    try {
      await this.endpoint.listen(address, this.take);
    } catch (error) {
      // What was served before still is; nothing is saved.
      throw new CommandFailure('UNAVAILABLE', `${describeBindFailure(address!, error)} The intake is served as before.`);
    }
    await writeListenAddress(this.dataDir, address);
    this.asked = address;
    this.fromCommandLine = false;
    this.error = null;
    return this.view();
  }

  async stop(): Promise<void> {
    if (this.endpoint?.listenUrl()) await this.endpoint.listen(null, this.take).catch(() => undefined);
  }
}

/** Why an address could not be served, in words a person can act on. */
export function describeBindFailure(address: ListenAddress, error: unknown): string {
  const where = formatListenAddress(address);
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `Could not serve the intake on ${where}: the port is in use by another program (or by this console's window).`;
    case 'EADDRNOTAVAIL':
      return `Could not serve the intake on ${where}: this machine has no such address. Use one of its interfaces, or 0.0.0.0 for all.`;
    case 'EACCES':
      return `Could not serve the intake on ${where}: ports below 1024 need privileges this console does not have.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not serve the intake on ${where}: the host name does not resolve on this machine.`;
    default:
      return `Could not serve the intake on ${where}: ${(error as Error | undefined)?.message ?? String(error)}.`;
  }
}
