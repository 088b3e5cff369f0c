import path from 'node:path';
import type { SettingsStore } from '../core/settings/settings-store';
import { readSettingsFile } from '../../shared/contract/settings-file';
import { DEFAULT_SETTINGS, type SettingsNotice } from '../../shared/domain/settings';
import { cachedSettings } from '../core/settings/conf-settings';
import { PRIVATE_FILE_MODE } from '../core/fs/private';
import { SETTINGS_FILE, keepUnreadableSettingsAside } from '../core/settings/unreadable-settings';

/** The part of electron-store (and of conf, its base) that settings need. */
export interface SettingsFile {
  store: Record<string, unknown>;
}

/** What main hands electron-store's constructor. */
export interface SettingsFileOptions {
  name: string;
  defaults: Record<string, unknown>;
  clearInvalidConfig: boolean;
  configFileMode: number;
}

/**
 * Settings over a settings file: each stored value that passes the settings schema, the
 * default for any other, so that a hand-edited file cannot hand the engine, say, a number
 * where it expects a list (see shared/contract/settings-file.ts).
 */
export function settingsFromFile(file: SettingsFile, notice: SettingsNotice | null = null): SettingsStore {
  return cachedSettings(
    () => readSettingsFile(file.store),
    (next) => {
      file.store = { ...next };
    },
    notice,
  );
}

/**
 * Electron's settings, `<userData>/settings.json`: an unreadable file is kept aside first, as
 * the browser host does, so electron-store's reset never loses it.
 */
export function openSettingsFile(userData: string, createStore: (options: SettingsFileOptions) => SettingsFile): SettingsStore {
  const notice = keepUnreadableSettingsAside(path.join(userData, SETTINGS_FILE));
  const store = createStore({
    name: path.basename(SETTINGS_FILE, '.json'),
    defaults: { ...DEFAULT_SETTINGS },
    // Still on, should the file break between the check and the read.
    clearInvalidConfig: true,
    configFileMode: PRIVATE_FILE_MODE,
  });
  return settingsFromFile(store, notice);
}
