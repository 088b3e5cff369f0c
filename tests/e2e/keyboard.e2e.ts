import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, seedSettings } from './war-room-ui';

// A SEV1 run from the keyboard at 1366×768: the palette finds roles by their short names,
// the `/` shortcut never doubles a slash, and focus never falls to the page.

test('the palette ranks "assign ic" by role alias: the incident commander first, no leads that merely contain the letters', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('assign ic');
  const options = page.getByTestId('palette-option');
  await expect(options.first()).toHaveText(/^Assign incident commander…/);
  await expect(options.filter({ hasText: 'technical lead' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'communications lead' })).toHaveCount(0);

  await page.getByTestId('palette-input').fill('assign comms');
  await expect(options.first()).toHaveText(/^Assign communications lead…/);
  await page.getByTestId('palette-input').fill('assign tl');
  await expect(options.first()).toHaveText(/^Assign technical lead…/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('assign-dialog').getByTestId('assign-role')).toHaveValue('technical-lead');
});

test('"/" moves focus without being typed; "//h" is held back with a warning until Enter is pressed twice', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Payments webhook retries piling up', 'SEV2');
  const input = page.getByTestId('entry-input');

  // From a filter (a select, then a toggle button) and from the page itself, `/` lands in an empty box.
  for (const filter of ['filter-kind', 'filter-pinned']) {
    await page.getByTestId(filter).focus();
    await page.keyboard.press('/');
    await expect(input, `from ${filter}`).toBeFocused();
    await expect(input).toHaveValue('');
  }
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');

  // Already in the box, `/` types: the habit of pressing it again gives `//h`.
  await page.keyboard.press('/');
  await page.keyboard.type('/h the retry queue is a symptom');
  await expect(input).toHaveValue('//h the retry queue is a symptom');
  const reading = page.getByTestId('entry-reading');
  await expect(reading).toContainText('Starts with //: did you mean /h?');
  await page.keyboard.press('Enter');
  await expect(input, 'the first Enter does not log').toHaveValue('//h the retry queue is a symptom');
  await expect(page.getByTestId('entry-confirm')).toContainText('Enter again');
  await expect(entryRow(page, 'the retry queue is a symptom')).toHaveCount(0);

  // Fixing the prefix logs a hypothesis at once.
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await expect(input).toHaveValue('/h the retry queue is a symptom');
  await expect(page.getByTestId('entry-confirm')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
  await expect(entryRow(page, 'the retry queue is a symptom')).toContainText('Hypothesis');

  // Or a second Enter logs it as typed, as a note.
  await page.keyboard.type('// not a type, on purpose');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-confirm')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
  await expect(entryRow(page, '// not a type, on purpose')).toBeVisible();
});
