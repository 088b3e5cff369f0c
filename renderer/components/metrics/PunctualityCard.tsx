import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type IncidentSummary, SEVERITIES } from '../../../shared/domain/incident';
import { updatePunctuality } from '../../../shared/metrics/report';
import { AXIS, GRID, LEGEND_STYLE, percent, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';

/** Updates sent by their deadline (the cadence in force), late, or with no deadline at all. */
export function PunctualityCard({ incidents }: { incidents: IncidentSummary[] }) {
  const rows = [
    { group: 'All', ...updatePunctuality(incidents) },
    ...SEVERITIES.map((s) => ({ group: s, ...updatePunctuality(incidents.filter((i) => i.severity === s)) })),
  ].filter((r, i) => i === 0 || r.onTime + r.late + r.unscheduled > 0);
  const any = rows[0]!.onTime + rows[0]!.late + rows[0]!.unscheduled > 0;
  return (
    <ChartCard
      id="update-punctuality"
      title="Update punctuality"
      subtitle={<>Updates sent by the cadence deadline · {percent(rows[0]!.rate)} on time overall</>}
      empty="No updates were logged as sent in this selection."
      table={{
        header: ['Group', 'On time', 'Late', 'No deadline', 'On-time rate'],
        rows: any ? rows.map((r) => [r.group, r.onTime, r.late, r.unscheduled, percent(r.rate)]) : [],
      }}
      csv={{ header: ['group', 'on_time', 'late', 'no_deadline', 'on_time_rate'], rows: rows.map((r) => [r.group, r.onTime, r.late, r.unscheduled, r.rate === null ? null : Number(r.rate.toFixed(3))]) }}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: -8 }} barCategoryGap="28%">
            <CartesianGrid {...GRID} horizontal={false} />
            <XAxis type="number" {...AXIS} allowDecimals={false} />
            <YAxis type="category" dataKey="group" {...AXIS} width={52} />
            <Tooltip {...TOOLTIP} />
            <Legend wrapperStyle={LEGEND_STYLE} iconType="square" iconSize={9} itemSorter={null} />
            <Bar dataKey="onTime" name="On time" stackId="u" fill="#38d38a" isAnimationActive={false} />
            <Bar dataKey="late" name="Late" stackId="u" fill="#ff6b6b" isAnimationActive={false} />
            <Bar dataKey="unscheduled" name="No deadline" stackId="u" fill="#4a5564" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
