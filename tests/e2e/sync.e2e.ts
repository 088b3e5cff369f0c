import { expect, test } from './fixtures';
import { declareIncident, logEntry, waitUntilLive } from './ui';

test('two tabs stay in step: what one logs, the other shows', async ({ context, page, host }) => {
  const other = await context.newPage();
  await page.goto(host.url);
  await other.goto(host.url);
  await waitUntilLive(page);
  await waitUntilLive(other);

  await declareIncident(page, 'Login failures after cert rotation', 'SEV2');
  const item = other.getByTestId('incident-list-item').filter({ hasText: 'Login failures after cert rotation' });
  await expect(item).toBeVisible();
  await item.click();
  await expect(other.getByTestId('incident-title')).toHaveText('Login failures after cert rotation');

  await logEntry(page, 'Cert chain on edge-lb-3 is missing the intermediate');
  await expect(other.getByTestId('timeline-entry').filter({ hasText: 'missing the intermediate' })).toBeVisible();

  await logEntry(other, 'Re-deploying the full chain to edge-lb-3');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'full chain to edge-lb-3' })).toBeVisible();

  const shown = await page.getByTestId('timeline-entry').allTextContents();
  await expect.poll(() => other.getByTestId('timeline-entry').allTextContents()).toEqual(shown);
  await expect(other.getByTestId('incident-list-item').first()).toContainText(`${shown.length} entries`);
});
