import { create } from 'zustand';
import type { SyncSettingsView } from '../../shared/contract/contract';
import type { CommandError } from '../../shared/contract/result';
import { api } from '../api';

interface SyncSettingsStore {
  /** The saved team database connection, without its password; null until the first answer. */
  view: SyncSettingsView | null;
  error: CommandError | null;
}

/** The team sync connection as Settings shows it. Kept apart from the settings file, as the engine keeps it. */
export const useSyncSettings = create<SyncSettingsStore>(() => ({ view: null, error: null }));

let latestRequest = 0;

export async function loadSyncSettings(): Promise<void> {
  const request = ++latestRequest;
  const result = await api.call('sync.settings', {});
  if (request !== latestRequest) return;
  if (result.ok) useSyncSettings.setState({ view: result.value, error: null });
  else useSyncSettings.setState({ error: result.error });
}
