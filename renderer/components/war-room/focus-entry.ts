/** Puts the cursor back in the scribe's line: where every dialog returns to. */
export function focusEntryBox(): boolean {
  const box = document.querySelector<HTMLElement>('[data-testid="entry-input"]');
  if (!box) return false;
  box.focus();
  return true;
}

let wanted = false;

/** Asks for the entry box once the palette has closed (which would otherwise restore focus elsewhere). */
export function requestEntryFocus(): void {
  wanted = true;
  // Also after a moment, for when the war room had to be drawn first.
  setTimeout(() => {
    if (wanted && focusEntryBox()) wanted = false;
  }, 60);
}

/** For the palette's close: true when the entry box took focus as asked. */
export function takeEntryFocusRequest(): boolean {
  if (!wanted) return false;
  wanted = false;
  return focusEntryBox();
}
