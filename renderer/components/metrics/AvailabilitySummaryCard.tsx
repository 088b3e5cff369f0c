import type { ServiceAvailability } from '../../../shared/metrics/cost-report';
import { formatShortDay } from '../../lib/time';
import { minutesCell, readableDuration } from './chart-theme';
import { ChartCard } from './ChartCard';
import { budgetState, budgetWords, BUDGET_STATE_WORDS, daysWords, digitsFor, formatAvailability, formatObjective } from './availability-words';

const MEDIANS = ['ttd', 'tta', 'ttm', 'ttr'] as const;

/** The period measured: each service's own window up to now, unless dates are chosen above. */
function periodWords(services: ServiceAvailability[]): string {
  const periods = new Set(services.map((s) => `${formatShortDay(s.now.period.from)} → ${formatShortDay(s.now.period.to)}`));
  return periods.size === 1 ? [...periods][0]! : "each service's own window up to now";
}

/** Every catalogued service on one line: the numbers behind the charts, as a table and CSV. */
export function AvailabilitySummaryCard({ services }: { services: ServiceAvailability[] }) {
  const median = (s: ServiceAvailability, k: (typeof MEDIANS)[number]) => s.responseTimes[k].median;
  const table = {
    header: ['Service', 'Objective', 'Availability', 'Error budget', 'State', 'Down', 'Incidents', 'Unmeasured', 'MTTD', 'MTTA', 'MTTM', 'MTTR'],
    rows: services.map(({ now: a, responseTimes }) => [
      a.service,
      `${formatObjective(a.objective.objectivePercent)} / ${daysWords(a.objective.windowDays)}`,
      formatAvailability(a.availability, digitsFor(a.objective.objectivePercent)),
      budgetWords(a),
      BUDGET_STATE_WORDS[budgetState(a)],
      readableDuration(a.impactMs),
      a.incidents.length,
      a.unmeasured.length,
      ...MEDIANS.map((k) => readableDuration(responseTimes[k].median)),
    ]),
  };
  const csv = {
    header: ['service', 'objective_percent', 'window_days', 'period_from', 'period_to', 'availability_percent', 'impact_min', 'budget_min', 'budget_left_min', 'budget_left_percent', 'breached', 'incidents', 'unmeasured', 'mttd_median_min', 'mtta_median_min', 'mttm_median_min', 'mttr_median_min'],
    rows: services.map((s) => {
      const a = s.now;
      return [
        a.service,
        a.objective.objectivePercent,
        a.objective.windowDays,
        new Date(a.period.from).toISOString(),
        new Date(a.period.to).toISOString(),
        Number((a.availability * 100).toFixed(5)),
        minutesCell(a.impactMs),
        minutesCell(a.budgetMs),
        minutesCell(a.budgetLeftMs),
        a.budgetLeftPercent === null ? null : Number(a.budgetLeftPercent.toFixed(2)),
        a.breached,
        a.incidents.length,
        a.unmeasured.join(' '),
        ...MEDIANS.map((k) => minutesCell(median(s, k))),
      ];
    }),
  };
  return (
    <ChartCard
      id="availability-services"
      className="mx-card-wide"
      title="Availability against the objective"
      subtitle={`${periodWords(services)} · impact from start to mitigation, overlapping incidents counted once · response times are medians`}
      table={table}
      csv={csv}
    />
  );
}
