import { useEffect, useLayoutEffect, useRef } from 'react';
import { APPROVE, SUBMIT } from '../../../lib/shortcuts';

interface DraftKeys {
  /** Null when there is nothing to approve. */
  approve: (() => void) | null;
  send: () => void;
}

/**
 * While the draft dialog is open, anywhere in it: Ctrl/Cmd+Enter marks the update sent and
 * Ctrl/Cmd+Shift+Enter approves it, instead of eleven Tabs to reach the buttons.
 */
export function useDraftKeys(keys: DraftKeys): void {
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (APPROVE.matches(event)) {
        event.preventDefault();
        latest.current.approve?.();
      } else if (SUBMIT.matches(event)) {
        event.preventDefault();
        latest.current.send();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
