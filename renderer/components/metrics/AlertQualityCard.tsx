import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IncidentSummary } from '../../../shared/domain/incident';
import type { AlertQualityRow } from '../../../shared/metrics/alert-quality';
import { AXIS, GRID, percent, TOOLTIP } from './chart-theme';
import { ChartCard, DataTable } from './ChartCard';

const TOP = 10;
const alertLabel = (r: Pick<AlertQualityRow, 'name' | 'service'>) => (r.service ? `${r.name} · ${r.service}` : r.name);
const short = (label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label);
/** Red where most detections were noise, amber where some were, green where none. */
const noiseColor = (noise: number) => (noise >= 0.5 ? '#ff6b6b' : noise > 0 ? '#f4b81c' : '#38d38a');

/**
 * Which alerts wake people for nothing: per alert name and service, what became of its
 * detections, noisiest first, with the noise share of the ten noisiest drawn beside the table.
 */
export function AlertQualityCard({ rows, incidents }: { rows: AlertQualityRow[]; incidents: IncidentSummary[] }) {
  const detections = incidents.filter((i) => i.alertNames.length > 0);
  const noisy = detections.filter((i) => i.declaredAt === null && (i.dismissedOutcome === 'false-alarm' || i.dismissedOutcome === 'minor')).length;
  const table = {
    header: ['Alert', 'Service', 'Detections', 'Declared', 'Attached', 'False alarm', 'Minor', 'Undecided', 'Noise'],
    rows: rows.map((r) => [r.name, r.service, r.detections, r.declared, r.attached, r.falseAlarm, r.minor, r.undecided, percent(r.noise)]),
  };
  const top = rows.slice(0, TOP).map((r) => ({ label: alertLabel(r), noise: r.noise, row: r }));

  return (
    <ChartCard
      id="alert-quality"
      className="mx-card-wide"
      title="Alert quality"
      subtitle={
        <>
          <b className="mx-big" data-testid="alert-noise">
            {percent(detections.length ? noisy / detections.length : null)}
          </b>{' '}
          of {detections.length} detections from alerts were dismissed as a false alarm or minor · per alert and service, noisiest first
        </>
      }
      empty="No detections from monitoring alerts in this selection."
      table={table}
      csv={{
        header: ['alert', 'service', 'detections', 'declared', 'attached', 'false_alarm', 'minor', 'undecided', 'noise_share'],
        rows: rows.map((r) => [r.name, r.service, r.detections, r.declared, r.attached, r.falseAlarm, r.minor, r.undecided, Number(r.noise.toFixed(3))]),
      }}
      list={
        <div className="mx-aq">
          <DataTable table={table} testId="card-alert-quality-rows" />
          <figure className="mx-aq-chart" aria-label={`Noise share of the ${top.length} noisiest alerts`} style={{ height: `${2.2 + top.length * 1.35}rem` }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={top} layout="vertical" margin={{ top: 2, right: 40, bottom: 0, left: 0 }} barCategoryGap="22%">
                <CartesianGrid {...GRID} horizontal={false} />
                <XAxis type="number" {...AXIS} domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => percent(v)} />
                <YAxis type="category" dataKey="label" {...AXIS} width={196} interval={0} tick={{ ...AXIS.tick, fontSize: 11 }} tickFormatter={short} />
                <Tooltip
                  {...TOOLTIP}
                  formatter={(_value, _name, item) => {
                    const r = (item.payload as (typeof top)[number]).row;
                    return [`${percent(r.noise)} · ${r.falseAlarm} false alarm, ${r.minor} minor of ${r.detections}`, 'Noise'];
                  }}
                />
                <Bar dataKey="noise" name="Noise share" isAnimationActive={false} radius={[0, 2, 2, 0]} maxBarSize={16} minPointSize={2}>
                  {top.map((t, k) => (
                    <Cell key={k} fill={noiseColor(t.noise)} />
                  ))}
                  <LabelList dataKey="noise" position="right" formatter={(v) => (typeof v === 'number' ? percent(v) : '')} fill="#eef2f6" fontSize={11} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </figure>
        </div>
      }
    />
  );
}
