import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import { reportSave, type SaveState } from './save-status-store';

interface Options<T> {
  /** Unique within the view, for the header's save summary. */
  saveKey: string;
  /** Said in an error: "Root cause: …". */
  label: string;
  /** The value as the engine has it now. */
  value: T;
  save: (value: T) => Promise<Result<unknown>>;
  debounceMs?: number;
  equals?: (a: T, b: T) => boolean;
}

export interface Autosave<T> {
  draft: T;
  status: SaveState | null;
  /** A keystroke: saved after a pause, or on blur. */
  change: (value: T) => void;
  /** A click (a select, a checkbox, a reorder): saved at once. */
  commit: (value: T) => void;
  /** Spread on the input (or the element around a group of inputs). */
  focusProps: { onFocus: () => void; onBlur: () => void };
}

const DEFAULT_DEBOUNCE_MS = 800;

/**
 * One post-mortem field edited against the engine. What the author typed is never replaced
 * while they are in the field or while it is unsaved: a refused save keeps the text and says
 * why, and the next keystroke or blur tries again. Outside the field it follows the engine,
 * so an edit from another window shows up.
 */
export function useAutosave<T>({ saveKey, label, value, save, debounceMs = DEFAULT_DEBOUNCE_MS, equals = Object.is }: Options<T>): Autosave<T> {
  const [draft, setDraft] = useState(value);
  const [status, setStatus] = useState<SaveState | null>(null);
  const draftRef = useRef(value);
  const valueRef = useRef(value);
  const dirty = useRef(false);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  const saveRef = useRef(save);
  const equalsRef = useRef(equals);
  saveRef.current = save;
  equalsRef.current = equals;
  valueRef.current = value;

  const show = useCallback(
    (next: SaveState | null) => {
      setStatus(next);
      reportSave(saveKey, next);
    },
    [saveKey],
  );

  useEffect(() => {
    if (!dirty.current && !focused.current) {
      draftRef.current = value;
      setDraft(value);
    }
  }, [value]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return;
    const sending = draftRef.current;
    if (equalsRef.current(sending, valueRef.current)) {
      dirty.current = false;
      return;
    }
    const request = ++latest.current;
    show({ state: 'saving' });
    const result = await saveRef.current(sending);
    // A later save of the same field answers for both.
    if (request !== latest.current) return;
    if (result.ok) {
      if (equalsRef.current(draftRef.current, sending)) dirty.current = false;
      show({ state: 'saved', at: Date.now() });
    } else {
      show({ state: 'error', error: result.error, label });
    }
  }, [label, show]);

  const change = useCallback(
    (next: T) => {
      draftRef.current = next;
      dirty.current = true;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), debounceMs);
    },
    [debounceMs, flush],
  );

  const commit = useCallback(
    (next: T) => {
      draftRef.current = next;
      dirty.current = true;
      setDraft(next);
      void flush();
    },
    [flush],
  );

  const onFocus = useCallback(() => {
    focused.current = true;
  }, []);
  const onBlur = useCallback(() => {
    focused.current = false;
    void flush().then(() => {
      // Back in step with the engine (which trims), unless a refusal left the text to fix.
      if (!dirty.current && !focused.current) {
        draftRef.current = valueRef.current;
        setDraft(valueRef.current);
      }
    });
  }, [flush]);

  // Leaving the view must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current && !equalsRef.current(draftRef.current, valueRef.current)) void saveRef.current(draftRef.current);
      reportSave(saveKey, null);
    },
    [saveKey],
  );

  return { draft, status, change, commit, focusProps: { onFocus, onBlur } };
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
