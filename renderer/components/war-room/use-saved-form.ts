import { type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { dropForm, loadForm, saveForm } from '../../lib/saved-forms';

export interface SavedForm<T> {
  value: T;
  set: (next: SetStateAction<T>) => void;
  /** Forgets the saved form: call it once the form is submitted or deliberately discarded. */
  discard: () => void;
}

/**
 * A dialog's form state that survives a reload: restored when the dialog opens, saved once
 * something is typed. Closing the dialog keeps it; only `discard` forgets it.
 */
export function useSavedForm<T>(incidentId: string, form: string, isValid: (value: unknown) => value is T, fresh: () => T): SavedForm<T> {
  const [value, setValue] = useState<T>(() => loadForm(incidentId, form, isValid) ?? fresh());
  const touched = useRef(false);
  const discarded = useRef(false);
  useEffect(() => {
    if (touched.current && !discarded.current) saveForm(incidentId, form, value);
  }, [incidentId, form, value]);
  const set = useCallback((next: SetStateAction<T>) => {
    touched.current = true;
    setValue(next);
  }, []);
  const discard = useCallback(() => {
    discarded.current = true;
    dropForm(incidentId, form);
  }, [incidentId, form]);
  return { value, set, discard };
}
