import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ServiceAvailability } from '../../../shared/metrics/cost-report';
import { formatShortDay } from '../../lib/time';
import { AXIS, GRID, readableDuration, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';
import { availabilityAxis, budgetState, budgetWords, BUDGET_STATE_WORDS, daysWords, digitsFor, formatAvailability, formatObjective, medianWords } from './availability-words';
import { IncidentLink } from './IncidentLinkLists';

export const STATE_COLORS = { ok: '#38d38a', low: '#f4b81c', breached: '#ff4242' } as const;

const MEDIANS: Array<['ttd' | 'tta' | 'ttm' | 'ttr', string]> = [
  ['ttd', 'MTTD'],
  ['tta', 'MTTA'],
  ['ttm', 'MTTM'],
  ['ttr', 'MTTR'],
];

interface Props {
  report: ServiceAvailability;
  /** Incident titles by id, to name the unmeasured ones. */
  titles: ReadonlyMap<string, string>;
}

/** One service: availability over the period against its objective, the budget left, and the rolling line. */
export function ServiceAvailabilityCard({ report, titles }: Props) {
  const a = report.now;
  const { objective } = a;
  const digits = digitsFor(objective.objectivePercent);
  const state = budgetState(a);
  const points = report.series.map((p) => ({ at: p.at, percent: p.availability * 100, budget: p.budgetLeftPercent, breached: p.breached }));
  const axis = availabilityAxis(points.map((p) => p.percent), objective.objectivePercent);
  const id = `availability-${a.service.replace(/[^a-z0-9-]/g, '-')}`;
  const table = {
    header: ['Day', `Availability (rolling ${daysWords(objective.windowDays)})`, 'Budget left', 'State'],
    rows: points.map((p) => [formatShortDay(p.at), formatAvailability(p.percent / 100, digits), p.budget === null ? null : `${Math.round(p.budget)} %`, p.breached ? 'breached' : 'within']),
  };
  const csv = {
    header: ['at', 'availability_percent', 'budget_left_percent', 'breached'],
    rows: points.map((p) => [new Date(p.at).toISOString(), Number(p.percent.toFixed(5)), p.budget === null ? null : Number(p.budget.toFixed(2)), p.breached]),
  };

  return (
    <ChartCard
      id={id}
      className={`mx-card-service is-${state}`}
      title={a.service}
      subtitle={`Objective ${formatObjective(objective.objectivePercent)} over ${daysWords(objective.windowDays)} · line: rolling ${daysWords(objective.windowDays)}, one point a day`}
      table={table}
      csv={csv}
      empty="No days in this period yet."
      tools={
        <div className="av-figures">
          <dl className="av-kpis">
            <div className="av-kpi">
              <dt>Availability</dt>
              <dd data-testid="availability-value">
                <b>{formatAvailability(a.availability, digits)}</b> <span className="av-of">of {formatObjective(objective.objectivePercent)}</span>
              </dd>
            </div>
            <div className="av-kpi">
              <dt>Error budget</dt>
              <dd data-testid="availability-budget">{budgetWords(a)}</dd>
            </div>
            <div className="av-kpi">
              <dt>Down</dt>
              <dd data-testid="availability-down">
                {readableDuration(a.impactMs)} · {a.incidents.length} {a.incidents.length === 1 ? 'incident' : 'incidents'}
              </dd>
            </div>
            <div className="av-kpi">
              <dt>State</dt>
              <dd className={`av-state is-${state}`} data-testid="availability-state" data-state={state}>
                {BUDGET_STATE_WORDS[state]}
              </dd>
            </div>
          </dl>
          <p className="av-medians" data-testid="availability-medians">
            {MEDIANS.map(([key, label]) => (
              <span key={key} className="av-median">
                <b>{label}</b> {medianWords(report.responseTimes[key], readableDuration)}
              </span>
            ))}
          </p>
          {a.unmeasured.length > 0 && (
            <p className="av-unmeasured" data-testid="availability-unmeasured">
              Not measured (times missing or out of order, not counted as up):{' '}
              {a.unmeasured.map((incidentId, i) => (
                <span key={incidentId}>
                  {i > 0 && ', '}
                  <IncidentLink id={incidentId} view="war-room">
                    {titles.get(incidentId) ?? incidentId}
                  </IncidentLink>
                </span>
              ))}
            </p>
          )}
        </div>
      }
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} {...AXIS} tickFormatter={(v: number) => formatShortDay(v)} minTickGap={24} />
            <YAxis {...AXIS} type="number" domain={axis.domain} ticks={axis.ticks} interval={0} width={62} allowDataOverflow tickFormatter={(v: number) => `${v.toFixed(axis.digits)}%`} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={(v) => (typeof v === 'number' ? formatShortDay(v) : '')}
              formatter={(v) => [typeof v === 'number' ? formatAvailability(v / 100, digits) : '—', 'Availability']}
            />
            <ReferenceLine
              y={objective.objectivePercent}
              stroke="#f4b81c"
              strokeDasharray="6 4"
              label={{ value: `objective ${formatObjective(objective.objectivePercent)}`, position: 'insideBottomRight', fill: '#f4b81c', fontSize: 11 }}
            />
            <Line type="linear" dataKey="percent" name="Availability" stroke={STATE_COLORS[state]} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}
