import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, seedSettings, submitDialog } from './war-room-ui';

// What is typed in a dialog survives a reload, like the scribe's line: until it is submitted or
// deliberately discarded. Escape and a click outside close the dialog and keep the draft.

test('a workstream being opened survives a reload; Discard clears it, opening it clears it', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');

  await page.getByTestId('open-workstream').click();
  let dialog = page.getByTestId('workstream-open-dialog');
  await page.getByTestId('workstream-title').fill('Roll back checkout-api in eu-west-1');
  await page.getByTestId('workstream-owner').fill('Dev Patel');
  await page.getByTestId('workstream-next').fill('Confirm the pool limit in staging');
  await dialog.getByLabel('Mitigate').check();

  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('open-workstream').click();
  dialog = page.getByTestId('workstream-open-dialog');
  await expect(page.getByTestId('workstream-title')).toHaveValue('Roll back checkout-api in eu-west-1');
  await expect(page.getByTestId('workstream-owner')).toHaveValue('Dev Patel');
  await expect(page.getByTestId('workstream-next')).toHaveValue('Confirm the pool limit in staging');
  await expect(dialog.getByLabel('Mitigate')).toBeChecked();

  // Escape keeps it; Discard throws it away.
  await page.keyboard.press('Escape');
  await page.getByTestId('open-workstream').click();
  await expect(page.getByTestId('workstream-title')).toHaveValue('Roll back checkout-api in eu-west-1');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('open-workstream').click();
  await expect(page.getByTestId('workstream-title')).toHaveValue('');

  // Opened: the draft is gone, after a reload too.
  await page.getByTestId('workstream-title').fill('Page the payments provider');
  await submitDialog(page, 'workstream-open-dialog');
  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('open-workstream').click();
  await expect(page.getByTestId('workstream-title')).toHaveValue('');
});

test('an update draft being edited survives a reload; Discard starts afresh', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Login failures after certificate rotation', 'SEV2');

  await page.getByTestId('draft-external').click();
  const body = page.getByTestId('draft-body');
  await body.press('Control+End');
  await body.pressSequentially(' Thanks to the EU support team.');
  await page.getByTestId('extra-affected').fill('SSO logins in the EU');
  await page.getByTestId('draft-recipients').fill('status page subscribers');

  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('draft-external').click();
  await expect(body).toHaveValue(/Thanks to the EU support team\.$/);
  await expect(page.getByTestId('extra-affected')).toHaveValue('SSO logins in the EU');
  await expect(page.getByTestId('draft-recipients')).toHaveValue('status page subscribers');
  await expect(page.getByText('edited by hand')).toBeVisible();

  await page.getByTestId('draft-discard').click();
  await expect(body).not.toHaveValue(/EU support team/);
  await expect(page.getByTestId('extra-affected')).toHaveValue('');
  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('draft-external').click();
  await expect(body).not.toHaveValue(/EU support team/);
});

test('a handoff briefing survives a reload and is cleared once handed off', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Card payments declined in APAC', 'SEV1', '', { takeIc: false });
  await page.getByTestId('role-incident-commander').getByTestId('assign-button').click();
  await page.getByTestId('person-name').fill('Dana Whitfield');
  await submitDialog(page, 'assign-dialog');

  await page.getByTestId('role-incident-commander').getByTestId('handoff-button').click();
  const handoff = page.getByTestId('handoff-dialog');
  await handoff.getByTestId('roster-person').filter({ hasText: 'Marcus Lee' }).click();
  await page.getByTestId('briefing-decisions').fill('Whether to fail over APAC to Singapore');

  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('role-incident-commander').getByTestId('handoff-button').click();
  await expect(page.getByTestId('person-name')).toHaveValue('Marcus Lee');
  await expect(page.getByTestId('briefing-decisions')).toHaveValue('Whether to fail over APAC to Singapore');

  await submitDialog(page, 'handoff-dialog');
  await expect(entryRow(page, 'Open decisions: Whether to fail over APAC to Singapore')).toBeVisible();
  await page.reload();
  await waitUntilLive(page);
  await page.getByTestId('role-incident-commander').getByTestId('handoff-button').click();
  await expect(page.getByTestId('person-name')).toHaveValue('');
  await expect(page.getByTestId('briefing-decisions')).toHaveValue('');
});
