import type { Locator, Page } from '@playwright/test';

/** A pool-exhaustion log of about 56 KB, one line per request. */
export function longLog(): string {
  return Array.from({ length: 700 }, (_, i) => `2026-11-22T03:${String(i % 60).padStart(2, '0')}:00Z ERROR checkout-api pool exhausted (active=200 idle=0) req=${i}`).join('\n');
}

/** Puts text on the clipboard and pastes it where the cursor is, as Ctrl+V does. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** A paste as Ctrl+V makes it: a ClipboardEvent whose DataTransfer holds a file or text. */
export async function pasteInto(input: Locator, what: { file: { name: string; type: string; bytes: Uint8Array } } | { text: string }): Promise<void> {
  await input.evaluate((el, w) => {
    const data = new DataTransfer();
    if ('file' in w) data.items.add(new File([new Uint8Array(w.file.bytes)], w.file.name, { type: w.file.type }));
    else data.setData('text/plain', w.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'file' in what ? { file: { ...what.file, bytes: [...what.file.bytes] as unknown as Uint8Array } } : what);
}
