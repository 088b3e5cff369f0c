import { create } from 'zustand';
import type { IncidentListItem } from '../../shared/contract/contract';
import type { CommandError } from '../../shared/contract/result';
import { api } from '../api';

interface IncidentListStore {
  items: IncidentListItem[];
  loaded: boolean;
  error: CommandError | null;
}

/** Summaries of every incident, as `incident.list` last answered. Never edited locally. */
export const useIncidentList = create<IncidentListStore>(() => ({ items: [], loaded: false, error: null }));

const DEBOUNCE_MS = 100;
let debounce: ReturnType<typeof setTimeout> | null = null;
let latestRequest = 0;

export async function refreshIncidentList(): Promise<void> {
  const request = ++latestRequest;
  const result = await api.call('incident.list', {});
  // A slower, older answer must not overwrite a newer one.
  if (request !== latestRequest) return;
  if (result.ok) useIncidentList.setState({ items: result.value, loaded: true, error: null });
  else useIncidentList.setState({ error: result.error });
}

/** Events come in bursts; one list refresh per burst is enough. */
export function scheduleIncidentListRefresh(): void {
  if (debounce !== null) clearTimeout(debounce);
  debounce = setTimeout(() => {
    debounce = null;
    void refreshIncidentList();
  }, DEBOUNCE_MS);
}
