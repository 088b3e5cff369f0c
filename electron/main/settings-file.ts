import type { SettingsStore } from '../core/settings/settings-store';
import { readSettingsFile } from '../../shared/contract/settings-file';
import { cachedSettings } from '../core/settings/conf-settings';

/** The part of electron-store (and of conf, its base) that settings need. */
export interface SettingsFile {
  store: Record<string, unknown>;
}

/**
 * Settings over a settings file: each stored value that passes the settings schema, the
 * default for any other, so that a hand-edited file cannot hand the engine, say, a number
 * where it expects a list (see shared/contract/settings-file.ts).
 */
export function settingsFromFile(file: SettingsFile): SettingsStore {
  return cachedSettings(
    () => readSettingsFile(file.store),
    (next) => {
      file.store = { ...next };
    },
  );
}
