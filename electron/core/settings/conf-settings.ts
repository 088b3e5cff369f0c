import Conf from 'conf';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { readSettingsFile } from '../../../shared/contract/settings-file';
import type { SettingsStore } from './settings-store';

/** Settings in `<dataDir>/settings.json` through `conf`, electron-store's base class. */
export function createConfSettings(dataDir: string): SettingsStore {
  const conf = new Conf<Settings>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'command-post',
    defaults: DEFAULT_SETTINGS,
  });
  return {
    read: () => readSettingsFile(conf.store as unknown as Record<string, unknown>),
    write: (next) => {
      conf.store = next;
    },
  };
}

/** For tests and benchmarks that want no file at all. */
export function createMemorySettings(initial: Partial<Settings> = {}): SettingsStore {
  let current: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    read: () => ({ ...current }),
    write: (next) => {
      current = { ...next };
    },
  };
}
