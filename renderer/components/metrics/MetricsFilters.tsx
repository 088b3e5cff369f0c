import { SeverityToggles } from '../SeverityToggles';
import { dayOf } from '../../../shared/domain/review/schedule';
import { EMPTY_METRICS_FILTER, setMetricsFilter, useMetricsFilter } from './metrics-filter-store';

const DAY = 86_400_000;
const PRESETS: Array<[string, number | null]> = [
  ['4 weeks', 28],
  ['12 weeks', 84],
  ['All', null],
];

/** Date range, severity and service tag: every card below reads the same selection; availability and responders read the dates only. */
export function MetricsFilters({ tags, now, datesOnly = false }: { tags: string[]; now: number; datesOnly?: boolean }) {
  const f = useMetricsFilter();
  const preset = (days: number | null) => setMetricsFilter({ fromDay: days === null ? '' : dayOf(now - (days - 1) * DAY), toDay: '' });
  const activePreset = PRESETS.find(([, days]) => f.toDay === '' && f.fromDay === (days === null ? '' : dayOf(now - (days - 1) * DAY)))?.[0];
  const changed = f.fromDay || f.toDay || (!datesOnly && (f.severities.length || f.tag));

  return (
    <div className="mx-filters" role="group" aria-label="Filters" data-testid="metrics-filters">
      <div className="mx-filter">
        <span className="mx-filter-label">Period</span>
        <div className="seg mx-seg" role="group" aria-label="Period presets">
          {PRESETS.map(([label, days]) => (
            <button key={label} type="button" aria-pressed={activePreset === label} className={`seg-btn${activePreset === label ? ' is-on' : ''}`} onClick={() => preset(days)}>
              {label}
            </button>
          ))}
        </div>
        <input type="date" className="input mx-date" aria-label="From" data-testid="metrics-from" value={f.fromDay} max={f.toDay || undefined} onChange={(e) => setMetricsFilter({ fromDay: e.target.value })} />
        <span className="mx-filter-dash">→</span>
        <input type="date" className="input mx-date" aria-label="To" data-testid="metrics-to" value={f.toDay} min={f.fromDay || undefined} onChange={(e) => setMetricsFilter({ toDay: e.target.value })} />
      </div>
      {!datesOnly && (
        <>
          <div className="mx-filter">
            <span className="mx-filter-label">Severity</span>
            <SeverityToggles
              className="mx-sev"
              testIdPrefix="metrics-sev"
              selected={f.severities}
              onToggle={(s) => setMetricsFilter({ severities: f.severities.includes(s) ? f.severities.filter((x) => x !== s) : [...f.severities, s] })}
            />
          </div>
          <label className="mx-filter">
            <span className="mx-filter-label">Service</span>
            <select className="input mx-select" data-testid="metrics-tag" value={f.tag} onChange={(e) => setMetricsFilter({ tag: e.target.value })}>
              <option value="">All tags</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {changed ? (
        <button type="button" className="link-btn mx-reset" data-testid="metrics-reset" onClick={() => setMetricsFilter(datesOnly ? { fromDay: '', toDay: '' } : EMPTY_METRICS_FILTER)}>
          Reset
        </button>
      ) : null}
    </div>
  );
}
