import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, seedSettings } from './war-room-ui';

test('the command palette runs war-room actions from the keyboard alone', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');

  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await page.keyboard.type('assign tech');
  await expect(page.getByTestId('palette-option').first()).toHaveText(/^Assign technical lead…/);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const assign = page.getByTestId('assign-dialog');
  await expect(assign.getByTestId('assign-role')).toHaveValue('technical-lead');
  await expect(page.getByTestId('person-name')).toBeFocused();
  await page.keyboard.type('Dev Patel');
  await page.keyboard.press('Control+Enter');
  await expect(assign).toBeHidden();
  await expect(page.getByTestId('role-technical-lead').getByTestId('role-holder')).toHaveText('Dev Patel');

  // Arrow keys walk the list; Enter runs the highlighted action.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('mark');
  const options = page.getByTestId('palette-option');
  await expect(options.first()).toHaveText(/^Mark identified…/);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(1)).toHaveText(/^Mark mitigated…/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-dialog')).toBeVisible();
  await page.keyboard.type('Rolled back');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('incident-status')).toHaveText('Mitigated');

  // "Log an entry" puts the cursor in the scribe's line.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('log an entry');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-input')).toBeFocused();
  await page.keyboard.type('Typed straight after the palette');
  await page.keyboard.press('Enter');
  await expect(entryRow(page, 'Typed straight after the palette')).toBeVisible();

  // Acknowledge runs at once; draft opens its dialog; Escape closes without running anything.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('acknowledge');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('escalation-now')).toContainText('Acknowledged');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('draft exec');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-dialog')).toHaveAttribute('data-kind', 'executive');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('post-mortem');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page).not.toHaveURL(/postmortem/);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('post-mortem');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/postmortem/);
});
