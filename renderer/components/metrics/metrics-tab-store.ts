import { create } from 'zustand';

/** What the metrics view shows: figures across incidents, availability per service, or the toll on responders. */
export type MetricsTab = 'incidents' | 'availability' | 'responders';

export const METRICS_TABS: ReadonlyArray<{ id: MetricsTab; label: string }> = [
  { id: 'incidents', label: 'Incidents' },
  { id: 'availability', label: 'Availability' },
  { id: 'responders', label: 'Responders' },
];

/** Kept while the commander goes to an incident and back, like the filters. */
export const useMetricsTab = create<{ tab: MetricsTab }>(() => ({ tab: 'incidents' }));

export const setMetricsTab = (tab: MetricsTab) => useMetricsTab.setState({ tab });
