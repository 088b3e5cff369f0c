import { METRICS_TABS, setMetricsTab, useMetricsTab } from './metrics-tab-store';

/** Incidents, Availability, Responders: one view at a time, so each gets the whole screen. */
export function MetricsTabs() {
  const tab = useMetricsTab((s) => s.tab);
  return (
    <div className="seg mx-tabs" role="tablist" aria-label="Metrics">
      {METRICS_TABS.map((t) => (
        <button
          key={t.id}
          id={`metrics-tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          className={`seg-btn${tab === t.id ? ' is-on' : ''}`}
          data-testid={`metrics-tab-${t.id}`}
          onClick={() => setMetricsTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
