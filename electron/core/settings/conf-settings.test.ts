import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../../tests/support/temp-dir';
import { openEngine } from '../engine';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { createConfSettings } from './conf-settings';

describe('settings through conf', () => {
  it('persist in the data folder and name the actor of later events', async () => {
    await withTempDir(async (dir) => {
      const engine = await openEngine({ dataDir: dir, settings: createConfSettings(dir) });
      expect(await engine.dispatch('settings.get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
      expect(await engine.dispatch('settings.update', { operatorName: ' Dana (IC) ' })).toEqual({
        ok: true,
        value: { ...DEFAULT_SETTINGS, operatorName: 'Dana (IC)' },
      });
      const declared = await engine.dispatch('incident.declare', { title: 'x', severity: 'SEV3' });
      expect(declared.ok && (declared.value as { createdBy: string }).createdBy).toBe('Dana (IC)');
      await engine.close();
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ operatorName: 'Dana (IC)' });
      expect(createConfSettings(dir).read().operatorName).toBe('Dana (IC)');
    });
  });

  it('refuses a bad patch and keeps what was saved', async () => {
    await withTempDir(async (dir) => {
      const settings = createConfSettings(dir);
      const engine = await openEngine({ dataDir: dir, settings });
      await engine.dispatch('settings.update', { operatorName: 'Sam' });
      expect(await engine.dispatch('settings.update', { operatorName: 7 })).toMatchObject({ ok: false });
      expect(await engine.dispatch('settings.update', { theme: 'dark' })).toMatchObject({ ok: false });
      expect(settings.read().operatorName).toBe('Sam');
      await engine.close();
    });
  });
});

describe('settings rules', () => {
  it('an operator name can be cleared back to the account name; repeated escalation targets are refused', async () => {
    await withTempDir(async (dir) => {
      const engine = await openEngine({ dataDir: dir, settings: createConfSettings(dir), scheduler: false });
      await engine.dispatch('settings.update', { operatorName: 'Dana' });
      expect(await engine.dispatch('settings.update', { operatorName: '  ' })).toMatchObject({ ok: true, value: { operatorName: '' } });
      const tiers = [
        { target: 'Primary on-call', contact: '', delayMinutes: 0 },
        { target: 'primary on-call', contact: '', delayMinutes: 5 },
      ];
      const refused = await engine.dispatch('settings.update', { escalation: { ...DEFAULT_SETTINGS.escalation, SEV1: tiers } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /different target/ } });
      await engine.close();
    });
  });
});

describe('a settings file that cannot be read', () => {
  it.each([
    ['cut short', '{"operatorName": "Dana", "roster": ['],
    ['empty', ''],
    ['not an object', '[1, 2, 3]'],
    ['null', 'null'],
  ])('(%s) is kept aside as settings.json.bad-<time>, the engine starts on the defaults and says so', async (_what, text) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'settings.json'), text);
      const settings = createConfSettings(dir);
      expect(settings.read()).toEqual(DEFAULT_SETTINGS);

      const kept = (await readdir(dir)).filter((name) => name.startsWith('settings.json.bad-'));
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatch(/^settings\.json\.bad-\d+$/);
      const keptAs = join(dir, kept[0]!);
      expect(await readFile(keptAs, 'utf8'), 'the bad file is kept byte for byte').toBe(text);
      if (process.platform !== 'win32') expect((await stat(keptAs)).mode & 0o777).toBe(0o600);

      const engine = await openEngine({ dataDir: dir, settings, scheduler: false });
      const notices = await engine.dispatch('settings.notices', {});
      expect(notices).toMatchObject({ ok: true, value: [{ keptAs }] });
      if (notices.ok) expect((notices.value as { message: string }[])[0]!.message).toContain(keptAs);
      expect(await engine.dispatch('settings.update', { operatorName: 'Dana' })).toMatchObject({ ok: true });
      await engine.close();
      expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ operatorName: 'Dana' });
      expect(await readFile(keptAs, 'utf8')).toBe(text);
    });
  });

  it('gives no notice when the file is fine or absent', async () => {
    await withTempDir(async (dir) => {
      const engine = await openEngine({ dataDir: dir, settings: createConfSettings(dir), scheduler: false });
      expect(await engine.dispatch('settings.notices', {})).toEqual({ ok: true, value: [] });
      await engine.close();
      await writeFile(join(dir, 'settings.json'), '{"operatorName":"Sam"}');
      expect(createConfSettings(dir).notice()).toBeNull();
      expect((await readdir(dir)).filter((name) => name.includes('.bad-'))).toEqual([]);
    });
  });
});
