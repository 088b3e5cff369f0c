import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { loadSettings, useSettings } from './settings-store';

// The war room reads the one settings store (roster, required roles, shift limit, templates,
// approval, sound). Settings are not pushed as events, so it asks again whenever it matters:
// on opening an incident, when the window regains focus, and when a draft is opened.

/** The settings as last read, or the defaults until the first answer. */
export function useWarRoomSettings(): Settings {
  return useSettings((s) => s.settings) ?? DEFAULT_SETTINGS;
}

export async function refreshSettings(): Promise<Settings> {
  await loadSettings();
  return currentSettings();
}

export const currentSettings = (): Settings => useSettings.getState().settings ?? DEFAULT_SETTINGS;
