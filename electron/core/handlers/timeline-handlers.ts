import type { IncidentWindow, ParsedInput, TimelineFacetsView, TimelinePage } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import { mitigationOffer } from '../../../shared/domain/mitigation-offer';
import { EMPTY_FILTER, filterKey, type TimelineFilter } from '../../../shared/domain/timeline-query';
import type { IncidentLog } from '../journal/incident-log';
import { decodeCursor, encodeCursor } from '../timeline/page-cursor';
import { editsOf, type TimelineIndex, timelineIndex } from '../timeline/timeline-index';
import { type HandlerContext, viewWithoutTimeline } from './context';

/** Entries of the logged-order tail a window keeps for what it derives from recent lines. */
const TAIL = 50;

/** The log once no re-reduce runs: every page is then cut from one settled order. */
async function settledLog(ctx: HandlerContext, incidentId: string): Promise<IncidentLog> {
  const log = await ctx.registry.get(incidentId);
  await log.settled();
  if (!log.state) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
  return log;
}

export async function timelinePage(ctx: HandlerContext, input: ParsedInput<'timeline.page'>): Promise<TimelinePage> {
  const log = await settledLog(ctx, input.incidentId);
  // From here to the answer nothing awaits: the page is cut from one state and one order.
  const index = timelineIndex(log.state!);
  const positions = index.positions(input.filter, editsOf(input.incidentId));
  let start: number;
  if (input.cursor !== undefined) {
    const cursor = decodeCursor(input.cursor);
    if (cursor.filter !== filterKey(input.filter)) throw new CommandFailure('INVALID_INPUT', 'timeline.page: cursor: it belongs to another filter; ask again from a position.');
    if (cursor.generation !== index.generation) {
      throw new CommandFailure('CONFLICT', 'timeline.page: the timeline was reordered since this cursor was given (a late or backfilled entry); ask again from a position.');
    }
    start = cursor.position;
  } else if (input.start !== undefined) start = input.start;
  else start = Math.max(0, positions.length - input.limit);
  if (start > positions.length) {
    throw new CommandFailure('INVALID_INPUT', `timeline.page: position ${start} is past the end (${positions.length} matching entries).`);
  }
  return cutPage(input.incidentId, index, positions, input.filter, start, input.limit);
}

function cutPage(incidentId: string, index: TimelineIndex, positions: readonly number[], filter: TimelineFilter, start: number, limit: number): TimelinePage {
  const end = Math.min(positions.length, start + limit);
  const entries = [];
  for (let p = start; p < end; p++) entries.push(index.entry(positions[p]!));
  const key = filterKey(filter);
  const at = (position: number) => encodeCursor({ generation: index.generation, position, filter: key });
  return {
    incidentId,
    generation: index.generation,
    total: index.order.length,
    count: positions.length,
    start,
    entries,
    before: start > 0 ? index.entry(positions[start - 1]!).at : null,
    next: end < positions.length ? at(end) : null,
    prev: start > 0 ? at(Math.max(0, start - limit)) : null,
  };
}

export async function timelineFacets(ctx: HandlerContext, input: ParsedInput<'timeline.facets'>): Promise<TimelineFacetsView> {
  const log = await settledLog(ctx, input.incidentId);
  return facetsOf(timelineIndex(log.state!));
}

function facetsOf(index: TimelineIndex): TimelineFacetsView {
  index.sync();
  const { actors, attributions, authors } = index.facets;
  return {
    actors: [...actors].sort((a, b) => a.localeCompare(b)),
    attributions: [...attributions].sort((a, b) => a.localeCompare(b)),
    authors: [...authors].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, entries]) => ({ name, entries })),
  };
}

export async function incidentWindow(ctx: HandlerContext, input: ParsedInput<'incident.window'>): Promise<IncidentWindow> {
  const log = await settledLog(ctx, input.incidentId);
  const state = log.state!;
  const index = timelineIndex(state);
  const filter = input.filter ?? EMPTY_FILTER;
  const positions = index.positions(filter, editsOf(input.incidentId));
  const page = cutPage(input.incidentId, index, positions, filter, Math.max(0, positions.length - input.limit), input.limit);
  // The view's copy of the state, minus the one part that grows with the incident.
  const incident = viewWithoutTimeline(log, ctx.sync.isShared(state.id));
  return {
    incident,
    page,
    facets: facetsOf(index),
    mitigationOffer: mitigationOffer(state),
    tail: state.timeline.slice(-TAIL),
  };
}
