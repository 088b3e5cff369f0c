import { expect, type Page } from '@playwright/test';
import type { Severity } from '../../shared/domain/incident';

export async function waitUntilLive(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
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
