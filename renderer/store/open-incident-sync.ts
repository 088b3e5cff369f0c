import type { IncidentView, IncidentWindow } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import { entryIndex } from '../../shared/domain/reduce-helpers';
import { applyEvent } from '../../shared/domain/reducer';
import { EMPTY_FILTER } from '../../shared/domain/timeline-query';
import { api } from '../api';
import { useOpenIncident } from './open-incident-store';
import { resetTimeline, timelineChanged } from './timeline-pages';
import { useWarRoom } from './war-room-store';

// Keeps the open incident equal to the engine's: open it once (its state without the
// timeline, and the newest page), then apply pushed events in seq order, a frame's worth at a
// time, while they also come in stamp order; on any gap, late event or doubt, open again.

/** Logged-order entries kept in the window's state: what it derives from recent lines. */
const TAIL_KEPT = 200;

let latestRequest = 0;
/** Events that arrive while an open is in flight, applied on top of its answer. */
let buffered: IncidentEvent[] = [];
/** Events waiting for the next frame. */
let queued: IncidentEvent[] = [];
let frameAsked = false;
/**
 * The header, clocks and side panels are redrawn at most this often while events pour in: a
 * burst of a thousand a second would otherwise redraw the whole war room every frame and starve
 * the socket and the scribe's keys. The timeline follows its own store (timeline-pages.ts).
 */
const REDRAW_MS = 150;
let lastRedraw = Number.NEGATIVE_INFINITY;
let redrawTimer: ReturnType<typeof setTimeout> | null = null;

export function openIncident(incidentId: string | null): void {
  const current = useOpenIncident.getState();
  if (current.incidentId === incidentId && (current.incident || current.loading)) return;
  useOpenIncident.setState({ incidentId, incident: null, error: null, loading: false, mitigationOffer: null });
  if (incidentId !== null) void reloadOpenIncident();
}

/** The filter the war room shows for this incident (a reload keeps it). */
function filterFor(incidentId: string) {
  const room = useWarRoom.getState();
  return room.incidentId === incidentId ? room.filter : EMPTY_FILTER;
}

export async function reloadOpenIncident(): Promise<void> {
  const { incidentId } = useOpenIncident.getState();
  if (incidentId === null) return;
  const request = ++latestRequest;
  buffered = [];
  queued = [];
  useOpenIncident.setState({ loading: true });
  const filter = filterFor(incidentId);
  const result = await api.call('incident.window', { incidentId, filter });
  if (request !== latestRequest || useOpenIncident.getState().incidentId !== incidentId) return;
  if (!result.ok) {
    buffered = [];
    useOpenIncident.setState({ loading: false, error: result.error });
    return;
  }
  showWindow(result.value, filter);
}

function showWindow(win: IncidentWindow, filter = filterFor(win.incident.id)): void {
  resetTimeline(win.incident.id, filter, win.page, win.facets);
  show({ ...win.incident, timeline: win.tail }, win.mitigationOffer);
}

/**
 * Show a state the engine just returned in full (after `declare` or `recover`): kept without
 * its timeline, whose pages are then asked for.
 */
export function showIncident(incident: IncidentView): void {
  resetTimeline(incident.id, filterFor(incident.id), null);
  show({ ...incident, timeline: incident.timeline.slice(-TAIL_KEPT) }, null);
}

function show(incident: IncidentView, mitigationOffer: IncidentWindow['mitigationOffer']): void {
  const pending = buffered;
  buffered = [];
  useOpenIncident.setState((s) => ({
    incidentId: incident.id,
    incident,
    mitigationOffer,
    version: s.version + 1,
    loading: false,
    error: null,
  }));
  for (const event of pending.sort((a, b) => a.seq - b.seq)) applyPushedEvent(event);
}

export function applyPushedEvent(event: IncidentEvent): void {
  const { incidentId, loading } = useOpenIncident.getState();
  if (event.incidentId !== incidentId) return;
  if (loading) {
    buffered.push(event);
    return;
  }
  queued.push(event);
  if (frameAsked) return;
  frameAsked = true;
  // A hidden page gets no frames: a timer then stands in.
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(applyQueued);
  else setTimeout(applyQueued, 50);
}

/** One frame's events at once: one store change and one page request, whatever their number. */
export function applyQueued(): void {
  frameAsked = false;
  const events = queued;
  queued = [];
  const { incident, loading } = useOpenIncident.getState();
  if (!incident || loading) return;
  const applied: IncidentEvent[] = [];
  for (const event of events) {
    if (event.incidentId !== incident.id || event.seq <= incident.lastSeq) continue;
    // A gap, or an event from a teammate stamped before the last one shown (it arrived late):
    // the engine has put it in its place; take the state from there.
    if (event.seq !== incident.lastSeq + 1 || event.hlc <= incident.lastStamp) {
      void reloadOpenIncident();
      return;
    }
    applyEvent(incident, event);
    applied.push(event);
  }
  if (applied.length === 0) return;
  if (incident.timeline.length > TAIL_KEPT * 2) {
    incident.timeline.splice(0, incident.timeline.length - TAIL_KEPT);
    // The reducer's id index is rebuilt for the shorter tail now, not trusted on stale places.
    entryIndex(incident, '');
  }
  timelineChanged(applied);
  redrawSoon();
}

function redrawSoon(): void {
  const since = performance.now() - lastRedraw;
  if (since >= REDRAW_MS) redraw();
  else redrawTimer ??= setTimeout(redraw, REDRAW_MS - since);
}

function redraw(): void {
  if (redrawTimer !== null) clearTimeout(redrawTimer);
  redrawTimer = null;
  lastRedraw = performance.now();
  useOpenIncident.setState((s) => ({ version: s.version + 1 }));
}
