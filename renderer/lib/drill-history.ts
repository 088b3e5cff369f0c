import type { HistoryPoint, HistorySeries } from '../../shared/drills/debrief-history';
import { DEBRIEF_CATEGORY_LABELS, type DebriefCategory } from '../../shared/drills/types';

/** What the history chart plots: the overall score or one category's. */
export type HistoryMeasure = 'overall' | DebriefCategory;

export const MEASURE_LABELS: Record<HistoryMeasure, string> = { overall: 'Overall', ...DEBRIEF_CATEGORY_LABELS };

export function scoreOf(point: HistoryPoint, measure: HistoryMeasure): number | null {
  return measure === 'overall' ? point.overall : point.categories[measure];
}

/** A series as chart points: drills that scored nothing in this measure are left out, not drawn as zero. */
export function chartPoints(series: HistorySeries, measure: HistoryMeasure): Array<{ startedAt: number; score: number; scenario: string }> {
  return series.points.flatMap((p) => {
    const score = scoreOf(p, measure);
    return score === null ? [] : [{ startedAt: p.startedAt, score: Math.round(score), scenario: p.scenarioName ?? 'scenario file' }];
  });
}

/** Each drill's overall score, from the team series (every drill is in exactly one team's series). */
export function overallByDrill(teams: readonly HistorySeries[]): Map<string, { overall: number | null; team: string; startedAt: number }> {
  const byId = new Map<string, { overall: number | null; team: string; startedAt: number }>();
  for (const series of teams) for (const p of series.points) byId.set(p.incidentId, { overall: p.overall, team: series.name, startedAt: p.startedAt });
  return byId;
}

/** `82%`, or a dash when nothing applied. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : `${Math.round(score)}%`;
}
