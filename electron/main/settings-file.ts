import type { SettingsStore } from '../core/settings/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';

/** The part of electron-store (and of conf, its base) that settings need. */
export interface SettingsFile {
  store: Record<string, unknown>;
}

/**
 * Settings over a settings file: the defaults, overlaid with each stored value of the same
 * kind as its default (string, number, array, object…), so that a hand-edited file cannot
 * hand the engine, say, a number where it expects a list.
 */
export function settingsFromFile(file: SettingsFile): SettingsStore {
  return {
    read: () => {
      const stored = file.store;
      const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
        const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
        if (value !== undefined && kind(value) === kind(fallback)) settings[key] = value;
      }
      return settings as unknown as Settings;
    },
    write: (next) => {
      file.store = { ...next };
    },
  };
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
