import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DETECTION_SOURCES } from '../../../shared/domain/incident';
import type { DetectionRow } from '../../../shared/metrics/report';
import { DETECTION_LABELS } from '../../lib/labels';
import { AXIS, DETECTION_COLORS, GRID, LEGEND_STYLE, percent, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';

const monthLabel = (period: string) => new Date(`${period}-15T00:00:00Z`).toLocaleString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Who noticed first, month by month: monitoring, a customer, or someone inside. */
export function DetectionCard({ rows }: { rows: DetectionRow[] }) {
  const share = (r: DetectionRow, s: (typeof DETECTION_SOURCES)[number]) => (r.total ? r[s] / r.total : null);
  return (
    <ChartCard
      id="detection-share"
      title="Detection source"
      subtitle="Share of incidents per month: alert vs customer report vs internal"
      table={{
        header: ['Month', 'Alert', 'Customer report', 'Internal', 'Total', 'Alert share'],
        rows: rows.map((r) => [r.period, r.alert, r['customer-report'], r.internal, r.total, percent(share(r, 'alert'))]),
      }}
      csv={{
        header: ['month', 'alert', 'customer_report', 'internal', 'total', 'alert_share'],
        rows: rows.map((r) => [r.period, r.alert, r['customer-report'], r.internal, r.total, share(r, 'alert') === null ? null : Number(share(r, 'alert')!.toFixed(3))]),
      }}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} stackOffset="expand" margin={{ top: 8, right: 8, bottom: 0, left: -12 }} barCategoryGap="28%">
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="period" {...AXIS} tickFormatter={monthLabel} />
            <YAxis {...AXIS} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={(p) => monthLabel(String(p))}
              formatter={(value, name, item) => {
                const row = item.payload as DetectionRow;
                return [`${value} of ${row.total} (${percent(typeof value === 'number' && row.total ? value / row.total : null)})`, name];
              }}
            />
            <Legend wrapperStyle={LEGEND_STYLE} iconType="square" iconSize={9} itemSorter={null} />
            {DETECTION_SOURCES.map((s) => (
              <Bar key={s} dataKey={s} name={DETECTION_LABELS[s]} stackId="src" fill={DETECTION_COLORS[s]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
