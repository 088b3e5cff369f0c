import type { IncidentState, TimelineEntry } from '../../../shared/domain/incident';

const CHUNK = 2_048;

/**
 * Timeline entries are stored in snapshots as rows (arrays in this field order), not objects:
 * a third smaller, and JSON.parse builds arrays much faster than keyed objects. Opening a
 * 100 000-entry incident is mostly this parse.
 */
const ENTRY_FIELDS = [
  'id',
  'at',
  'loggedAt',
  'text',
  'kind',
  'actor',
  'attribution',
  'workstreamId',
  'pinned',
  'struck',
  'revisions',
  'systemType',
  'eventId',
] as const satisfies ReadonlyArray<keyof TimelineEntry>;

type EntryRow = unknown[];

const ORIGIN_AT = ENTRY_FIELDS.length;
const AFTER_CLOSE_AT = ORIGIN_AT + 1;

// An imported entry's origin, then the after-close mark, ride after the fixed fields; rows of
// other entries simply stop before them.
function toRow(e: TimelineEntry): unknown[] {
  const row: unknown[] = ENTRY_FIELDS.map((f) => e[f]);
  if (e.origin || e.afterClose) row[ORIGIN_AT] = e.origin ?? null;
  if (e.afterClose) row[AFTER_CLOSE_AT] = true;
  return row;
}

export function fromRow(row: unknown[]): TimelineEntry {
  const entry = {} as Record<string, unknown>;
  for (let i = 0; i < ENTRY_FIELDS.length; i++) entry[ENTRY_FIELDS[i]!] = row[i];
  if (row[ORIGIN_AT]) entry.origin = row[ORIGIN_AT];
  if (row[AFTER_CLOSE_AT] === true) entry.afterClose = true;
  return entry as unknown as TimelineEntry;
}

/** The state as stored in a snapshot: everything but the timeline, plus the timeline as rows. */
export interface StoredState extends Omit<IncidentState, 'timeline'> {
  timelineRows: EntryRow[];
}

export function fromStored(stored: StoredState): IncidentState {
  const { timelineRows, ...rest } = stored;
  // Keys in the order the reducer makes them (the timeline before `createdBy`), so that a state
  // opened from a snapshot serialises byte for byte like one replayed, on every console.
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'createdBy') state.timeline = timelineRows.map(fromRow);
    state[key] = value;
  }
  state.timeline ??= timelineRows.map(fromRow);
  return state as unknown as IncidentState;
}

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
      const json = JSON.stringify(entries.map(toRow)).slice(1, -1);
      this.chunks[c] = { entries, json };
      parts.push(json);
    }
    this.chunks.length = count;
    const head = JSON.stringify(rest);
    return `${head.slice(0, -1)},"timelineRows":[${parts.join(',')}]}`;
  }
}
