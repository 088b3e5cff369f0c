import { useIncidentList } from '../store/incident-list-store';
import { useOpenIncident } from '../store/open-incident-store';
import { IncidentListItem } from './IncidentListItem';

export function IncidentList() {
  const items = useIncidentList((s) => s.items);
  const loaded = useIncidentList((s) => s.loaded);
  const selectedId = useOpenIncident((s) => s.incidentId);
  const active = items.filter((item) => item.status !== 'resolved' && item.status !== 'closed').length;

  return (
    <nav className="incident-list" aria-label="Incident list">
      <div className="rail-section">
        <span>Incidents</span>
        {loaded && (
          <span className="rail-count">
            {active} active · {items.length} total
          </span>
        )}
      </div>
      {loaded && items.length === 0 && <p className="rail-empty">No incidents on this machine.</p>}
      <ul className="incident-list-scroll">
        {items.map((item) => (
          <li key={item.id}>
            <IncidentListItem item={item} selected={item.id === selectedId} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
