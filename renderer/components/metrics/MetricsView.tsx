import { useMemo } from 'react';
import { isOpen } from '../../../shared/domain/incident';
import { filterIncidents, metricsReport } from '../../../shared/metrics/report';
import { tagsInUse } from '../../lib/list-filter';
import { useMinute } from '../../lib/use-minute';
import { useIncidentList } from '../../store/incident-list-store';
import { Notice } from '../Notice';
import { AvailabilityView } from './AvailabilityView';
import { IncidentFigures } from './IncidentFigures';
import { toMetricsFilter, useMetricsFilter } from './metrics-filter-store';
import { MetricsFilters } from './MetricsFilters';
import { useMetricsTab } from './metrics-tab-store';
import { MetricsTabs } from './MetricsTabs';
import { RespondersView } from './RespondersView';
import '../list/ListFilter.css';
import '../review-kit.css';
import './Metrics.css';

/**
 * The numbers across incidents, computed here from the list the window already holds (the same
 * pure functions `metrics.report` runs), so a filter change redraws at once with no round trip.
 * Availability and the responder figures come from the engine, which holds the settings they need.
 */
export function MetricsView() {
  const items = useIncidentList((s) => s.items);
  const loaded = useIncidentList((s) => s.loaded);
  const filterState = useMetricsFilter();
  const now = useMinute();
  const filter = useMemo(() => toMetricsFilter(filterState), [filterState]);
  const selected = useMemo(() => filterIncidents(items, filter), [items, filter]);
  const report = useMemo(() => metricsReport(items, filter, now), [items, filter, now]);
  const tags = useMemo(() => tagsInUse(items), [items]);
  const tab = useMetricsTab((s) => s.tab);

  if (!loaded) return <Notice title="Loading incidents…" />;
  const openNow = selected.filter((i) => isOpen(i.status)).length;

  return (
    <div className="mx" data-testid="metrics-view">
      <header className="mx-head">
        <div className="mx-head-titles">
          <h1 className="mx-title">Metrics</h1>
          {tab === 'incidents' && (
            <span className="mx-head-sub">
              <b data-testid="metrics-count">{report.incidents}</b> of {items.length} incidents
            </span>
          )}
          <MetricsTabs />
        </div>
        <MetricsFilters tags={tags} now={now} datesOnly={tab !== 'incidents'} />
      </header>
      <div className="mx-scroll" role="tabpanel" aria-labelledby={`metrics-tab-${tab}`}>
        {tab === 'availability' && <AvailabilityView from={filter.from} to={filter.to} now={now} />}
        {tab === 'responders' && <RespondersView from={filter.from} to={filter.to} now={now} />}
        {tab === 'incidents' && <IncidentFigures report={report} openNow={openNow} selected={selected} itemCount={items.length} now={now} />}
      </div>
    </div>
  );
}

