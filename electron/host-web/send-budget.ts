import { WebSocket } from 'ws';

const MIB = 1024 * 1024;

export interface FlowLimits {
  /** Open WebSocket connections; one more is refused with 503. */
  maxConnections: number;
  /** Bytes waiting for one client above which it is no longer read from, until they drain to half. */
  pauseAboveBytes: number;
  /** Bytes waiting for one client above which it is cut off: it has stopped reading. */
  clientBufferedBytes: number;
  /** Bytes waiting across every client; to stay under, the most backlogged client is cut off. */
  totalBufferedBytes: number;
}

/**
 * A full state of a 100 000-entry incident is about 41 MB: a window still reading one large
 * reply must not be mistaken for a stalled one, but two stalled windows must not take the
 * host to a gigabyte.
 */
export const DEFAULT_FLOW_LIMITS: FlowLimits = {
  maxConnections: 64,
  pauseAboveBytes: 4 * MIB,
  clientBufferedBytes: 128 * MIB,
  totalBufferedBytes: 256 * MIB,
};

/** What every connection has waiting to be written out, held to the limits. */
export class SendBudget {
  private readonly outboxes = new Set<Outbox>();
  private waiting = 0;

  constructor(
    readonly limits: FlowLimits,
    private readonly log: (message: string) => void,
  ) {}

  /** Bytes handed to sockets and not yet written out, across every client. */
  get bufferedBytes(): number {
    return this.waiting;
  }

  open(socket: WebSocket, onDrained: () => void): Outbox {
    const outbox = new Outbox(socket, this, onDrained);
    this.outboxes.add(outbox);
    socket.once('close', () => outbox.release());
    return outbox;
  }

  /** Counts bytes handed to a socket. */
  charge(bytes: number): void {
    this.waiting += bytes;
  }

  /** Counts bytes written out, or dropped with their connection. */
  credit(outbox: Outbox, bytes: number): void {
    this.waiting -= bytes;
    if (outbox.closed) this.outboxes.delete(outbox);
  }

  /**
   * Cuts off the most backlogged clients until `bytes` more fit under the total. A client with
   * nothing waiting has read everything it was sent, so it is never the one cut off.
   */
  makeRoom(bytes: number): void {
    while (this.waiting + bytes > this.limits.totalBufferedBytes) {
      let largest: Outbox | null = null;
      for (const outbox of this.outboxes) if (outbox.queued > 0 && (!largest || outbox.queued > largest.queued)) largest = outbox;
      if (!largest) return;
      largest.cutOff('the host holds too much unsent data');
    }
  }

  note(message: string): void {
    this.log(message);
  }
}

/** One client's unsent bytes: pauses reading from it when they pile up, cuts it off when it stops reading. */
export class Outbox {
  queued = 0;
  paused = false;
  closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly budget: SendBudget,
    private readonly onDrained: () => void,
  ) {}

  /** Sends a text frame; a client that stopped reading, or the host short of room, ends the connection instead. */
  send(data: Buffer): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    const size = data.length;
    const { limits } = this.budget;
    if (this.queued > 0 && this.queued + size > limits.clientBufferedBytes) {
      this.cutOff('it stopped reading');
      return;
    }
    this.budget.makeRoom(size);
    if (this.closed) return;
    this.queued += size;
    this.budget.charge(size);
    this.socket.send(data, { binary: false }, (error) => {
      if (error && !this.closed) this.budget.note(`send failed: ${error.message}`);
      this.written(size);
    });
    if (!this.paused && this.queued > limits.pauseAboveBytes) {
      // Stop reading its requests: each would only add another reply to the pile.
      this.paused = true;
      this.socket.pause();
    }
  }

  /** Ends the connection at once and frees what was waiting for it. */
  cutOff(reason: string): void {
    if (this.closed) return;
    this.budget.note(`closing a connection: ${reason}`);
    this.release();
    this.socket.terminate();
  }

  /** The connection is gone: nothing it had waiting counts any more. */
  release(): void {
    if (this.closed) return;
    this.closed = true;
    const freed = this.queued;
    this.queued = 0;
    this.budget.credit(this, freed);
  }

  private written(size: number): void {
    if (this.closed) return;
    this.queued -= size;
    this.budget.credit(this, size);
    if (this.paused && this.queued <= this.budget.limits.pauseAboveBytes / 2) {
      this.paused = false;
      this.socket.resume();
      this.onDrained();
    }
  }
}
