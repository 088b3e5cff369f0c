import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';

test('a reload in the middle of typing keeps the draft; logging clears it', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Payments webhook retries piling up', 'SEV2');

  const input = page.getByTestId('entry-input');
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(input, '/ puts the cursor in the entry box').toBeFocused();
  await page.keyboard.type('Half-typed: the retry queue is at 40k and');

  await page.reload();
  await waitUntilLive(page);
  await expect(page.getByTestId('incident-title')).toHaveText('Payments webhook retries piling up');
  await expect(input).toHaveValue('Half-typed: the retry queue is at 40k and');

  await input.press('End');
  await input.pressSequentially(' still growing');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'at 40k and still growing' })).toBeVisible();

  await page.reload();
  await waitUntilLive(page);
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'at 40k and still growing' })).toBeVisible();
  await expect(input).toHaveValue('');
});
