// Hybrid logical clock stamps: wall-clock milliseconds, a counter, and the console that made the
// event. Written as one string whose plain string order is the stamps' order:
//
//   1764510000000-00000-ic-laptop-7f3a
//   └ wall ms, 13 digits ┘ └ counter ┘ └ console id ┘
//
// An incident's state is the reducer over its events sorted by (stamp, id), so any two
// consoles holding the same events hold the same state, whatever order they arrived in.

export interface Stamp {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 5;
const MAX_WALL = 10 ** WALL_DIGITS - 1;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A console id: lower-case letters, digits and inner dashes, at most 40 characters. */
export const CONSOLE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const STAMP_PATTERN = /^(\d{13})-(\d{5})-([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)$/;

/** The node of stamps derived for events written before stamps existed. */
export const LEGACY_NODE = 'legacy';

export function formatStamp(stamp: Stamp): string {
  return `${String(stamp.wall).padStart(WALL_DIGITS, '0')}-${String(stamp.counter).padStart(COUNTER_DIGITS, '0')}-${stamp.node}`;
}

export function parseStamp(text: string): Stamp | null {
  const m = STAMP_PATTERN.exec(text);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

export function isStamp(text: unknown): text is string {
  return typeof text === 'string' && STAMP_PATTERN.test(text);
}

/** The console that made a stamp ('' for anything that is not a stamp: the reducer never throws). */
export function nodeOf(stamp: string): string {
  return typeof stamp === 'string' ? stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2) : '';
}

export function wallOf(stamp: string): number {
  return Number(stamp.slice(0, WALL_DIGITS));
}

/** The order of events in every incident's state: by stamp, then by id. */
export function compareStamped(a: { hlc: string; id: string }, b: { hlc: string; id: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The next stamp after `last` (or the start), at wall time `now`: never equal, never earlier. */
function tick(last: Stamp | null, now: number, node: string): Stamp {
  const wall = Math.min(Math.max(0, Math.floor(now)), MAX_WALL);
  if (!last || wall > last.wall) return { wall, counter: 0, node };
  // The counter has room for 100 000 events in one millisecond; past that, borrow the next one.
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

/**
 * One console's clock. `send` stamps an event made here; `receive` takes in a stamp made
 * elsewhere so that everything made here afterwards sorts after it (causality).
 */
export class HybridClock {
  private last: Stamp | null = null;

  constructor(
    readonly node: string,
    private readonly now: () => number,
  ) {
    if (!CONSOLE_ID_PATTERN.test(node)) throw new Error(`not a console id: ${JSON.stringify(node)}`);
  }

  send(): string {
    this.last = tick(this.last, this.now(), this.node);
    return formatStamp(this.last);
  }

  /** Takes in a stamp seen in an event (made here before, elsewhere, or derived on open). */
  receive(text: string): void {
    const seen = parseStamp(text);
    if (!seen) return;
    if (!this.last || seen.wall > this.last.wall || (seen.wall === this.last.wall && seen.counter > this.last.counter)) {
      this.last = { wall: seen.wall, counter: seen.counter, node: this.node };
    }
  }

  /** The latest stamp seen or made, for tests and diagnostics. */
  peek(): string | null {
    return this.last ? formatStamp(this.last) : null;
  }
}

/**
 * Stamps for events of a journal written before stamps existed, in journal order: the clock's
 * own rule run over their `at`, so they keep the order they were reduced in (a later line never
 * sorts before an earlier one) and every console derives the same stamps from the same lines.
 */
export class LegacyStamper {
  private last: Stamp | null = null;

  /** Continue after a stamp already given (a snapshot's last), if any. */
  constructor(after: string | null = null) {
    this.last = after ? parseStamp(after) : null;
  }

  next(at: number): string {
    this.last = tick(this.last, at, LEGACY_NODE);
    return formatStamp(this.last);
  }

  /** A real stamp met among the lines: derived ones after it sort after it. */
  see(text: string): void {
    const seen = parseStamp(text);
    if (seen && (!this.last || seen.wall > this.last.wall || (seen.wall === this.last.wall && seen.counter >= this.last.counter))) {
      this.last = { wall: seen.wall, counter: seen.counter, node: LEGACY_NODE };
    }
  }
}
