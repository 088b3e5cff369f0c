import type { Settings, SettingsNotice } from '../../../shared/domain/settings';

/**
 * Where settings live. `conf` in Node (tests, the browser host), electron-store in Electron;
 * both have the same get/set API, so each host hands the engine one of these.
 */
export interface SettingsStore {
  read(): Settings;
  write(next: Settings): void;
  /** What happened to an unreadable settings file at start; null when it was read as saved. */
  notice(): SettingsNotice | null;
}
