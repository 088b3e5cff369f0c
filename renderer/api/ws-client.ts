import type { CommandPostApi, ConnectionState } from '../../shared/contract/api';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract/contract';
import { LIMITS } from '../../shared/contract/limits';
import type { CommandError, Result } from '../../shared/contract/result';
import type { ServerMessage, WireRequest } from '../../shared/contract/wire';
import type { IncidentEvent } from '../../shared/domain/events';
import { reconnectDelay } from './backoff';
import { Listeners } from './listeners';

/** How long a request may wait for a connection before the caller hears it was not sent. */
const QUEUE_TIMEOUT_MS = 15_000;

interface Pending {
  id: number;
  frame: string;
  settle: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

const failure = (code: CommandError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * The contract over one WebSocket to the Node host. Requests queue until the socket is open;
 * replies pair with requests by id; a dropped socket is reopened with backoff, and every
 * (re)open is announced so that stores refetch what they may have missed.
 */
export class WsClient implements CommandPostApi {
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private readonly events = new Listeners<IncidentEvent>();
  private readonly connection = new Listeners<ConnectionState>();

  constructor(
    private readonly url: string,
    private readonly sessionRefused: () => Promise<boolean> = askSessionRefused,
  ) {
    window.addEventListener('online', () => this.reconnectNow());
    this.connect();
  }

  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
    const id = this.nextId++;
    const request: WireRequest = { id, command, input };
    const frame = JSON.stringify(request);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only measure frames that could be too large.
    if (frame.length * 3 > LIMITS.frameBytes && new Blob([frame]).size > LIMITS.frameBytes) {
      return Promise.resolve(failure('TOO_LARGE', 'This is too large to send in one piece.'));
    }
    return new Promise((resolve) => {
      const pending: Pending = {
        id,
        frame,
        settle: resolve as (result: Result<unknown>) => void,
        timer: null,
      };
      if (this.socket && this.state === 'open') this.send(pending);
      else this.enqueue(pending);
    });
  }

  onEvent(listener: (event: IncidentEvent) => void): () => void {
    return this.events.add(listener);
  }

  /** The listener hears the current state at once, then every change. */
  onConnection(listener: (state: ConnectionState) => void): () => void {
    listener(this.state);
    return this.connection.add(listener);
  }

  private connect(): void {
    this.reconnectTimer = null;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.setState('open');
      for (const pending of this.queue.splice(0)) this.send(pending);
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failInFlight();
      this.scheduleReconnect();
      if (opened) {
        this.setState('closed');
        return;
      }
      // A browser cannot see why an upgrade was refused; the host says whether we are signed in.
      void this.sessionRefused().then((refused) => {
        if (this.state !== 'open') this.setState(refused ? 'signed-out' : 'closed');
      });
    };
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== null) return;
    this.reconnectTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
  }

  private reconnectNow(): void {
    if (this.socket || this.reconnectTimer === null) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.connection.emit(state);
  }

  private enqueue(pending: Pending): void {
    pending.timer = setTimeout(() => {
      const index = this.queue.indexOf(pending);
      if (index >= 0) this.queue.splice(index, 1);
      pending.settle(failure('UNAVAILABLE', 'Not connected to the engine; nothing was sent.'));
    }, QUEUE_TIMEOUT_MS);
    this.queue.push(pending);
  }

  private send(pending: Pending): void {
    if (pending.timer !== null) clearTimeout(pending.timer);
    pending.timer = null;
    this.inFlight.set(pending.id, pending);
    this.socket?.send(pending.frame);
  }

  private failInFlight(): void {
    // The engine may or may not have done it; say so rather than guess.
    for (const pending of this.inFlight.values()) {
      pending.settle(
        failure('UNAVAILABLE', 'The connection dropped before the engine answered. Check the timeline before retrying.'),
      );
    }
    this.inFlight.clear();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      console.error('Command Post: unreadable message from the host');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if ('event' in message) {
      this.events.emit(message.event);
      return;
    }
    const pending = typeof message.id === 'number' ? this.inFlight.get(message.id) : undefined;
    if (!pending) {
      if (!message.ok) console.error('Command Post: host error', message.error);
      return;
    }
    this.inFlight.delete(pending.id);
    pending.settle(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
  }
}

export function webSocketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws`;
}

/** True when the host answers that this browser is not signed in; false when it is, or cannot be asked. */
async function askSessionRefused(): Promise<boolean> {
  try {
    const response = await fetch('/session', { credentials: 'same-origin', cache: 'no-store' });
    return response.status === 401;
  } catch {
    return false;
  }
}
