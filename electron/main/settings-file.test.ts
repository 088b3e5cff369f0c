import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { withTempDir } from '../../tests/support/temp-dir';
import { openSettingsFile, settingsFromFile, type SettingsFile } from './settings-file';

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

describe('openSettingsFile (Electron: electron-store over <userData>/settings.json)', () => {
  // electron-store is conf with Electron's paths: conf stands in for it here, where Electron is absent.
  const openWithConf = (dir: string) =>
    openSettingsFile(dir, (options) => new Conf<Record<string, unknown>>({ ...options, configName: options.name, cwd: dir, projectName: 'command-post' }));

  it('keeps a malformed file aside, starts on the defaults and gives the same notice as the browser host', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'settings.json'), '{"roster": [');
      const settings = openWithConf(dir);
      expect(settings.read()).toEqual(DEFAULT_SETTINGS);
      const notice = settings.notice();
      expect(notice?.keptAs).toMatch(/settings\.json\.bad-\d+$/);
      expect(await readFile(notice!.keptAs, 'utf8')).toBe('{"roster": [');
      settings.write({ ...DEFAULT_SETTINGS, operatorName: 'Dana' });
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ operatorName: 'Dana' });
      if (process.platform !== 'win32') expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
    });
  });

  it('reads a good file as it is, with no notice', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'settings.json'), '{"operatorName":"Sam"}');
      const settings = openWithConf(dir);
      expect(settings.read().operatorName).toBe('Sam');
      expect(settings.notice()).toBeNull();
    });
  });
});
