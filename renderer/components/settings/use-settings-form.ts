import { useMemo } from 'react';
import type { SettingsPatch } from '../../../shared/contract/schemas';
import type { Settings } from '../../../shared/domain/settings';
import { saveSettings, useSettings } from '../../store/settings-store';
import { IDLE, dropDraft, readDraft, setDraft, setFormState, useSettingsDrafts, type FormId, type FormState } from './draft-store';
import { fieldErrors, type FieldErrors } from './field-errors';

/** How one section's form is drawn from the settings and turned back into a patch. */
export interface FormSpec<D> {
  id: FormId;
  fromSettings(settings: Settings): D;
  /** Checks what only the form can (a number that is not one); the engine checks the rest. */
  toPatch(draft: D): { patch: SettingsPatch } | { errors: FieldErrors };
  /** Whether a draft says the same as the saved settings; JSON equality unless given. */
  same?(a: D, b: D): boolean;
}

export function isDirty<D>(spec: FormSpec<D>, settings: Settings, draft: D | undefined): boolean {
  if (draft === undefined) return false;
  const saved = spec.fromSettings(settings);
  return spec.same ? !spec.same(draft, saved) : JSON.stringify(draft) !== JSON.stringify(saved);
}

export interface SettingsForm<D> {
  value: D;
  dirty: boolean;
  state: FormState;
  /** Changes the draft; `path` clears that field's error, since it is being fixed. */
  update(change: (draft: D) => D, path?: string): void;
  discard(): void;
  save(): Promise<boolean>;
}

export function useSettingsForm<D>(spec: FormSpec<D>, settings: Settings): SettingsForm<D> {
  const draft = useSettingsDrafts((s) => s.drafts[spec.id]) as D | undefined;
  const state = useSettingsDrafts((s) => s.forms[spec.id]) ?? IDLE;
  const saved = useMemo(() => spec.fromSettings(settings), [spec, settings]);
  const value = draft ?? saved;

  const current = (): D => {
    const latest = useSettings.getState().settings;
    return readDraft<D>(spec.id) ?? (latest ? spec.fromSettings(latest) : saved);
  };

  return {
    value,
    dirty: isDirty(spec, settings, draft),
    state,
    update: (change, path) => setDraft(spec.id, change(current()), path),
    discard: () => dropDraft(spec.id),
    save: async () => {
      const sent = current();
      const local = spec.toPatch(sent);
      if ('errors' in local) {
        setFormState(spec.id, { status: 'failed', errors: local.errors });
        return false;
      }
      setFormState(spec.id, { status: 'saving', errors: {} });
      const result = await saveSettings(local.patch);
      if (!result.ok) {
        setFormState(spec.id, { status: 'failed', errors: fieldErrors(result.error) });
        return false;
      }
      // Typing that went on while the save was in flight stays as a draft.
      if (readDraft(spec.id) === sent || readDraft(spec.id) === undefined) dropDraft(spec.id);
      setFormState(spec.id, { status: 'saved', errors: {}, savedAt: Date.now() });
      return true;
    },
  };
}
