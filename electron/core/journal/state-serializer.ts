import type { IncidentState, TimelineEntry } from '../../../shared/domain/incident';

const CHUNK = 2_048;

/**
 * Serialises an incident for its snapshot without redoing the whole timeline each time:
 * entries are never mutated, only replaced, so a chunk whose entry objects are all the same
 * objects as last time has the same JSON. A snapshot of 100 000 entries then costs the JSON
 * of what changed since the last one, not a 40 MB stringify on the writer's path.
 */
export class StateSerializer {
  private chunks: Array<{ entries: TimelineEntry[]; json: string }> = [];

  serialize(state: IncidentState): string {
    const { timeline, ...rest } = state;
    const parts: string[] = [];
    const count = Math.ceil(timeline.length / CHUNK);
    for (let c = 0; c < count; c++) {
      const start = c * CHUNK;
      const end = Math.min(start + CHUNK, timeline.length);
      const cached = this.chunks[c];
      if (cached && cached.entries.length === end - start && cached.entries.every((e, i) => e === timeline[start + i])) {
        parts.push(cached.json);
        continue;
      }
      const entries = timeline.slice(start, end);
      const json = JSON.stringify(entries).slice(1, -1);
      this.chunks[c] = { entries, json };
      parts.push(json);
    }
    this.chunks.length = count;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"timeline":[${parts.join(',')}]}`;
  }
}
