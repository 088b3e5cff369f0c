import type { SyncSettingsView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { useSyncStatus } from '../../store/sync-status-store';
import { loadSyncSettings } from '../../store/sync-settings-store';
import { IDLE, dropDraft, readDraft, setDraft, setFormState, useSettingsDrafts } from './draft-store';
import { fieldErrors } from './field-errors';
import { sameSyncDraft, syncDraftFrom, syncInput, type SyncDraft } from './sync-form';
import type { SettingsForm } from './use-settings-form';

/**
 * The Team sync form, shaped like every other section's so it gets the same save bar, keys and
 * unsaved-changes dot; it saves through `sync.configure`, not the settings file.
 */
export function useSyncForm(view: SyncSettingsView): SettingsForm<SyncDraft> {
  const draft = useSettingsDrafts((s) => s.drafts.sync) as SyncDraft | undefined;
  const state = useSettingsDrafts((s) => s.forms.sync) ?? IDLE;
  const saved = syncDraftFrom(view);
  const value = draft ?? saved;
  const current = () => readDraft<SyncDraft>('sync') ?? saved;

  return {
    value,
    dirty: draft !== undefined && !sameSyncDraft(draft, saved),
    state,
    update: (change, path) => {
      const next = change(current());
      // Typed back to what is saved: nothing is unsaved any more.
      if (sameSyncDraft(next, saved)) dropDraft('sync');
      else setDraft('sync', next, path);
    },
    discard: () => dropDraft('sync'),
    save: async () => {
      const sent = current();
      const checked = syncInput(sent);
      if ('errors' in checked) {
        setFormState('sync', { status: 'failed', errors: checked.errors });
        return false;
      }
      setFormState('sync', { status: 'saving', errors: {} });
      const result = await api.call('sync.configure', checked.input);
      if (!result.ok) {
        setFormState('sync', { status: 'failed', errors: fieldErrors(result.error) });
        return false;
      }
      useSyncStatus.setState({ status: result.value });
      await loadSyncSettings();
      if (readDraft('sync') === sent || readDraft('sync') === undefined) dropDraft('sync');
      setFormState('sync', { status: 'saved', errors: {}, savedAt: Date.now() });
      return true;
    },
  };
}
