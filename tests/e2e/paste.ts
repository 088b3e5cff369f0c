import type { Page } from '@playwright/test';

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
