import { create } from 'zustand';
import type { FieldErrors } from './field-errors';

/** A form on the settings screen: one per section, plus the roster's person editor. */
export type FormId = 'operator' | 'services' | 'roles' | 'checklists' | 'cadence' | 'escalation' | 'templates' | 'alerts' | 'alertPull' | 'alertRules' | 'sync' | 'person';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface FormState {
  status: SaveStatus;
  errors: FieldErrors;
  savedAt: number | null;
}

export const IDLE: FormState = { status: 'idle', errors: {}, savedAt: null };

interface DraftStore {
  /** What was typed and not yet saved. Kept here, not in the form, so that switching sections or screens loses nothing. */
  drafts: Partial<Record<FormId, unknown>>;
  forms: Partial<Record<FormId, FormState>>;
}

export const useSettingsDrafts = create<DraftStore>(() => ({ drafts: {}, forms: {} }));

export function readDraft<D>(id: FormId): D | undefined {
  return useSettingsDrafts.getState().drafts[id] as D | undefined;
}

export function setDraft<D>(id: FormId, draft: D, editedPath?: string): void {
  useSettingsDrafts.setState((s) => {
    const form = s.forms[id] ?? IDLE;
    const errors = { ...form.errors };
    // Editing a field clears its message; reshaping a list (`escalation.SEV1`) clears all of its messages.
    if (editedPath !== undefined) {
      for (const key of Object.keys(errors)) if (key === editedPath || key.startsWith(`${editedPath}.`)) delete errors[key];
    }
    const status = form.status === 'saved' ? 'idle' : form.status;
    return { drafts: { ...s.drafts, [id]: draft }, forms: { ...s.forms, [id]: { ...form, status, errors } } };
  });
}

export function dropDraft(id: FormId): void {
  useSettingsDrafts.setState((s) => {
    const drafts = { ...s.drafts };
    delete drafts[id];
    return { drafts, forms: { ...s.forms, [id]: IDLE } };
  });
}

export function setFormState(id: FormId, patch: Partial<FormState>): void {
  useSettingsDrafts.setState((s) => ({ forms: { ...s.forms, [id]: { ...(s.forms[id] ?? IDLE), ...patch } } }));
}
