import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { settingsFromFile, type SettingsFile } from './settings-file';

describe('settingsFromFile', () => {
  it('reads the defaults overlaid with what is stored, and writes the whole object', () => {
    const file: SettingsFile = { store: {} };
    const settings = settingsFromFile(file);
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
    const next = { ...DEFAULT_SETTINGS, operatorName: 'Dana (IC)', shiftLimitHours: 6 };
    settings.write(next);
    expect(file.store).toEqual(next);
    expect(settings.read()).toEqual(next);
  });

  it('keeps the default where a stored value is of the wrong kind, and drops unknown keys', () => {
    const settings = settingsFromFile({
      store: { operatorName: 42, roster: { not: 'a list' }, shiftLimitHours: '4', alertSound: true, extra: 'x' },
    });
    expect(settings.read()).toEqual({ ...DEFAULT_SETTINGS, alertSound: true });
  });
});
