import { useMemo } from 'react';
import { filterIncidentList } from '../lib/list-filter';
import { useNow } from '../lib/use-now';
import { useIncidentList } from '../store/incident-list-store';
import { clearListFilters, useListFilter } from '../store/list-filter-store';
import { useOpenIncident } from '../store/open-incident-store';
import { useRoute } from '../store/route-store';
import { IncidentListItem } from './IncidentListItem';
import { ListFilterBar } from './list/ListFilterBar';
import { ListSort } from './list/ListSort';
import { PullFailing } from './list/PullFailing';
import { TriageQueue } from './list/TriageQueue';
import { ViewSwitch } from './list/ViewSwitch';

const MINUTE = 60_000;

export function IncidentList() {
  const items = useIncidentList((s) => s.items);
  const loaded = useIncidentList((s) => s.loaded);
  const selectedId = useOpenIncident((s) => s.incidentId);
  const view = useRoute((s) => s.view);
  const filter = useListFilter();
  // The date filter moves with the clock, but a minute is fine enough for "last 24 hours".
  const minute = Math.floor(useNow() / MINUTE) * MINUTE;
  // Detections wait in the triage queue above; listing them again below would be noise.
  const listed = useMemo(() => items.filter((item) => item.status !== 'detected'), [items]);
  const shown = useMemo(() => filterIncidentList(listed, filter, minute), [listed, filter, minute]);
  const active = listed.filter((item) => item.status !== 'resolved' && item.status !== 'closed').length;
  const narrowed = shown.length !== listed.length;

  return (
    <nav className="incident-list" aria-label="Incident list">
      <PullFailing />
      <TriageQueue />
      <div className="rail-section">
        <span>Incidents</span>
        {loaded && listed.length > 0 && (
          <span className="rail-count" data-testid="list-count">
            {narrowed ? `${shown.length} of ${listed.length}` : `${active} active · ${listed.length} total`}
          </span>
        )}
      </div>
      {loaded && listed.length > 0 && (
        <>
          <ListFilterBar />
          <div className="list-sort-row">
            <span className="list-sort-label">Sort</span>
            <ListSort />
          </div>
        </>
      )}
      {loaded && items.length === 0 && <p className="rail-empty">No incidents on this machine.</p>}
      {loaded && items.length > 0 && listed.length === 0 && <p className="rail-empty">None declared yet.</p>}
      {loaded && listed.length > 0 && shown.length === 0 && (
        <p className="rail-empty" data-testid="list-no-match">
          No incident matches.{' '}
          <button type="button" className="link-btn" onClick={clearListFilters}>
            Clear filters
          </button>
        </p>
      )}
      <ul className="incident-list-scroll">
        {shown.map((item) => {
          const selected = item.id === selectedId && (view === 'war-room' || view === 'postmortem' || view === 'debrief');
          return (
            <li key={item.id}>
              <IncidentListItem item={item} selected={selected} />
              {selected && <ViewSwitch incidentId={item.id} view={view} />}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
