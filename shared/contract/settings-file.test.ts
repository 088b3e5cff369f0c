import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { readSettingsFile } from './settings-file';

describe('settings read from a hand-edited file', () => {
  it('keeps every valid key and falls back per key for the rest', () => {
    const settings = readSettingsFile({
      operatorName: 'Dana',
      roster: [{ id: 'p1', name: 'Sam', contact: '@sam', usualRoles: ['scribe'] }],
      shiftLimitHours: 'four',
      cadence: { SEV1: { internalMinutes: -3 } },
      templates: { external: 'Hello {{title}}' },
      approvalRequired: { external: false },
      alertSound: 1,
      unknownKey: true,
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      operatorName: 'Dana',
      roster: [{ id: 'p1', name: 'Sam', contact: '@sam', usualRoles: ['scribe'] }],
      templates: { ...DEFAULT_SETTINGS.templates, external: 'Hello {{title}}' },
      approvalRequired: { ...DEFAULT_SETTINGS.approvalRequired, external: false },
    });
  });

  it('an empty or absent file gives the defaults', () => {
    expect(readSettingsFile({})).toEqual(DEFAULT_SETTINGS);
  });
});
