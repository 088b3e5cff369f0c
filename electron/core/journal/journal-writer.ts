import { crc32 } from 'node:zlib';
import type { DurableAppendFile } from '../fs/durable-append';

interface Pending {
  bytes: Buffer;
  lines: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A place in the journal: its length, its line count, and the CRC-32 of everything before. */
export interface JournalPoint {
  bytes: number;
  lines: number;
  crc: number;
}

interface PointWaiter {
  bytes: number;
  resolve: (point: JournalPoint) => void;
  reject: (error: Error) => void;
}

/**
 * Appends to one journal file. Group commit: everything appended during one turn of the event
 * loop (a burst of commands dispatched together, or arriving while the last round was on disk)
 * is written and made durable by one round in the next check phase, and nobody is acknowledged
 * before their bytes are on disk.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private broken: Error | null = null;
  private idleWaiters: Array<() => void> = [];
  private pointWaiters: PointWaiter[] = [];
  /** Durable length of the file in bytes, its line count and CRC-32. */
  size: number;
  lines: number;
  crc: number;
  /** Durable write rounds so far; a test and the benchmark read it. */
  syncs = 0;

  constructor(
    private readonly file: DurableAppendFile,
    start: JournalPoint,
  ) {
    this.size = start.bytes;
    this.lines = start.lines;
    this.crc = start.crc;
  }

  /** Resolves once `bytes` (holding `lines` records) are written and durable. */
  append(bytes: Buffer, lines = 1): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, lines, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Not now: the other commands of this turn (their promises are still running) join the round.
        setImmediate(() => this.flush());
      }
    });
  }

  get failed(): Error | null {
    return this.broken;
  }

  get idle(): boolean {
    return !this.scheduled && this.queue.length === 0;
  }

  /** Where the journal will end once everything accepted so far is durable. */
  get acceptedBytes(): number {
    let bytes = this.size;
    for (const p of this.queue) bytes += p.bytes.length;
    return bytes;
  }

  /**
   * Resolves with the journal point at exactly `bytes` once it is durable. `bytes` must be
   * the end of an append (as `acceptedBytes` always is).
   */
  durableAt(bytes: number): Promise<JournalPoint> {
    if (this.broken) return Promise.reject(this.broken);
    if (bytes === this.size) return Promise.resolve({ bytes: this.size, lines: this.lines, crc: this.crc });
    if (bytes < this.size) return Promise.reject(new Error('that point of the journal has passed'));
    return new Promise((resolve, reject) => this.pointWaiters.push({ bytes, resolve, reject }));
  }

  /** Resolves when nothing is queued or being written. */
  drain(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.drain();
    await this.file.close();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length > 0 && !this.broken) {
      try {
        this.file.writeDurably(batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((p) => p.bytes)), this.size);
        this.syncs += 1;
        this.settle(batch);
      } catch (cause) {
        this.fail(batch, cause as Error);
      }
    }
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private settle(batch: Pending[]): void {
    for (const p of batch) {
      this.size += p.bytes.length;
      this.lines += p.lines;
      this.crc = crc32(p.bytes, this.crc);
      this.settlePoints();
      p.resolve();
    }
  }

  /** After a failed write the file's tail is unknown: refuse everything until reopened. */
  private fail(batch: Pending[], cause: Error): void {
    this.broken = new Error(`journal write failed: ${cause.message}`);
    for (const p of batch) p.reject(this.broken);
    for (const w of this.pointWaiters) w.reject(this.broken);
    this.pointWaiters = [];
  }

  private settlePoints(): void {
    if (this.pointWaiters.length === 0) return;
    this.pointWaiters = this.pointWaiters.filter((w) => {
      if (w.bytes > this.size) return true;
      if (w.bytes === this.size) w.resolve({ bytes: this.size, lines: this.lines, crc: this.crc });
      else w.reject(new Error('a journal point fell inside an append'));
      return false;
    });
  }
}
