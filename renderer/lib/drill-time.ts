import type { DrillState } from '../../shared/drills/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** `T+12:34`: minutes and seconds since the drill's start, on its clock (`T+72:05` past the hour; never negative). */
export function formatDrillOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `T+${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** A drill-time moment as `T+mm:ss` from the drill's start. */
export function drillStamp(drill: Pick<DrillState, 'startedAt'>, at: number): string {
  return formatDrillOffset(at - drill.startedAt);
}

/** `T+20` for a script line: an inject's minute. */
export function formatInjectMinute(atMinute: number): string {
  return `T+${Number.isInteger(atMinute) ? atMinute : atMinute.toFixed(1)}`;
}

export type DrillPhase = 'running' | 'paused' | 'ended';

export function drillPhase(drill: Pick<DrillState, 'endedAt' | 'clock'>): DrillPhase {
  if (drill.endedAt !== null) return 'ended';
  return drill.clock.paused ? 'paused' : 'running';
}
