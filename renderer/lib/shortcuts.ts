// The app's keyboard chords in one place, so that each is shown where it acts and none collide.
// Chosen to miss Chromium's and Electron's own (Ctrl+Shift+A is Chrome's tab search, Ctrl+L the
// address bar in a browser tab, which the app takes only for its scribe box).

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export interface Chord {
  /** As printed on a button: `Ctrl+Shift+Enter`, `⌘+Shift+Enter` on a Mac. */
  label: string;
  /** For `aria-keyshortcuts`: both modifiers, since either works everywhere. */
  aria: string;
  matches: (event: KeyboardEvent) => boolean;
}

function modChord(key: string, shift: boolean): Chord {
  const keys = shift ? `Shift+${key}` : key;
  return {
    label: `${isMac ? '⌘' : 'Ctrl'}+${keys}`,
    aria: `Control+${keys} Meta+${keys}`,
    matches: (e) => e.key === key && (e.ctrlKey || e.metaKey) && e.shiftKey === shift && !e.altKey && !e.isComposing,
  };
}

/** Submits a form dialog; in an update draft, marks it sent. */
export const SUBMIT = modChord('Enter', false);
/** Approves an update draft as the IC. */
export const APPROVE = modChord('Enter', true);
