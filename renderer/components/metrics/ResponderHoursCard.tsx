import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResponderToll } from '../../../shared/metrics/cost-report';
import { formatHours } from '../../../shared/metrics/responder-toll';
import { AXIS, GRID, LEGEND_STYLE, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';
import { axisHours, hourTicks, hoursCell, PRIVATE_CSV, weeklyRows } from './responder-words';

// Colours tell people apart and mean nothing else: no red for "most", no order but the alphabet.
const PERSON_COLORS = ['#8f9bff', '#38c6d3', '#c08fff', '#7fd38a', '#e0a5ff', '#6fb3ff', '#d3c27f', '#9ad3c6'];

/** Hours on incidents per person and ISO week (in each person's own zone), people in alphabetical order. */
export function ResponderHoursCard({ people }: { people: ResponderToll[] }) {
  const rows = weeklyRows(people);
  const ticks = hourTicks(Math.max(0, ...rows.flatMap((r) => Object.values(r).filter((v): v is number => typeof v === 'number'))));
  const table = {
    header: ['Person', 'Week', 'On incidents'],
    rows: people.flatMap((p) => p.weeks.map((w) => [p.name, w.week, formatHours(w.ms)])),
  };
  const csv = {
    header: ['person', 'week', 'hours_on_incidents'],
    rows: people.flatMap((p) => p.weeks.map((w) => [p.name, w.week, hoursCell(w.ms)])),
  };
  return (
    <ChartCard
      id="responder-hours"
      title="Hours on incidents per week"
      subtitle="Per person, ISO weeks on their own clock; overlapping roles counted once"
      table={table}
      csv={csv}
      csvLabel={PRIVATE_CSV}
      empty="Nobody held a role on an incident in this period."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -6 }} barCategoryGap="22%">
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="week" {...AXIS} tickFormatter={(w: string) => w.slice(5)} minTickGap={4} />
            <YAxis {...AXIS} ticks={ticks} domain={[0, ticks[ticks.length - 1]!]} interval={0} tickFormatter={axisHours} width={48} />
            <Tooltip {...TOOLTIP} formatter={(v) => (typeof v === 'number' ? formatHours(v * 3_600_000) : '—')} />
            <Legend wrapperStyle={LEGEND_STYLE} iconType="square" iconSize={9} />
            {people.map((p, i) => (
              <Bar key={p.name} dataKey={p.name} fill={PERSON_COLORS[i % PERSON_COLORS.length]} isAnimationActive={false} radius={[2, 2, 0, 0]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
