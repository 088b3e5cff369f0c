import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES, type Severity } from '../../../shared/domain/incident';
import type { ResponseTimes } from '../../../shared/metrics/report';
import type { Distribution } from '../../../shared/metrics/stats';
import type { Interval } from '../../../shared/metrics/timestamps';
import { AXIS, durationTicks, GRID, minutesCell, readableDuration, SEV_COLORS, shortDuration, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';

const METRICS: Array<[Interval, string, string]> = [
  ['ttd', 'MTTD', 'impact start → detection'],
  ['tta', 'MTTA', 'detection → acknowledgement'],
  ['ttm', 'MTTM', 'impact start → mitigation'],
  ['ttr', 'MTTR', 'impact start → resolution'],
];

interface Row {
  severity: Severity;
  median: number | null;
  p90: number | null;
  dist: Distribution;
}

/** Medians and 90th percentiles per severity, never only means, with how many incidents stand behind each. */
export function ResponseTimesCard({ times }: { times: ResponseTimes }) {
  const [which, setWhich] = useState<Interval>('ttr');
  const rows: Row[] = SEVERITIES.map((severity) => {
    const dist = times[severity][which];
    return { severity, median: dist.median, p90: dist.p90, dist };
  });
  const label = METRICS.find((m) => m[0] === which)!;
  const tableRows = SEVERITIES.flatMap((s) =>
    METRICS.map(([key, name]) => {
      const d = times[s][key];
      return [s, name, d.n, d.missing, d.outOfOrder, readableDuration(d.median), readableDuration(d.p90), readableDuration(d.mean)];
    }),
  );
  const csvRows = SEVERITIES.flatMap((s) =>
    METRICS.map(([key, name]) => {
      const d = times[s][key];
      return [s, name, d.n, d.missing, d.outOfOrder, minutesCell(d.median), minutesCell(d.p90), minutesCell(d.mean)];
    }),
  );
  const ticks = durationTicks(Math.max(0, ...rows.map((r) => r.p90 ?? r.median ?? 0)));
  const any = SEVERITIES.some((s) => METRICS.some(([k]) => times[s][k].n + times[s][k].missing + times[s][k].outOfOrder > 0));

  return (
    <ChartCard
      id="response-times"
      title="Response times"
      subtitle={`${label[1]}: ${label[2]} · median and p90 by severity`}
      table={{ header: ['Severity', 'Metric', 'n', 'Missing', 'Out of order', 'Median', 'p90', 'Mean'], rows: any ? tableRows : [] }}
      csv={{ header: ['severity', 'metric', 'n', 'missing', 'out_of_order', 'median_min', 'p90_min', 'mean_min'], rows: csvRows }}
      tools={
        <div className="mx-card-switch">
          <div className="seg mx-seg" role="radiogroup" aria-label="Metric">
            {METRICS.map(([key, name, title]) => (
              <button key={key} type="button" role="radio" title={title} aria-checked={which === key} className={`seg-btn${which === key ? ' is-on' : ''}`} data-testid={`response-${key}`} onClick={() => setWhich(key)}>
                {name}
              </button>
            ))}
          </div>
          <span className="mx-legend" aria-hidden="true">
            <span className="mx-key mx-key-median" /> median <span className="mx-key mx-key-p90" /> p90
          </span>
          <span className="mx-counts" data-testid="response-counts">
            {rows.map((r) => (
              <span key={r.severity} className="mx-count">
                <b style={{ color: SEV_COLORS[r.severity] }}>{r.severity}</b> n={r.dist.n}
                {r.dist.missing > 0 && <span className="mx-missing"> · {r.dist.missing} missing</span>}
                {r.dist.outOfOrder > 0 && <span className="mx-flag"> · {r.dist.outOfOrder} flagged</span>}
              </span>
            ))}
          </span>
        </div>
      }
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 44, bottom: 0, left: -8 }} barGap={2} barCategoryGap="24%">
            <CartesianGrid {...GRID} horizontal={false} />
            <XAxis type="number" {...AXIS} ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={(v: number) => shortDuration(v)} />
            <YAxis type="category" dataKey="severity" {...AXIS} width={52} />
            <Tooltip {...TOOLTIP} formatter={(v) => (typeof v === 'number' ? readableDuration(v) : '—')} />
            <Bar dataKey="median" name="Median" isAnimationActive={false} radius={[0, 2, 2, 0]}>
              {rows.map((r) => (
                <Cell key={r.severity} fill={SEV_COLORS[r.severity]} />
              ))}
              <LabelList dataKey="median" position="right" formatter={(v) => (typeof v === 'number' ? shortDuration(v) : '')} fill="#eef2f6" fontSize={11} />
            </Bar>
            <Bar dataKey="p90" name="p90" isAnimationActive={false} radius={[0, 2, 2, 0]}>
              {rows.map((r) => (
                <Cell key={r.severity} fill={SEV_COLORS[r.severity]} fillOpacity={0.35} stroke={SEV_COLORS[r.severity]} strokeOpacity={0.7} />
              ))}
              <LabelList dataKey="p90" position="right" formatter={(v) => (typeof v === 'number' ? shortDuration(v) : '')} fill="#9aa6b4" fontSize={11} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
