import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistorySeries } from '../../../shared/drills/debrief-history';
import { chartPoints, type HistoryMeasure, MEASURE_LABELS, scoreOf } from '../../lib/drill-history';
import { formatShortDay } from '../../lib/time';
import { AXIS, GRID, LEGEND_STYLE, TOOLTIP } from '../metrics/chart-theme';
import { ChartCard } from '../metrics/ChartCard';

const LINE_COLORS = ['#a78bfa', '#f4b81c', '#38d38a', '#5aa9ff', '#ff6b8b', '#8f9bff', '#2dd4bf'];
const ALL_TEAMS = '';

/** Scores over time: one line per team, or one person's line; the overall score or one of the five categories. */
export function DrillHistoryCard({ teams, people }: { teams: HistorySeries[]; people: HistorySeries[] }) {
  const [person, setPerson] = useState(ALL_TEAMS);
  const [measure, setMeasure] = useState<HistoryMeasure>('overall');
  const chosen = people.find((p) => p.key === person);
  const shown = chosen ? [chosen] : teams;
  const table = {
    header: [chosen ? 'Person' : 'Team', 'Drill start', 'Scenario', MEASURE_LABELS[measure]],
    rows: shown.flatMap((s) => s.points.map((p) => [s.name, new Date(p.startedAt).toISOString().slice(0, 16).replace('T', ' '), p.scenarioName ?? '', scoreOf(p, measure)])),
  };
  const tools = (
    <div className="drill-history-tools">
      <label className="drill-field">
        <span className="drill-field-label">Whose scores</span>
        <select className="input" data-testid="history-person" value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value={ALL_TEAMS}>Every team</option>
          {people.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="drill-field">
        <span className="drill-field-label">Score</span>
        <select className="input" data-testid="history-measure" value={measure} onChange={(e) => setMeasure(e.target.value as HistoryMeasure)}>
          {(Object.keys(MEASURE_LABELS) as HistoryMeasure[]).map((m) => (
            <option key={m} value={m}>
              {MEASURE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
  return (
    <ChartCard
      id="drill-history"
      title="Scores across drills"
      subtitle={chosen ? `${chosen.name}, in every drill they took part in` : 'One line per team, 0–100%'}
      table={table}
      tools={tools}
      empty="No drill scored yet: the chart starts with the first debrief."
      className="drill-history"
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 0, left: -12 }}>
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="startedAt" type="number" scale="time" domain={['dataMin', 'dataMax']} {...AXIS} tickFormatter={(ms: number) => formatShortDay(ms)} allowDuplicatedCategory={false} minTickGap={24} />
            <YAxis {...AXIS} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
            <Tooltip {...TOOLTIP} labelFormatter={(ms) => formatShortDay(Number(ms))} formatter={(value) => [`${String(value)}%`, MEASURE_LABELS[measure]]} />
            <Legend wrapperStyle={LEGEND_STYLE} iconType="plainline" />
            {shown.map((s, i) => (
              <Line key={s.key} data={chartPoints(s, measure)} dataKey="score" name={s.name} stroke={LINE_COLORS[i % LINE_COLORS.length]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}
