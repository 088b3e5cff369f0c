import { useEffect, useRef } from 'react';

/**
 * Alt/Option+N does the top next step from anywhere in the war room, the scribe's line included.
 * `code`, not `key`: on a Mac, Option+N types a dead key, not "n".
 */
export function useTopStepKey(run: (() => void) | null): void {
  const latest = useRef(run);
  latest.current = run;
  const enabled = run !== null;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'KeyN' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // Over another dialog it would fight that dialog for focus; finish that one first.
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      latest.current?.();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
