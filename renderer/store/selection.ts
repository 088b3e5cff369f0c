import { openIncident } from './open-incident-sync';
import { hashOf, parseHash, type Route, useRoute, type View } from './route-store';

// The screen lives in the address so a reload reopens it. Metrics and settings keep the
// last incident open in the background, so going back is instant.

function apply(route: Route): void {
  useRoute.setState(route);
  if (route.incidentId !== null) openIncident(route.incidentId);
  else if (route.view === 'war-room') openIncident(null);
}

export function navigate(route: Route): void {
  const hash = hashOf(route);
  if (window.location.hash !== hash) {
    history.pushState(history.state, '', window.location.pathname + window.location.search + hash);
  }
  apply(route);
}

export function selectIncident(incidentId: string | null, view: View = 'war-room'): void {
  navigate({ view: incidentId === null && (view === 'postmortem' || view === 'debrief') ? 'war-room' : view, incidentId });
}

export function followSelectionInAddress(): () => void {
  const onChange = () => apply(parseHash(window.location.hash));
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  onChange();
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
  };
}
