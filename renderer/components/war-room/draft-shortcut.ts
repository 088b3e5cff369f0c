import { useEffect } from 'react';
import { openDialog } from '../../store/war-room-store';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Shown on the internal clock's button, so the key is learnt where it is used. */
export const DRAFT_INTERNAL_KEYS = MAC ? ['⌥', 'I'] : ['Alt', 'I'];

/**
 * Alt/Option+I drafts the internal update from anywhere in the war room, the scribe's line
 * included. `code`, not `key`: on a Mac, Option+I types a dead key, not "i".
 */
export function useDraftShortcut(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'KeyI' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // Over another dialog it would fight that dialog for focus; finish that one first.
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      openDialog({ kind: 'draft', draftKind: 'internal' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
