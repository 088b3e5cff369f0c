import Conf from 'conf';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings, type SettingsNotice } from '../../../shared/domain/settings';
import { readSettingsFile } from '../../../shared/contract/settings-file';
import { PRIVATE_FILE_MODE } from '../fs/private';
import type { SettingsStore } from './settings-store';
import { SETTINGS_FILE, keepUnreadableSettingsAside } from './unreadable-settings';

/** Settings in `<dataDir>/settings.json` through `conf`, electron-store's base class. */
export function createConfSettings(dataDir: string): SettingsStore {
  const notice = keepUnreadableSettingsAside(join(dataDir, SETTINGS_FILE));
  const conf = new Conf<Settings>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'command-post',
    defaults: DEFAULT_SETTINGS,
    configFileMode: PRIVATE_FILE_MODE,
  });
  return cachedSettings(
    () => readSettingsFile(conf.store as unknown as Record<string, unknown>),
    (next) => {
      conf.store = next;
    },
    notice,
  );
}

/**
 * conf and electron-store re-read and parse the file on every access; a command reads settings
 * twice (its actor and its policies), so this process keeps what it last read or wrote. The
 * file is this process's to change.
 */
export function cachedSettings(load: () => Settings, save: (next: Settings) => void, notice: SettingsNotice | null = null): SettingsStore {
  // Frozen, so it can be handed out as is: cloning on every read cost as much as the file read.
  let current: Settings | null = null;
  return {
    read: () => (current ??= deepFreeze(load())),
    write: (next) => {
      save(next);
      current = deepFreeze(load());
    },
    notice: () => notice,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** For tests and benchmarks that want no file at all. */
export function createMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    read: () => ({ ...current }),
    write: (next) => {
      current = { ...next };
    },
    notice: () => null,
  };
}
