import { openIncident } from './open-incident-sync';

// The open incident lives in the address (`#/incident/ID`) so a reload reopens it.

const PREFIX = '#/incident/';

function fromHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return id === '' ? null : id;
}

export function selectIncident(incidentId: string | null): void {
  const hash = incidentId === null ? '' : PREFIX + encodeURIComponent(incidentId);
  if (window.location.hash !== hash) {
    history.pushState(history.state, '', window.location.pathname + window.location.search + hash);
  }
  openIncident(incidentId);
}

export function followSelectionInAddress(): () => void {
  const onChange = () => openIncident(fromHash());
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  openIncident(fromHash());
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
  };
}
