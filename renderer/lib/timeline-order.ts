import type { TimelineEntry } from '../../shared/domain/incident';

/**
 * The timeline as read: by `at` (when it happened), then in logged order. The state keeps
 * entries in logged order and only appends or replaces them in place (an amendment or a
 * strike never moves a line), so this keeps positions, not entries, and inserts new ones as
 * they come instead of sorting 100 000 rows on every note.
 */
export class TimelineOrder {
  private source: TimelineEntry[] | null = null;
  private seen = 0;
  /** Indexes into the timeline, in reading order. */
  positions: number[] = [];

  sync(timeline: TimelineEntry[]): number[] {
    if (timeline !== this.source || timeline.length < this.seen) {
      this.source = timeline;
      this.seen = timeline.length;
      this.positions = Array.from({ length: timeline.length }, (_, i) => i);
      if (!isOrdered(timeline)) this.positions.sort((a, b) => timeline[a]!.at - timeline[b]!.at || a - b);
      return this.positions;
    }
    for (; this.seen < timeline.length; this.seen++) this.insert(timeline, this.seen);
    return this.positions;
  }

  private insert(timeline: TimelineEntry[], index: number): void {
    const positions = this.positions;
    const at = timeline[index]!.at;
    const last = positions[positions.length - 1];
    if (last === undefined || timeline[last]!.at <= at) {
      positions.push(index);
      return;
    }
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (timeline[positions[mid]!]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    positions.splice(lo, 0, index);
  }
}

function isOrdered(timeline: TimelineEntry[]): boolean {
  for (let i = 1; i < timeline.length; i++) if (timeline[i - 1]!.at > timeline[i]!.at) return false;
  return true;
}
