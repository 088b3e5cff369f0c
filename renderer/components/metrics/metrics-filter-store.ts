import { create } from 'zustand';
import type { Severity } from '../../../shared/domain/incident';

export interface MetricsFilterState {
  /** Local calendar days, `YYYY-MM-DD`, inclusive; empty for open-ended. */
  fromDay: string;
  toDay: string;
  severities: Severity[];
  tag: string;
}

export const EMPTY_METRICS_FILTER: MetricsFilterState = { fromDay: '', toDay: '', severities: [], tag: '' };

/** The metrics view's filters, kept while the commander goes to an incident and back. */
export const useMetricsFilter = create<MetricsFilterState>(() => EMPTY_METRICS_FILTER);

export const setMetricsFilter = (patch: Partial<MetricsFilterState>) => useMetricsFilter.setState(patch);

const DAY = 86_400_000;

/** The engine's filter: `from` inclusive at the start of the first day, `to` exclusive after the last. */
export function toMetricsFilter(f: MetricsFilterState) {
  const start = (day: string) => (day ? new Date(`${day}T00:00:00`).getTime() : null);
  const to = start(f.toDay);
  return {
    from: start(f.fromDay),
    to: to === null ? null : to + DAY,
    severities: f.severities,
    tag: f.tag || null,
  };
}
