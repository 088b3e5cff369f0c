// Counts durability rounds of the journal without touching the engine. The journal is opened
// with O_DSYNC, so each round is one write of the batch, durable on return (where O_DSYNC is
// absent, a sync follows it). Both ways a journal may write are counted: FileHandle.write
// (through the thread pool, as the engine did before) and fs.writeSync (on the event loop, as it
// does now). Count only while nothing else writes through them (no bare probe runs then).
import fs from 'node:fs';
import { open } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

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
  const writeSync = fs.writeSync;
  fs.writeSync = function counted(this: unknown, ...args: Parameters<typeof fs.writeSync>) {
    count += 1;
    return (writeSync as (...a: unknown[]) => number).apply(this, args);
  } as typeof fs.writeSync;
  // Named imports of node:fs (`import { writeSync }`) see the wrapper only after this.
  syncBuiltinESMExports();
  installed = true;
}

export function fsyncCount(): number {
  return count;
}
