// Counts durability rounds of the journal without touching the engine: each round is one
// FileHandle.write of the batch (the journal is opened with O_DSYNC, so the write itself is
// durable on return) and, where O_DSYNC is absent, a FileHandle.sync after it. Writes are
// counted; the FileHandle prototype is wrapped for the duration of a measurement.
import { open } from 'node:fs/promises';

let count = 0;
let installed = false;

export async function installFsyncCounter(probePath: string): Promise<void> {
  if (installed) return;
  const fh = await open(probePath, 'a');
  const proto = Object.getPrototypeOf(fh) as { write: (...args: unknown[]) => Promise<unknown> };
  await fh.close();
  const original = proto.write;
  proto.write = function write(this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  installed = true;
}

export function fsyncCount(): number {
  return count;
}
