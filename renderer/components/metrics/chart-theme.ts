import type { DetectionSource, Severity } from '../../../shared/domain/incident';

// Recharts drawn in the console's palette: quiet grid, readable axes, colour only where it means something.

export const SEV_COLORS: Record<Severity, string> = { SEV1: '#ff4242', SEV2: '#ff8a1e', SEV3: '#f4b81c', SEV4: '#3f8cff' };

export const DETECTION_COLORS: Record<DetectionSource, string> = {
  alert: '#38d38a',
  'customer-report': '#ff6b8b',
  internal: '#8f9bff',
};

export const GRID = { stroke: '#1c2430', strokeDasharray: '3 3' } as const;

export const AXIS = {
  stroke: '#2d3744',
  tick: { fill: '#b4bfcc', fontSize: 12 },
  tickLine: { stroke: '#2d3744' },
} as const;

export const TOOLTIP = {
  contentStyle: {
    background: '#0e1218',
    border: '1px solid #2d3744',
    borderRadius: 6,
    boxShadow: '0 8px 24px rgba(0,0,0,0.5)',
    fontSize: 12,
    padding: '6px 10px',
  },
  labelStyle: { color: '#eef2f6', fontWeight: 700, marginBottom: 2 },
  itemStyle: { color: '#b4bfcc', padding: 0 },
  cursor: { fill: 'rgba(140, 196, 255, 0.06)' },
} as const;

export const LEGEND_STYLE = { fontSize: 12, color: '#b4bfcc', paddingTop: 4 } as const;

/** Compact for axes and bar labels: `42m`, `3.5h`, `2.1d`. */
export function shortDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)}s`;
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)}h`;
  return `${(hours / 24).toFixed(1).replace(/\.0$/, '')}d`;
}

/** For tables: `42m`, `1h 32m`, `2d 3h`. */
export function readableDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export const percent = (rate: number | null, digits = 0) => (rate === null ? '—' : `${(rate * 100).toFixed(digits)}%`);

/** Minutes with one decimal, for CSV: spreadsheets sum numbers, not "1h 32m". */
export const minutesCell = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

/** Round ticks for a duration axis (every 15 min, 2 h, 1 d…), at most about five of them. */
export function durationTicks(maxMs: number, most = 5): number[] {
  const maxMin = Math.max(1, maxMs / 60_000);
  const step = STEPS_MIN.find((s) => maxMin / s <= most) ?? Math.ceil(maxMin / most / 1440) * 1440;
  const ticks: number[] = [];
  for (let t = 0; t <= maxMin + step * 0.999; t += step) ticks.push(t * 60_000);
  return ticks;
}
