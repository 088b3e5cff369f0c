import { create } from 'zustand';
import type { Severity } from '../../shared/domain/incident';
import { DEFAULT_LIST_FILTER, type ListFilter } from '../lib/list-filter';

interface ListFilterStore extends ListFilter {
  /** Whether the rail shows the filters beyond search, status and sort. */
  expanded: boolean;
}

/** How the rail's incident list is searched, narrowed and sorted. Local to this window. */
export const useListFilter = create<ListFilterStore>(() => ({ ...DEFAULT_LIST_FILTER, expanded: false }));

export const setListFilter = (patch: Partial<ListFilterStore>) => useListFilter.setState(patch);

export function toggleSeverityFilter(severity: Severity): void {
  useListFilter.setState((s) => ({
    severities: s.severities.includes(severity) ? s.severities.filter((x) => x !== severity) : [...s.severities, severity],
  }));
}

export function clearListFilters(): void {
  useListFilter.setState({ ...DEFAULT_LIST_FILTER, sort: useListFilter.getState().sort });
}
