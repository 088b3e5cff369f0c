import { readFile } from 'node:fs/promises';
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
