import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

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
 * Appends to one journal file. Group commit: whatever arrives while a write is under way is
 * written and made durable together by the next round, so a burst of notes shares one sync
 * and nobody is acknowledged before their bytes are on disk.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private broken: Error | null = null;
  private idleWaiters: Array<() => void> = [];
  private pointWaiters: PointWaiter[] = [];
  private inFlightBytes = 0;
  /** Durable length of the file in bytes, its line count and CRC-32. */
  size: number;
  lines: number;
  crc: number;
  /** Rounds of write + sync so far; a test and the benchmark read it. */
  syncs = 0;

  /**
   * `dataSync`: the file was opened with O_DSYNC, so each write returns only once its data is
   * on disk (the guarantee of fdatasync) and a separate fsync would only add a round trip.
   */
  constructor(
    private readonly file: FileHandle,
    start: JournalPoint,
    private readonly dataSync = false,
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
      if (!this.flushing) void this.flush();
    });
  }

  get failed(): Error | null {
    return this.broken;
  }

  get idle(): boolean {
    return !this.flushing && this.queue.length === 0;
  }

  /** Where the journal will end once everything accepted so far is durable. */
  get acceptedBytes(): number {
    return this.size + this.inFlightBytes + this.queue.reduce((n, p) => n + p.bytes.length, 0);
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

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0 && !this.broken) {
      const batch = this.queue;
      this.queue = [];
      const buffer = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((p) => p.bytes));
      this.inFlightBytes = buffer.length;
      try {
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await this.file.write(buffer, offset, buffer.length - offset, this.size + offset);
          offset += bytesWritten;
        }
        if (!this.dataSync) await this.file.sync();
        this.syncs += 1;
        this.inFlightBytes = 0;
        for (const p of batch) {
          this.size += p.bytes.length;
          this.lines += p.lines;
          this.crc = crc32(p.bytes, this.crc);
          this.settlePoints();
          p.resolve();
        }
      } catch (cause) {
        // After a failed write the file's tail is unknown: refuse everything until reopened.
        this.broken = new Error(`journal write failed: ${(cause as Error).message}`);
        for (const p of [...batch, ...this.queue]) p.reject(this.broken);
        for (const w of this.pointWaiters) w.reject(this.broken);
        this.pointWaiters = [];
        this.queue = [];
        this.inFlightBytes = 0;
      }
    }
    this.flushing = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
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
