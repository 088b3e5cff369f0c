import { expect, type Locator, type Page } from '@playwright/test';
import type { Settings } from '../../shared/domain/settings';
import { connectEngine, unwrap } from './engine-client';
import type { Host } from './fixtures';
import { ROSTER } from './sev1-scenario';

// Steps the war-room specs share. Settings are seeded through the engine (the settings screen
// belongs to its own specs); everything the commander does goes through the page.

export async function seedSettings(host: Host, patch: Partial<Settings> = {}, roster = ROSTER): Promise<void> {
  const engine = await connectEngine(host);
  for (const person of roster) unwrap(await engine.call('roster.save', person));
  if (Object.keys(patch).length > 0) unwrap(await engine.call('settings.update', patch));
  await engine.close();
}

export function entryRow(page: Page, text: string): Locator {
  return page.getByTestId('timeline-entry').filter({ hasText: text });
}

/** Row actions show on hover or focus; hover first, as a person would. */
export async function rowAction(page: Page, text: string, action: 'pin' | 'amend' | 'strike'): Promise<void> {
  const row = entryRow(page, text).last();
  await row.hover();
  await row.getByTestId(`entry-${action}`).click();
}

export async function incidentIdOnScreen(page: Page): Promise<string> {
  return ((await page.locator('.incident-id').textContent()) ?? '').trim();
}

export async function submitDialog(page: Page, testId: string): Promise<void> {
  const dialog = page.getByTestId(testId);
  await dialog.getByTestId('dialog-submit').click();
  await expect(dialog).toBeHidden();
}
