import { expect, type Page } from '@playwright/test';
import type { Severity } from '../../shared/domain/incident';
import type { Host } from './fixtures';

export async function waitUntilLive(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
}

/** The console opened and live with both clocks at `at`: the engine's (its host restarted, shifted) and the page's. */
export async function openConsoleAt(page: Page, host: Host, at: Date): Promise<void> {
  const url = await host.restart({ clockOffsetMs: at.getTime() - Date.now() });
  await page.clock.install({ time: at });
  await page.clock.resume();
  await page.goto(url);
  await waitUntilLive(page);
}

/** `takeIc: false` unticks "I am the IC" (on by default once the operator is known). */
export async function declareIncident(
  page: Page,
  title: string,
  severity: Severity = 'SEV1',
  summary = '',
  options: { takeIc?: boolean } = {},
): Promise<void> {
  await page.getByTestId('declare-button').click();
  const dialog = page.getByTestId('declare-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('declare-title').fill(title);
  await dialog.getByLabel(severity).check();
  if (options.takeIc === false) await page.getByTestId('declare-take-ic').uncheck();
  if (summary) await page.getByTestId('declare-summary').fill(summary);
  await page.getByTestId('declare-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('incident-title')).toHaveText(title);
}

export async function logEntry(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('entry-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: text }).last()).toBeVisible();
}
