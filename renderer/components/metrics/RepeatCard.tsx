import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IncidentSummary } from '../../../shared/domain/incident';
import type { RepeatReport } from '../../../shared/metrics/report';
import { AXIS, GRID, percent, TOOLTIP } from './chart-theme';
import { ChartCard } from './ChartCard';

/** `root cause: code-change` → `cause · code change`, `tag: payments` → `#payments`: short enough for an axis. */
const viaLabel = (via: string) => via.replace(/^root cause: (.*)$/, (_, c: string) => `cause · ${c.replace('-', ' ')}`).replace(/^tag: /, '#');

/** An incident repeats when one within 90 days before it shares its root-cause category or a tag. */
export function RepeatCard({ repeat, incidents }: { repeat: RepeatReport; incidents: IncidentSummary[] }) {
  const titles = new Map(incidents.map((i) => [i.id, i.title]));
  const byVia = new Map<string, number>();
  for (const p of repeat.pairs) byVia.set(p.via, (byVia.get(p.via) ?? 0) + 1);
  const bars = [...byVia].map(([via, repeats]) => ({ via, repeats })).sort((a, b) => b.repeats - a.repeats).slice(0, 8);
  return (
    <ChartCard
      id="repeat-rate"
      title="Repeat rate"
      subtitle={
        <>
          <b className="mx-big" data-testid="repeat-rate">
            {percent(repeat.rate)}
          </b>{' '}
          {repeat.repeats} of {repeat.total} incidents repeat an earlier one (same root-cause category or tag, within 90 days)
        </>
      }
      empty="No repeats in this selection."
      table={{ header: ['Incident', 'Title', 'Repeats', 'Via'], rows: repeat.pairs.map((p) => [p.incidentId, titles.get(p.incidentId) ?? '', p.earlierId, p.via]) }}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap="22%">
            <CartesianGrid {...GRID} horizontal={false} />
            <XAxis type="number" {...AXIS} allowDecimals={false} />
            <YAxis type="category" dataKey="via" {...AXIS} width={120} tick={{ ...AXIS.tick, fontSize: 11 }} tickFormatter={viaLabel} />
            <Tooltip {...TOOLTIP} labelFormatter={(v) => viaLabel(String(v))} />
            <Bar dataKey="repeats" name="Repeats" fill="#c7a6ff" isAnimationActive={false} radius={[0, 2, 2, 0]} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
