import { activeFilterCount, type ListSort as Sort } from '../../lib/list-filter';
import { clearListFilters, setListFilter, useListFilter } from '../../store/list-filter-store';

const SORT_CHOICES: Array<[Sort, string]> = [
  ['newest', 'Newest'],
  ['severity', 'Severity'],
  ['activity', 'Last activity'],
];

export function ListSort() {
  const filter = useListFilter();
  const narrowed = activeFilterCount(filter) > 0 || filter.query.trim() !== '';
  return (
    <span className="list-sort">
      {narrowed && (
        <button type="button" className="list-clear" data-testid="list-clear" onClick={clearListFilters}>
          Clear
        </button>
      )}
      <select
        className="list-select list-select-bare"
        aria-label="Sort incidents"
        data-testid="list-sort"
        value={filter.sort}
        onChange={(e) => setListFilter({ sort: e.target.value as Sort })}
      >
        {SORT_CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}
