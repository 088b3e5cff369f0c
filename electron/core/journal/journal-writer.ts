import type { FileHandle } from 'node:fs/promises';

interface Pending {
  bytes: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends to one journal file. Group commit: whatever arrives while an fsync is under way is
 * written and synced together by the next round, so a burst of notes shares one fsync and
 * nobody is acknowledged before their bytes are on disk.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private broken: Error | null = null;
  private idleWaiters: Array<() => void> = [];
  /** Durable length of the file in bytes. */
  size: number;
  /** fsync rounds so far; a test and the benchmark read it. */
  syncs = 0;

  constructor(
    private readonly file: FileHandle,
    initialSize: number,
  ) {
    this.size = initialSize;
  }

  /** Resolves once `bytes` are written and fsynced. */
  append(bytes: Buffer): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  get failed(): Error | null {
    return this.broken;
  }

  get idle(): boolean {
    return !this.flushing && this.queue.length === 0;
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
      try {
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await this.file.write(buffer, offset, buffer.length - offset, this.size + offset);
          offset += bytesWritten;
        }
        await this.file.sync();
        this.syncs += 1;
        this.size += buffer.length;
        for (const p of batch) p.resolve();
      } catch (cause) {
        // After a failed write the file's tail is unknown: refuse everything until reopened.
        this.broken = new Error(`journal write failed: ${(cause as Error).message}`);
        for (const p of [...batch, ...this.queue]) p.reject(this.broken);
        this.queue = [];
      }
    }
    this.flushing = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
