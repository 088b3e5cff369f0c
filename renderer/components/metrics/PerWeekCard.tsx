import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES } from '../../../shared/domain/incident';
import type { WeekRow } from '../../../shared/metrics/report';
import { AXIS, GRID, LEGEND_STYLE, SEV_COLORS, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';

const total = (w: WeekRow) => SEVERITIES.reduce((sum, s) => sum + w[s], 0);

/** How many incidents each ISO week, stacked by severity; empty weeks stay on the axis. */
export function PerWeekCard({ weeks }: { weeks: WeekRow[] }) {
  const table = { header: ['Week', ...SEVERITIES, 'Total'], rows: weeks.map((w) => [w.week, ...SEVERITIES.map((s) => w[s]), total(w)]) };
  return (
    <ChartCard
      id="incidents-per-week"
      title="Incidents per week"
      subtitle="By severity, ISO weeks (UTC), by declaration"
      table={table}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -18 }} barCategoryGap="22%">
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="week" {...AXIS} tickFormatter={(w: string) => w.slice(5)} minTickGap={4} />
            <YAxis {...AXIS} allowDecimals={false} />
            <Tooltip {...TOOLTIP} />
            <Legend wrapperStyle={LEGEND_STYLE} iconType="square" iconSize={9} itemSorter={null} />
            {SEVERITIES.map((s, i) => (
              <Bar key={s} dataKey={s} stackId="sev" fill={SEV_COLORS[s]} isAnimationActive={false} radius={i === SEVERITIES.length - 1 ? [2, 2, 0, 0] : 0} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
