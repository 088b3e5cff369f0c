import { create } from 'zustand';

/** Which screen is showing. The address holds it (`#/incident/ID`, `#/incident/ID/postmortem`, `#/metrics`, `#/settings`). */
export type View = 'war-room' | 'postmortem' | 'metrics' | 'settings';

export interface Route {
  view: View;
  incidentId: string | null;
}

export const useRoute = create<Route>(() => ({ view: 'war-room', incidentId: null }));

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'incident' && parts[1]) {
    return { view: parts[2] === 'postmortem' ? 'postmortem' : 'war-room', incidentId: parts[1] };
  }
  if (parts[0] === 'metrics') return { view: 'metrics', incidentId: null };
  if (parts[0] === 'settings') return { view: 'settings', incidentId: null };
  return { view: 'war-room', incidentId: null };
}

export function hashOf(route: Route): string {
  if (route.view === 'metrics' || route.view === 'settings') return `#/${route.view}`;
  if (route.incidentId === null) return '';
  const base = `#/incident/${encodeURIComponent(route.incidentId)}`;
  return route.view === 'postmortem' ? `${base}/postmortem` : base;
}
