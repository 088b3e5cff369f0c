import { useMemo } from 'react';
import { activeFilterCount, type SinceFilter, type StatusFilter, tagsInUse } from '../../lib/list-filter';
import { useIncidentList } from '../../store/incident-list-store';
import { setListFilter, toggleSeverityFilter, useListFilter } from '../../store/list-filter-store';
import { SeverityToggles } from '../SeverityToggles';
import '../review-kit.css';
import './ListFilter.css';

const STATUS_CHOICES: Array<[StatusFilter, string]> = [
  ['all', 'All'],
  ['open', 'Open'],
  ['closed', 'Closed'],
];
const SINCE_CHOICES: Array<[SinceFilter, string]> = [
  ['any', 'Any time'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
];

/** Search, status and sort always in view; severity, tag and date behind one toggle so the list keeps its room. */
export function ListFilterBar() {
  const filter = useListFilter();
  const items = useIncidentList((s) => s.items);
  const tags = useMemo(() => tagsInUse(items), [items]);
  const narrowing = activeFilterCount(filter) - (filter.status !== 'all' ? 1 : 0);

  return (
    <div className="list-filter" data-testid="list-filter">
      <div className="list-search">
        <input
          type="search"
          className="list-search-input"
          data-testid="list-search"
          placeholder="Search title, id or tag"
          aria-label="Search incidents"
          value={filter.query}
          onChange={(e) => setListFilter({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.query) {
              e.stopPropagation();
              setListFilter({ query: '' });
            }
          }}
        />
      </div>
      <div className="list-filter-row">
        <div className="seg" role="radiogroup" aria-label="Status">
          {STATUS_CHOICES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={filter.status === value}
              className={`seg-btn${filter.status === value ? ' is-on' : ''}`}
              data-testid={`list-status-${value}`}
              onClick={() => setListFilter({ status: value })}
            >
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={`list-more${filter.expanded ? ' is-open' : ''}${narrowing ? ' has-count' : ''}`}
          aria-expanded={filter.expanded}
          data-testid="list-more-filters"
          onClick={() => setListFilter({ expanded: !filter.expanded })}
          title="Severity, tag and date filters"
        >
          Filters{narrowing ? <span className="list-more-count">{narrowing}</span> : null}
        </button>
      </div>
      {filter.expanded && (
        <div className="list-filter-more" data-testid="list-filter-more">
          <SeverityToggles testIdPrefix="list-sev" selected={filter.severities} onToggle={toggleSeverityFilter} />
          <div className="list-filter-selects">
            <select
              className="list-select"
              aria-label="Tag"
              data-testid="list-tag"
              value={filter.tag ?? ''}
              onChange={(e) => setListFilter({ tag: e.target.value || null })}
            >
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <select
              className="list-select"
              aria-label="Started"
              data-testid="list-since"
              value={filter.since}
              onChange={(e) => setListFilter({ since: e.target.value as SinceFilter })}
            >
              {SINCE_CHOICES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </div>
  );
}
