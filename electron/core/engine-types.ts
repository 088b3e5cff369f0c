import type { IncidentEvent } from '../../shared/domain/events';
import type { Result } from '../../shared/contract/result';

/**
 * The engine as a host sees it: one entry point for every command (validated inside, any
 * garbage allowed in) and one stream of committed events. Hosts (Electron main, the Node
 * WebSocket host, tests, benchmarks) hold nothing else.
 */
export interface Engine {
  /** Never throws and never rejects: unknown commands and bad input come back as `ok:false`. */
  dispatch(command: unknown, input: unknown): Promise<Result<unknown>>;
  /** Called once per committed event, in journal order per incident, after it is durable. */
  subscribe(listener: (event: IncidentEvent) => void): () => void;
  /** Checks every clock now: after resume from sleep or unlock. Resolves when due deadlines are recorded. */
  wake(): Promise<void>;
  /**
   * One webhook body from monitoring (Alertmanager, Grafana, PagerDuty Events v2), untrusted:
   * parsed strictly, then taken in; resolves once what it changed is durable. Never rejects.
   */
  intake(source: import('./intake/take-in').IntakeSource, body: unknown): Promise<Result<import('./intake/take-in').IntakeResult>>;
  /** One whole team-sync pass (push everything, pull every incident) if sync is on: for tests and the bench. */
  syncNow(): Promise<void>;
  /** Flushes pending writes, writes snapshots, closes files. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Where incidents and settings live. Created if missing. */
  dataDir: string;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
  /** Settings store; defaults to a `conf` store in `dataDir`. Electron passes electron-store. */
  settings?: import('./settings/settings-store').SettingsStore;
  /** Renders the post-mortem HTML to PDF for bundles; Electron supplies one (printToPDF), Node has none. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** Run the deadline scheduler (default true). Unit tests of other things turn it off. */
  scheduler?: boolean;
  /** This console's id (the node of its clock stamps); defaults to the one kept in `dataDir`. */
  consoleId?: string;
  /** Where the host serves the alert intake and how to make it a new token; absent: no intake here. */
  intakeEndpoint?: IntakeEndpoint;
  /** Team sync: the host's database adapter (the engine knows only the port) and where secrets live. */
  sync?: import('./sync/sync-control').SyncSetup;
}

/** The alert intake as its host serves it: the window shows it for whoever configures monitoring. */
export interface IntakeEndpoint {
  /** `http://127.0.0.1:PORT/intake`, once the host listens. */
  url(): string | null;
  token(): string;
  /** A new token: the old one stops working at once. */
  rotate(): Promise<string>;
  /**
   * Also serve the intake alone (never the window or its WebSocket) on `address`, taking bodies
   * with `take`; `null` stops it. Resolves with the address served; rejects with why not (a port
   * in use, an address this machine does not have), and then what was served before still is.
   */
  listen(address: ListenAddress | null, take: IntakeTake): Promise<string | null>;
  /** The intake-only address served now, or null. */
  listenUrl(): string | null;
  /** `--intake-listen` for this run: it wins over the saved address at start. */
  commandLineListen(): ListenAddress | null;
}

export type IntakeTake = Engine['intake'];
type ListenAddress = import('../../shared/intake/listen-address').ListenAddress;
