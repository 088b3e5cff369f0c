import { type RefObject, useEffect } from 'react';

// Inputs that take no text: from these, as from a button or a select, `/` goes to the box.
const NOT_TEXT = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Where `/` is a character someone is typing, and so must not be taken. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/**
 * `/` (when not typing in a field) or Ctrl/Cmd+L puts the cursor in the given box. A `/` that
 * moves the cursor is never typed; in the box itself `/` is an ordinary character.
 */
export function useFocusShortcut(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      const ctrlL = event.key.toLowerCase() === 'l' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!slash && !ctrlL) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
