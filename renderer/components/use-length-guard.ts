import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { lengthAfter, refusal } from '../lib/text-limit';

export interface LengthGuard {
  max: number;
  /** The field's name as the person reads it, for the message: "Title", "An entry". */
  label: string;
  onRefuse: (message: string) => void;
  /** Let a paste past the limit in: the scribe's box offers to log it in parts instead. */
  keepLongPaste?: boolean;
}

const PASTES = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop', 'insertFromYank']);
const LINE_BREAKS = new Set(['insertLineBreak', 'insertParagraph']);

/**
 * Refuses typing or pasting past `max` in the text fields inside `ref`, before the browser
 * inserts anything: a paste is taken whole or not at all, never cut to fit (as `maxLength`
 * would do silently). Shrinking an over-long text is always allowed.
 */
export function useLengthGuard(ref: RefObject<HTMLElement | null>, guard: LengthGuard): void {
  const latest = useRef(guard);
  useLayoutEffect(() => {
    latest.current = guard;
  });
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onBeforeInput = (event: InputEvent) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      if (!event.inputType.startsWith('insert')) return;
      const inserted = event.data ?? event.dataTransfer?.getData('text/plain') ?? (LINE_BREAKS.has(event.inputType) ? '\n' : '');
      const { max, label, onRefuse, keepLongPaste } = latest.current;
      const end = field.value.length;
      const after = lengthAfter({ length: end, selectionStart: field.selectionStart ?? end, selectionEnd: field.selectionEnd ?? end }, inserted.length);
      if (after <= max || after <= end) return;
      const pasted = PASTES.has(event.inputType);
      if (pasted && keepLongPaste) return;
      event.preventDefault();
      onRefuse(refusal(label, max, pasted ? 'pasted' : 'typed', after));
    };
    root.addEventListener('beforeinput', onBeforeInput);
    return () => root.removeEventListener('beforeinput', onBeforeInput);
  }, [ref]);
}
