import type { IntakeSourcesView } from '../../../shared/contract/contract';
import { api } from '../../api';
import { adoptIntakeSources } from '../../store/intake-store';
import { IDLE, dropDraft, readDraft, setDraft, setFormState, useSettingsDrafts } from './draft-store';
import { fieldErrors } from './field-errors';
import { pullDraftFrom, pullInput, samePullDraft, type PullDraft } from './pull-form';
import type { SettingsForm } from './use-settings-form';

/**
 * The followed Alertmanager's form, shaped like every other section's so it gets the same save bar,
 * keys and unsaved-changes dot; it saves through `intake.configurePull`, not the settings file.
 */
export function usePullForm(view: IntakeSourcesView): SettingsForm<PullDraft> {
  const draft = useSettingsDrafts((s) => s.drafts.alertPull) as PullDraft | undefined;
  const state = useSettingsDrafts((s) => s.forms.alertPull) ?? IDLE;
  const saved = pullDraftFrom(view.pull);
  const value = draft ?? saved;
  const current = () => readDraft<PullDraft>('alertPull') ?? saved;

  return {
    value,
    dirty: draft !== undefined && !samePullDraft(draft, saved),
    state,
    update: (change, path) => {
      const next = change(current());
      // Typed back to what is saved: nothing is unsaved any more.
      if (samePullDraft(next, saved)) dropDraft('alertPull');
      else setDraft('alertPull', next, path);
    },
    discard: () => dropDraft('alertPull'),
    save: async () => {
      const sent = current();
      const checked = pullInput(sent, view.pull?.hasSecret ?? false);
      if ('errors' in checked) {
        setFormState('alertPull', { status: 'failed', errors: checked.errors });
        return false;
      }
      setFormState('alertPull', { status: 'saving', errors: {} });
      const result = await api.call('intake.configurePull', checked.input);
      if (!result.ok) {
        setFormState('alertPull', { status: 'failed', errors: fieldErrors(result.error) });
        return false;
      }
      adoptIntakeSources(result.value);
      if (readDraft('alertPull') === sent || readDraft('alertPull') === undefined) dropDraft('alertPull');
      setFormState('alertPull', { status: 'saved', errors: {}, savedAt: Date.now() });
      return true;
    },
  };
}
