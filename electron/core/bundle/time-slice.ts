/**
 * Lets a long job share the engine's one thread: work runs in slices of a few milliseconds and
 * the event loop gets a turn between them, so a scribe's note is not held up by an import.
 * setImmediate (not a resolved promise) because pending I/O — a reply, an fsync — must run too.
 */
export class TimeSlice {
  private started = performance.now();

  /**
   * 2 ms: a note needs two or three turns of the loop (its write, its fsync), each of which may
   * wait for one slice; shorter slices bought no lower latency in measurement, only a slower import.
   */
  constructor(private readonly sliceMs = 2) {}

  /** True once the current slice has used its time. */
  get due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Hands the event loop a turn, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
  }
}
