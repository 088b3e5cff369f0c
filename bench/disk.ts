// The physical limit: append the same bytes as one journal record and fsync, in a bare loop,
// on the same file system as the engine's data folder. Each probe stays open so that the
// append benchmark can interleave blocks of bare samples with blocks of engine samples: on a
// shared machine both then see the same disk and CPU weather.
import { closeSync, constants as fsConstants, fdatasyncSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeRecord } from '../electron/core/journal/record';
import { noteEvent } from './fixtures';

export function recordLine(): Buffer {
  return Buffer.from(encodeRecord(noteEvent('INC-20261118-bench1', 100_001)));
}

export interface DiskProbe {
  name: string;
  /** Appends one record line `n` times; returns each append's milliseconds. */
  sample(n: number): Promise<number[]>;
  close(): Promise<void>;
}

/** write(2) + fsync(2) straight from JavaScript, no thread pool: the floor. */
export function syncProbe(dir: string): DiskProbe {
  const line = recordLine();
  const fd = openSync(join(dir, 'bare-sync.jsonl'), 'a');
  return {
    name: 'bare write+fsync (sync)',
    async sample(n) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        writeSync(fd, line);
        fsyncSync(fd);
        out.push(performance.now() - t0);
      }
      return out;
    },
    async close() {
      closeSync(fd);
    },
  };
}

async function handleProbe(name: string, fh: FileHandle, withSync: boolean): Promise<DiskProbe> {
  const line = recordLine();
  return {
    name,
    async sample(n) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await fh.write(line, 0, line.length);
        if (withSync) await fh.sync();
        out.push(performance.now() - t0);
      }
      return out;
    },
    close: () => fh.close(),
  };
}

/** The same through FileHandle.write + FileHandle.sync, as the journal writer does it: two pool hops. */
export async function asyncProbe(dir: string): Promise<DiskProbe> {
  return handleProbe('bare FileHandle write+sync', await open(join(dir, 'bare-async.jsonl'), 'a'), true);
}

/** One pool hop: the file opened with O_DSYNC, so write(2) returns once bytes and size are durable. */
export async function dsyncProbe(dir: string): Promise<DiskProbe> {
  const flags = fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | fsConstants.O_DSYNC;
  return handleProbe('bare FileHandle write, O_DSYNC', await open(join(dir, 'bare-dsync.jsonl'), flags), false);
}

/**
 * Not an append: the same line written over bytes already in the file, then fdatasync. The
 * length does not change, so the file system has no metadata to commit with the data: the
 * state of SQLite's WAL once it has been checkpointed and is reused from its start. A journal
 * that only appends cannot be here; the row shows what that costs.
 */
export function overwriteProbe(dir: string): DiskProbe {
  const line = recordLine();
  const slots = 2_048;
  const fd = openSync(join(dir, 'bare-overwrite.bin'), 'w+');
  const filler = Buffer.alloc(line.length * slots, 0x20);
  writeSync(fd, filler, 0, filler.length, 0);
  fsyncSync(fd);
  let slot = 0;
  return {
    name: 'bare overwrite+fdatasync (no size change)',
    async sample(n) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        writeSync(fd, line, 0, line.length, (slot++ % slots) * line.length);
        fdatasyncSync(fd);
        out.push(performance.now() - t0);
      }
      return out;
    },
    async close() {
      closeSync(fd);
    },
  };
}
