import { create } from 'zustand';

/**
 * Which screen is showing. The address holds it (`#/incident/ID`, `#/incident/ID/postmortem`,
 * `#/incident/ID/debrief`, `#/metrics`, `#/drills`, `#/settings`).
 */
export type View = 'war-room' | 'postmortem' | 'debrief' | 'metrics' | 'drills' | 'settings';

/** Views across incidents: no incident in the address. */
const GLOBAL_VIEWS = ['metrics', 'drills', 'settings'] as const;
type GlobalView = (typeof GLOBAL_VIEWS)[number];
const isGlobal = (view: string): view is GlobalView => (GLOBAL_VIEWS as readonly string[]).includes(view);

export interface Route {
  view: View;
  incidentId: string | null;
}

export const useRoute = create<Route>(() => ({ view: 'war-room', incidentId: null }));

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'incident' && parts[1]) {
    const view = parts[2] === 'postmortem' || parts[2] === 'debrief' ? parts[2] : 'war-room';
    return { view, incidentId: parts[1] };
  }
  if (parts[0] && isGlobal(parts[0])) return { view: parts[0], incidentId: null };
  return { view: 'war-room', incidentId: null };
}

export function hashOf(route: Route): string {
  if (isGlobal(route.view)) return `#/${route.view}`;
  if (route.incidentId === null) return '';
  const base = `#/incident/${encodeURIComponent(route.incidentId)}`;
  return route.view === 'war-room' ? base : `${base}/${route.view}`;
}
