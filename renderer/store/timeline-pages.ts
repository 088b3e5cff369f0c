import type { TimelineFacetsView, TimelinePage } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import { filterKey, type TimelineFilter } from '../../shared/domain/timeline-query';
import { api } from '../api';
import { type LoadedRun, useTimeline } from './timeline-store';

// Keeps the loaded runs of the open timeline what the engine has, asking for one page at a
// time: the rows in view first, and the end while the reader follows it. Pushed events only
// mark what is loaded as stale; the pages in view are then asked for again (one request in
// flight, so a burst of a thousand events costs a few requests, not a thousand).

export const PAGE = 100;
/** Rows either side of the view that are worth having before they scroll in. */
const MARGIN = 40;
/** Runs kept; the ones farthest from the view go first. */
const RUNS_KEPT = 24;

let filter: TimelineFilter | null = null;
let view = { first: 0, last: 0 };
let following = true;
let inFlight = false;

/** A new incident or filter: the page the window opened with, or nothing yet. */
export function resetTimeline(incidentId: string, nextFilter: TimelineFilter, page: TimelinePage | null, facets?: TimelineFacetsView): void {
  filter = nextFilter;
  following = true;
  useTimeline.setState((s) => ({
    incidentId,
    filterKey: filterKey(nextFilter),
    generation: page?.generation ?? 0,
    count: page?.count ?? 0,
    total: page?.total ?? s.total,
    runs: page ? [runOf(page, s.revision)] : [],
    ready: page !== null,
    ...(facets ? { facets } : {}),
  }));
  if (!page) pump();
}

export function setTimelineFilter(incidentId: string, next: TimelineFilter): void {
  const s = useTimeline.getState();
  if (s.incidentId === incidentId && s.filterKey === filterKey(next)) return;
  resetTimeline(incidentId, next, null);
}

/** The rows the virtualizer shows, and whether the reader follows the end. */
export function showRange(first: number, last: number, follow: boolean): void {
  if (first === view.first && last === view.last && follow === following) return;
  view = { first, last };
  following = follow;
  pump();
}

/** Pushed events were applied: what is loaded may be stale, and names may be new. */
export function timelineChanged(events: readonly IncidentEvent[]): void {
  useTimeline.setState((s) => ({ revision: s.revision + 1, facets: withNames(s.facets, events) }));
  pump();
}

function withNames(facets: TimelineFacetsView, events: readonly IncidentEvent[]): TimelineFacetsView {
  let actors: string[] | null = null;
  let attributions: string[] | null = null;
  for (const event of events) {
    if (event.type !== 'timeline.logged') continue;
    if (!(actors ?? facets.actors).includes(event.actor)) actors = [...(actors ?? facets.actors), event.actor];
    const to = event.payload.attribution;
    if (to && !(attributions ?? facets.attributions).includes(to)) attributions = [...(attributions ?? facets.attributions), to];
  }
  return actors || attributions ? { ...facets, actors: actors ?? facets.actors, attributions: attributions ?? facets.attributions } : facets;
}

/** The next page worth asking for: the end while following, else the first stale or missing block in view. */
function nextRequest(): { start: number } | { fromEnd: true } | null {
  const s = useTimeline.getState();
  if (!s.ready) return { fromEnd: true };
  const last = s.runs.find((r) => r.start + r.entries.length === s.count);
  if (following && (!last || last.revision !== s.revision)) return { fromEnd: true };
  const from = Math.max(0, view.first - MARGIN);
  const to = Math.min(s.count - 1, view.last + MARGIN);
  for (let p = from; p <= to; ) {
    const run = s.runs.find((r) => p >= r.start && p < r.start + r.entries.length && r.revision === s.revision);
    if (run) {
      p = run.start + run.entries.length;
      continue;
    }
    return { start: Math.floor(p / PAGE) * PAGE };
  }
  return null;
}

function pump(): void {
  const s = useTimeline.getState();
  if (inFlight || !s.incidentId || !filter) return;
  const request = nextRequest();
  if (!request) return;
  inFlight = true;
  const asked = { incidentId: s.incidentId, key: s.filterKey, revision: s.revision };
  void api.call('timeline.page', { incidentId: asked.incidentId, filter, limit: PAGE, ...request }).then((result) => {
    inFlight = false;
    const now = useTimeline.getState();
    if (now.incidentId !== asked.incidentId || now.filterKey !== asked.key) return pump();
    if (!result.ok) {
      // A position the list no longer has (it shrank under the reader) is asked again from the end.
      if (result.error.code === 'INVALID_INPUT' && 'start' in request) {
        useTimeline.setState({ ready: false });
        return pump();
      }
      console.warn(`timeline.page: ${result.error.message}`);
      return;
    }
    take(result.value, asked.revision);
    pump();
  });
}

/** A page in: another generation drops every run (positions moved); runs it overlaps give way. */
function take(page: TimelinePage, revision: number): void {
  useTimeline.setState((s) => {
    const kept = page.generation === s.generation ? s.runs.filter((r) => r.start + r.entries.length <= page.start || r.start >= page.start + page.entries.length) : [];
    // Runs past a shrunk end are gone.
    const runs = [...kept.filter((r) => r.start < page.count), runOf(page, revision)];
    const centre = (view.first + view.last) / 2;
    runs.sort((a, b) => Math.abs(a.start - centre) - Math.abs(b.start - centre));
    return { generation: page.generation, count: page.count, total: page.total, runs: runs.slice(0, RUNS_KEPT), ready: true };
  });
}

function runOf(page: TimelinePage, revision: number): LoadedRun {
  return { start: page.start, entries: page.entries, before: page.before, revision };
}
