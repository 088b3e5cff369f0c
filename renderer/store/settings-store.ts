import { create } from 'zustand';
import type { CommandInput } from '../../shared/contract/contract';
import type { CommandError, Result } from '../../shared/contract/result';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { Settings } from '../../shared/domain/settings';
import { api } from '../api';
import { useConnection } from './connection-store';

interface SettingsStore {
  /** This machine's settings as the engine last answered; null until the first answer. */
  settings: Settings | null;
  /** Why the last load failed, if it did; the previous settings stay. */
  error: CommandError | null;
}

/** The roster, policies and templates. Read-only for views: change them through the functions below. */
export const useSettings = create<SettingsStore>(() => ({ settings: null, error: null }));

// Every answer the engine gives to a change is the whole saved settings; a load that
// started before that answer must not put older settings back.
let adopted = 0;

function adopt(result: Result<Settings>): Result<Settings> {
  if (result.ok) {
    adopted++;
    useSettings.setState({ settings: result.value, error: null });
  }
  return result;
}

export async function loadSettings(): Promise<Result<Settings>> {
  const before = adopted;
  const result = await api.call('settings.get', {});
  if (!result.ok) useSettings.setState({ error: result.error });
  else if (before === adopted) adopt(result);
  return result;
}

/** Sends a patch; on success the store holds the settings as saved. */
export async function saveSettings(patch: SettingsPatch): Promise<Result<Settings>> {
  return adopt(await api.call('settings.update', patch));
}

/** Adds a person, or changes one when `id` is given. */
export async function saveRosterPerson(person: CommandInput<'roster.save'>): Promise<Result<Settings>> {
  return adopt(await api.call('roster.save', person));
}

export async function removeRosterPerson(personId: string): Promise<Result<Settings>> {
  return adopt(await api.call('roster.remove', { personId }));
}

// Settings are not pushed as events, so fetch them on every (re)connect, when a change
// made elsewhere may have been missed.
useConnection.subscribe((now, before) => {
  if (now.state === 'open' && before.state !== 'open') void loadSettings();
});
if (useConnection.getState().state === 'open') void loadSettings();
