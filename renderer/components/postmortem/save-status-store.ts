import { create } from 'zustand';
import type { CommandError } from '../../../shared/contract/result';

export type SaveState = { state: 'saving' } | { state: 'saved'; at: number } | { state: 'error'; error: CommandError; label: string };

interface SaveStatusStore {
  /** Every field that saved, is saving or failed, by key; a field leaves when its editor goes away. */
  fields: Record<string, SaveState>;
}

/** What the post-mortem header says about saving: one summary over every field's own state. */
export const useSaveStatus = create<SaveStatusStore>(() => ({ fields: {} }));

export function reportSave(key: string, state: SaveState | null): void {
  useSaveStatus.setState((s) => {
    const fields = { ...s.fields };
    if (state === null) delete fields[key];
    else fields[key] = state;
    return { fields };
  });
}

export interface SaveSummary {
  saving: number;
  errors: Array<{ key: string; label: string; message: string }>;
  lastSavedAt: number | null;
}

export function summarizeSaves(fields: Record<string, SaveState>): SaveSummary {
  let saving = 0;
  let lastSavedAt: number | null = null;
  const errors: SaveSummary['errors'] = [];
  for (const [key, s] of Object.entries(fields)) {
    if (s.state === 'saving') saving += 1;
    else if (s.state === 'error') errors.push({ key, label: s.label, message: s.error.message });
    else lastSavedAt = Math.max(lastSavedAt ?? 0, s.at);
  }
  return { saving, errors, lastSavedAt };
}
