import { focusEntryBox } from './war-room/focus-entry';

// Focus never falls to the page. Radix returns focus to whatever had it when a dialog opened,
// which is nothing useful when the palette opened the dialog (its input is gone) or a store action
// did; and a button that disables itself or is replaced (Approve, a status step) drops focus to
// <body>, where the next Tab starts from the top of the page.

let origin: HTMLElement | null = null;
/** The control that has focus now, to notice it being removed (Chrome fires no focusout then), and its dialog. */
let holder: HTMLElement | null = null;
let holderDialog: HTMLElement | null = null;

const openDialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

const isDisabled = (element: HTMLElement) =>
  (element instanceof HTMLButtonElement || element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) &&
  element.disabled;

function canTakeFocus(element: HTMLElement | null): element is HTMLElement {
  return !!element && element.isConnected && element.getClientRects().length > 0 && !isDisabled(element);
}

/** Back to the control that opened the dialogs, or the scribe's box; not while another dialog is open. */
function restore(): void {
  if (openDialog()) return;
  if (canTakeFocus(origin)) origin.focus();
  else focusEntryBox();
}

/**
 * Focus left a control that was removed or disabled: inside a dialog, to its main button; else to
 * the scribe's box. `dialog` is the one the control was in when it took focus: a removed control
 * may already be cut from it.
 */
function recover(dialog: HTMLElement | null): void {
  if (dialog && !dialog.isConnected) {
    // The dialog closed and took its controls with it. Radix gives focus back only on a later
    // tick; keys typed before it would land on the page, where a `/` is the focus shortcut and is
    // not typed ("//h" straight after Escape became "/h"). So now, in the same task as the close.
    if (!document.activeElement || document.activeElement === document.body) restore();
    return;
  }
  setTimeout(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const open = openDialog();
    if (open) (open.querySelector<HTMLElement>('.btn-primary:not(:disabled)') ?? open).focus();
    else focusEntryBox();
  }, 0);
}

/** Remembers the last control focused outside any dialog, and catches focus a control drops. Call once at start. */
export function trackFocusOrigin(): () => void {
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement) {
      holder = target;
      holderDialog = target.closest<HTMLElement>('[role="dialog"]');
    }
    if (!(target instanceof HTMLElement) || openDialog()) return;
    // Radix's focus guards sit at the page's edges while a dialog is open; they open nothing.
    if (target.hasAttribute('data-radix-focus-guard')) return;
    origin = target;
  };
  const onFocusOut = (event: FocusEvent) => {
    const target = event.target;
    if (event.relatedTarget !== null || !(target instanceof HTMLElement)) return;
    if (!target.isConnected || isDisabled(target)) recover(target === holder ? holderDialog : target.closest<HTMLElement>('[role="dialog"]'));
  };
  // A focused control replaced by a re-render (a status step that becomes the current status
  // after focus went back to it) leaves with no event: noticed here, on the mutation itself.
  const removed = new MutationObserver(() => {
    if (!holder || holder.isConnected) return;
    holder = null;
    recover(holderDialog);
  });
  removed.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  return () => {
    removed.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
  };
}

/**
 * For every radix dialog's `onCloseAutoFocus`: back to the control that opened it, or to the
 * scribe's box when that control is gone, never to the page. When another dialog opened in its
 * place (the palette running "Draft…"), that one keeps focus.
 */
export function returnFocus(event: Event): void {
  event.preventDefault();
  restore();
}
