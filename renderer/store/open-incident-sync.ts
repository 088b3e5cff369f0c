import type { IncidentView } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import { applyEvent } from '../../shared/domain/reducer';
import { api } from '../api';
import { useOpenIncident } from './open-incident-store';

// Keeps the open incident equal to the engine's: fetch once, then apply events in seq order
// while they also come in stamp order; on any gap, late event or doubt, fetch again.

let latestRequest = 0;
/** Events that arrive while a fetch is in flight, applied on top of its answer. */
let buffered: IncidentEvent[] = [];

export function openIncident(incidentId: string | null): void {
  const current = useOpenIncident.getState();
  if (current.incidentId === incidentId && (current.incident || current.loading)) return;
  useOpenIncident.setState({ incidentId, incident: null, error: null, loading: false });
  if (incidentId !== null) void reloadOpenIncident();
}

export async function reloadOpenIncident(): Promise<void> {
  const { incidentId } = useOpenIncident.getState();
  if (incidentId === null) return;
  const request = ++latestRequest;
  buffered = [];
  useOpenIncident.setState({ loading: true });
  const result = await api.call('incident.get', { incidentId });
  if (request !== latestRequest || useOpenIncident.getState().incidentId !== incidentId) return;
  if (!result.ok) {
    buffered = [];
    useOpenIncident.setState({ loading: false, error: result.error });
    return;
  }
  showIncident(result.value);
}

/** Show a state the engine just returned (after `get`, `declare` or `recover`). */
export function showIncident(incident: IncidentView): void {
  const pending = buffered;
  buffered = [];
  useOpenIncident.setState((s) => ({
    incidentId: incident.id,
    incident,
    version: s.version + 1,
    loading: false,
    error: null,
  }));
  for (const event of pending.sort((a, b) => a.seq - b.seq)) applyPushedEvent(event);
}

export function applyPushedEvent(event: IncidentEvent): void {
  const { incidentId, incident, loading } = useOpenIncident.getState();
  if (event.incidentId !== incidentId) return;
  if (loading) {
    buffered.push(event);
    return;
  }
  if (!incident || event.seq <= incident.lastSeq) return;
  // A gap, or an event from a teammate stamped before the last one shown (it arrived late):
  // the engine has put it in its place; take the state from there.
  if (event.seq !== incident.lastSeq + 1 || event.hlc <= incident.lastStamp) {
    void reloadOpenIncident();
    return;
  }
  applyEvent(incident, event);
  useOpenIncident.setState((s) => ({ version: s.version + 1 }));
}
