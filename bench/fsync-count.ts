// Counts FileHandle.sync() calls (the only way the engine fsyncs) without touching the engine:
// the FileHandle prototype is wrapped for the duration of a measurement.
import { open } from 'node:fs/promises';

let count = 0;
let installed = false;

export async function installFsyncCounter(probePath: string): Promise<void> {
  if (installed) return;
  const fh = await open(probePath, 'a');
  const proto = Object.getPrototypeOf(fh) as { sync: (...args: unknown[]) => Promise<void> };
  await fh.close();
  const original = proto.sync;
  proto.sync = function sync(this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  installed = true;
}

export function fsyncCount(): number {
  return count;
}
