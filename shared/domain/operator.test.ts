import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../contract/settings-file';
import { parseEvent } from './event-schema';
import { isTimeZone, operatorHolds, samePerson, UNKNOWN_OPERATOR } from './operator';
import { DEFAULT_SETTINGS } from './settings';
import type { IncidentState } from './incident';

describe('the operator', () => {
  it('is one person however the name was typed, and "Unknown operator" holds nothing', () => {
    expect(samePerson(' Dana Whitfield', 'dana whitfield ')).toBe(true);
    const state = { roles: { 'incident-commander': { name: 'Dana Whitfield', contact: '', since: 0 } } } as unknown as IncidentState;
    expect(operatorHolds(state, 'incident-commander', 'dana whitfield')).toBe(true);
    expect(operatorHolds(state, 'incident-commander', 'Sam Okafor')).toBe(false);
    const unknownIc = { roles: { 'incident-commander': { name: UNKNOWN_OPERATOR, contact: '', since: 0 } } } as unknown as IncidentState;
    expect(operatorHolds(unknownIc, 'incident-commander', UNKNOWN_OPERATOR)).toBe(false);
  });

  it('knows real time zones only', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('a settings file from before the operator had a contact and zone still reads, with both empty', () => {
    expect(readSettingsFile({ operatorName: 'Dana' })).toEqual({ ...DEFAULT_SETTINGS, operatorName: 'Dana' });
    expect(readSettingsFile({ operatorName: 'Dana', operatorTimeZone: 'Nowhere/Special' }).operatorTimeZone).toBe('');
  });
});

describe('an approval on the record', () => {
  const base = {
    id: 'e1',
    incidentId: 'INC-1',
    seq: 5,
    at: 1_800_000_000_000,
    actor: 'Sam Okafor',
    type: 'update.approved',
  };
  const payload = { draftId: 'd1', kind: 'external', bodyHash: 'abc' };

  it('from an older journal (no override) still validates; an override carries its reason', () => {
    expect(parseEvent({ ...base, payload })).toMatchObject({ ok: true });
    expect(parseEvent({ ...base, payload: { ...payload, override: { reason: 'IC on the bridge' } } })).toMatchObject({
      ok: true,
      event: { payload: { override: { reason: 'IC on the bridge' } } },
    });
    expect(parseEvent({ ...base, payload: { ...payload, override: { reason: 'x', by: 'someone' } } })).toMatchObject({ ok: false });
  });
});
