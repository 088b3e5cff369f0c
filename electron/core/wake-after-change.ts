/**
 * After a change the clocks are checked once the command has been answered, not before; and a
 * stream of changes gets one check every `gapMs`, not one per change. A check looks at every
 * open incident's deadlines: once per note it cost about as much as the rest of the note's work
 * together, for deadlines measured in minutes. The first change after a quiet spell is checked
 * at once (in the next check phase); later ones wait for the gap.
 */
export function wakeAfterChange(wake: () => void, gapMs: number, clock: () => number = () => performance.now()): () => void {
  let queued = false;
  let lastAt = Number.NEGATIVE_INFINITY;
  const run = () => {
    queued = false;
    lastAt = clock();
    wake();
  };
  return () => {
    if (queued) return;
    queued = true;
    const wait = lastAt + gapMs - clock();
    if (wait <= 0) setImmediate(run);
    // The timer alone must not keep a Node process alive; the engine's own timer does that job.
    else setTimeout(run, wait).unref();
  };
}
