import type { Settings } from '../../../shared/domain/settings';

/**
 * Where settings live. `conf` in Node (tests, the browser host), electron-store in Electron;
 * both have the same get/set API, so each host hands the engine one of these.
 */
export interface SettingsStore {
  read(): Settings;
  write(next: Settings): void;
}
