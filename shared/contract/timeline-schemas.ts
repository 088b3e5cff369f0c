import { z } from 'zod';
import { ENTRY_KINDS, type TimelineEntry } from '../domain/incident';
import type { TimelineFilter } from '../domain/timeline-query';
import { IncidentId } from './schemas';

// Inputs of the paged timeline. A page is at most PAGE_LIMIT entries whatever the incident's length.

export const PAGE_LIMIT = 200;
const MAX_FILTER_TEXT = 200;
const MAX_NAME = 200;

export const TimelineFilterInput = z.strictObject({
  kind: z.enum([...ENTRY_KINDS, 'all', 'scribe']).optional().default('all'),
  attribution: z.string().max(MAX_NAME).nullable().optional().default(null),
  actor: z.string().max(MAX_NAME).nullable().optional().default(null),
  workstreamId: z.string().max(MAX_NAME).nullable().optional().default(null),
  text: z.string().max(MAX_FILTER_TEXT, `Search text is longer than ${MAX_FILTER_TEXT} characters`).optional().default(''),
  pinnedOnly: z.boolean().optional().default(false),
}) satisfies z.ZodType<TimelineFilter, unknown>;

const limit = z.number().int().min(1).max(PAGE_LIMIT, `A page holds at most ${PAGE_LIMIT} entries`);
/** An opaque string a page answered with (`next`, `prev`); never built by hand. */
const cursor = z.string().min(1).max(200);

/**
 * Where the page starts: a position in the (filtered) reading order, a cursor from an earlier
 * page, or the end (the newest screenful). At most one; none means the end.
 */
export const TimelinePageInput = z
  .strictObject({
    incidentId: IncidentId,
    filter: TimelineFilterInput.optional().default({ kind: 'all', attribution: null, actor: null, workstreamId: null, text: '', pinnedOnly: false }),
    start: z.number().int().min(0).optional(),
    cursor: cursor.optional(),
    fromEnd: z.literal(true).optional(),
    limit: limit.optional().default(100),
  })
  .refine((input) => [input.start !== undefined, input.cursor !== undefined, input.fromEnd !== undefined].filter(Boolean).length <= 1, {
    message: 'give at most one of start, cursor or fromEnd',
  });

export const IncidentWindowInput = z.strictObject({
  incidentId: IncidentId,
  filter: TimelineFilterInput.optional(),
  /** The newest screenful: 60 rows fill a 1080p timeline with room to spare. */
  limit: limit.optional().default(60),
});

/** A run of the reading order, cut from one generation of it. */
export interface TimelinePage {
  incidentId: string;
  /** Changes whenever positions move (a late or backfilled entry, a re-reduce): pages of another generation are stale. */
  generation: number;
  /** Every entry on the timeline. */
  total: number;
  /** Entries matching the filter: the scrollbar's length. */
  count: number;
  /** Position of `entries[0]` among the matching entries. */
  start: number;
  entries: TimelineEntry[];
  /** When the matching entry just before `start` happened (to mark a new day), null at the top. */
  before: number | null;
  /** Cursors for the pages after and before this one; null at either end. */
  next: string | null;
  prev: string | null;
}

/** Names on the timeline for the filter menus, and who wrote how many lines (for a scribe-log export). */
export interface TimelineFacetsView {
  actors: string[];
  attributions: string[];
  authors: Array<{ name: string; entries: number }>;
}
