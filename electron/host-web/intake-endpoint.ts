import type { ListenAddress } from '../../shared/intake/listen-address';
import type { IntakeEndpoint, IntakeTake } from '../core/engine-types';
import { loadOrCreateIntakeToken } from './host-token';
import type { SecretError } from './private-secret';
import { startIntakeServer, type IntakeServer } from './intake-server';

/**
 * The alert intake as a host serves it (the browser host and Electron main alike): its token,
 * kept in the data folder and rotated in place, the loopback address the host tells it, and the
 * intake-only server the engine asks for (Settings or `--intake-listen`).
 */
export class HostIntakeEndpoint implements IntakeEndpoint {
  private server: { at: ListenAddress; running: IntakeServer } | null = null;
  private loopback: string | null = null;

  private constructor(
    private readonly dataDir: string,
    private current: string,
    private readonly commandLine: ListenAddress | null,
    private readonly log: (message: string) => void,
  ) {}

  static async open(dataDir: string, options: { newToken?: boolean; commandLineListen?: ListenAddress | null; log: (message: string) => void }): Promise<{ ok: true; value: HostIntakeEndpoint } | { ok: false; error: SecretError }> {
    const token = await loadOrCreateIntakeToken(dataDir, options.newToken ?? false);
    if (!token.ok) return token;
    return { ok: true, value: new HostIntakeEndpoint(dataDir, token.value, options.commandLineListen ?? null, options.log) };
  }

  /** The host's own intake address once it listens (`http://127.0.0.1:PORT/intake`). */
  setLoopbackUrl(url: string | null): void {
    this.loopback = url;
  }

  url(): string | null {
    return this.loopback;
  }

  token(): string {
    return this.current;
  }

  async rotate(): Promise<string> {
    const next = await loadOrCreateIntakeToken(this.dataDir, true);
    if (!next.ok) throw new Error(next.error.message);
    this.current = next.value;
    return next.value;
  }

  listenUrl(): string | null {
    return this.server?.running.url ?? null;
  }

  commandLineListen(): ListenAddress | null {
    return this.commandLine;
  }

  async listen(address: ListenAddress | null, take: IntakeTake): Promise<string | null> {
    const before = this.server;
    if (address === null) {
      this.server = null;
      await before?.running.close();
      return null;
    }
    if (before && before.at.host === address.host && (address.port === 0 || before.at.port === address.port)) return before.running.url;
    const start = (at: ListenAddress) => startIntakeServer({ take, token: () => this.current, host: at.host, port: at.port, log: this.log });
    let running: IntakeServer;
    try {
      // The new address first, so that a refusal leaves the old one serving.
      running = await start(address);
    } catch (error) {
      // The same port on another interface collides with our own listener: free it, then retry.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !before || before.running.port !== address.port) throw error;
      await before.running.close();
      this.server = null;
      try {
        running = await start(address);
      } catch (again) {
        this.server = await start({ host: before.at.host, port: before.running.port }).then(
          (back) => ({ at: before.at, running: back }),
          () => null,
        );
        throw again;
      }
      this.server = { at: address, running };
      return running.url;
    }
    this.server = { at: address, running };
    await before?.running.close();
    return running.url;
  }
}
