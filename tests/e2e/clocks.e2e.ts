import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, seedSettings } from './war-room-ui';

// Issue 4: the cadence clock runs from the deadline in the state, goes red when it passes, the
// engine's alert reaches the screen, and a sent update calms it again. The policy is copied at
// declaration, so the seconds-scale cadence is set before declaring.

test('an overdue external update raises the alarm; approving and sending an update calms the clock', async ({ page, host }) => {
  await seedSettings(host, {
    cadence: { ...DEFAULT_SETTINGS.cadence, SEV1: { internalMinutes: 30, externalMinutes: 5, firstExternalMinutes: 0.05 } },
    // One quiet tier, so the only alarm is the clock's.
    escalation: { ...DEFAULT_SETTINGS.escalation, SEV1: [{ target: 'Primary on-call', contact: '+1 415 555 0142', delayMinutes: 60 }] },
  });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');

  const external = page.getByTestId('cadence-external');
  const internal = page.getByTestId('cadence-internal');
  await expect(internal).toHaveAttribute('data-tone', 'calm');
  await expect(external).toHaveAttribute('data-tone', 'overdue', { timeout: 15_000 });
  await expect(page.getByTestId('cadence-external-state')).toHaveText('Overdue');
  // Counting up, not down.
  await expect(page.getByTestId('cadence-external-time')).toHaveText(/^\+\d+:\d\d$/);

  const banner = page.getByTestId('alert-banner').filter({ hasText: 'External update overdue' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Checkout API returning 502s for EU customers');
  await expect(page).toHaveTitle(/^⚠ External update overdue.* — Command Post$/);
  await expect(entryRow(page, 'External update overdue').first()).toBeVisible();

  await banner.getByRole('button', { name: 'Draft the update' }).click();
  const dialog = page.getByTestId('draft-dialog');
  await expect(dialog).toHaveAttribute('data-kind', 'external');
  await expect(dialog.getByTestId('draft-meta')).toContainText('overdue by');
  await page.getByTestId('draft-channel').fill('Status page');
  await page.getByTestId('draft-send').click();
  await expect(dialog.getByTestId('dialog-error')).toContainText("needs the incident commander's approval");
  await dialog.getByTestId('draft-approve').click();
  await expect(dialog.getByTestId('approval-state')).toHaveText('✓ Approved — this exact text');
  await dialog.getByTestId('draft-send').click();
  await expect(dialog).toBeHidden();

  await expect(external).toHaveAttribute('data-tone', 'calm');
  await expect(page.getByTestId('cadence-external-time')).toHaveText(/^[45]:\d\d$/);
  await expect(external).toContainText(/last \d\d:\d\d:\d\d \(0m ago\)/);
  await expect(entryRow(page, 'update sent via Status page')).toBeVisible();

  // The banner belonged to that deadline: it went when the update was sent, with no dismissing.
  await expect(page.getByTestId('alert-banner')).toHaveCount(0);
  await expect(page).toHaveTitle('Command Post');

  // The IC shortens the cadence from the clock itself: two minutes puts it straight into amber.
  await page.getByTestId('cadence-external-change').click();
  await page.getByTestId('cadence-every').fill('2');
  await page.getByTestId('cadence-reason').fill('Merchants asked for tighter updates');
  await page.getByTestId('cadence-dialog').getByTestId('dialog-submit').click();
  await expect(external).toHaveAttribute('data-tone', 'amber');
  await expect(entryRow(page, 'Merchants asked for tighter updates')).toContainText('External updates every 2 min');
});
