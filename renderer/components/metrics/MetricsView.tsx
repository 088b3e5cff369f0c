import { useMemo } from 'react';
import { isOpen } from '../../../shared/domain/incident';
import { filterIncidents, metricsReport } from '../../../shared/metrics/report';
import { tagsInUse } from '../../lib/list-filter';
import { useMinute } from '../../lib/use-minute';
import { useIncidentList } from '../../store/incident-list-store';
import { Notice } from '../Notice';
import { AlertQualityCard } from './AlertQualityCard';
import { percent } from './chart-theme';
import { DetectionCard } from './DetectionCard';
import { FlaggedCard, OverdueActionsCard } from './IncidentLinkLists';
import { toMetricsFilter, useMetricsFilter } from './metrics-filter-store';
import { MetricsFilters } from './MetricsFilters';
import { PerWeekCard } from './PerWeekCard';
import { PunctualityCard } from './PunctualityCard';
import { RepeatCard } from './RepeatCard';
import { ResponseTimesCard } from './ResponseTimesCard';
import '../list/ListFilter.css';
import '../review-kit.css';
import './Metrics.css';

/**
 * The numbers across incidents, computed here from the list the window already holds (the same
 * pure functions `metrics.report` runs), so a filter change redraws at once with no round trip.
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

  if (!loaded) return <Notice title="Loading incidents…" />;
  const openNow = selected.filter((i) => isOpen(i.status)).length;
  const { punctuality, repeat } = report;

  return (
    <div className="mx" data-testid="metrics-view">
      <header className="mx-head">
        <div className="mx-head-titles">
          <h1 className="mx-title">Metrics</h1>
          <span className="mx-head-sub">
            <b data-testid="metrics-count">{report.incidents}</b> of {items.length} incidents
          </span>
        </div>
        <MetricsFilters tags={tags} now={now} />
      </header>
      <div className="mx-scroll">
        <dl className="mx-kpis">
          <Kpi label="Incidents" value={String(report.incidents)} note={`${openNow} still open`} />
          <Kpi label="Repeat rate" value={percent(repeat.rate)} note={`${repeat.repeats} repeats`} tone={repeat.rate !== null && repeat.rate > 0.3 ? 'warn' : undefined} />
          <Kpi
            label="Updates on time"
            value={percent(punctuality.rate)}
            note={`${punctuality.onTime} on time · ${punctuality.late} late`}
            tone={punctuality.rate !== null && punctuality.rate < 0.8 ? 'warn' : undefined}
          />
          <Kpi label="Overdue actions" value={String(report.overdueActions.length)} note="past due, not done" tone={report.overdueActions.length ? 'danger' : 'ok'} testId="kpi-overdue" />
          <Kpi label="Flagged timestamps" value={String(report.flagged.length)} note="out of order, left out" tone={report.flagged.length ? 'warn' : 'ok'} testId="kpi-flagged" />
        </dl>
        {report.incidents === 0 && items.length > 0 && <p className="mx-none">No incident matches these filters.</p>}
        <div className="mx-grid">
          <PerWeekCard weeks={report.perWeek} />
          <ResponseTimesCard times={report.responseTimes} />
          <DetectionCard rows={report.detection} />
          <PunctualityCard incidents={selected} />
          <RepeatCard repeat={repeat} incidents={selected} />
          <OverdueActionsCard actions={report.overdueActions} now={now} />
          <AlertQualityCard rows={report.alertQuality} incidents={selected} />
          <FlaggedCard flagged={report.flagged} incidents={selected} />
        </div>
      </div>
    </div>
  );
}

function Kpi({ label, value, note, tone, testId }: { label: string; value: string; note: string; tone?: 'ok' | 'warn' | 'danger' | undefined; testId?: string }) {
  return (
    <div className={`mx-kpi${tone ? ` is-${tone}` : ''}`} data-testid={testId}>
      <dt className="mx-kpi-label">{label}</dt>
      <dd className="mx-kpi-value">{value}</dd>
      <dd className="mx-kpi-note">{note}</dd>
    </div>
  );
}
