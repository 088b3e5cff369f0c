import type { IncidentSummary } from '../../../shared/domain/incident';
import type { MetricsReport } from '../../../shared/metrics/report';
import { AlertQualityCard } from './AlertQualityCard';
import { percent } from './chart-theme';
import { DetectionCard } from './DetectionCard';
import { FlaggedCard, OverdueActionsCard } from './IncidentLinkLists';
import { PerWeekCard } from './PerWeekCard';
import { PunctualityCard } from './PunctualityCard';
import { RepeatCard } from './RepeatCard';
import { ResponseTimesCard } from './ResponseTimesCard';

interface Props {
  report: MetricsReport;
  selected: IncidentSummary[];
  openNow: number;
  itemCount: number;
  now: number;
}

/** The figures across incidents: headline numbers, then one card per question. */
export function IncidentFigures({ report, selected, openNow, itemCount, now }: Props) {
  const { punctuality, repeat } = report;
  return (
    <>
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
      {report.incidents === 0 && itemCount > 0 && <p className="mx-none">No incident matches these filters.</p>}
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
    </>
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
