import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { declareIncident, waitUntilLive } from './ui';

// Team sync switched off, as on every console that never joined a team: the indicator says
// "Local only" quietly, nothing asks to share, and Settings → Team sync explains how to join.
// Saves test-results/screens/sync-off-*.png and settings-sync-*.png for people to look at.

test('with sync off the console says Local only and offers nothing to share', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await page.goto(host.url);
  await waitUntilLive(page);

  const railPill = page.locator('[data-testid="sync-indicator"][data-place="rail"]');
  await expect(railPill).toHaveAttribute('data-state', 'off');
  await expect(railPill).toHaveText('Team sync: Local only');

  await page.getByTestId('declare-button').click();
  await expect(page.getByTestId('declare-dialog')).toBeVisible();
  await expect(page.getByTestId('declare-share'), 'no share choice while sync is off').toHaveCount(0);
  await page.keyboard.press('Escape');

  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV2');
  const headerPill = page.locator('[data-testid="sync-indicator"][data-place="header"]');
  await expect(headerPill).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('share-incident'), 'nothing to share with when sync is off').toHaveCount(0);
  await expect(page.getByTestId('incident-shared')).toHaveCount(0);
  await expect(page.getByTestId('incident-sharing'), 'no shared/local mark on list rows when sync is off').toHaveCount(0);
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  await shoot(page, 'sync-off-war-room');

  await headerPill.click();
  const details = page.getByTestId('sync-details');
  await expect(details).toBeVisible();
  await expect(page.getByTestId('sync-details-text')).toHaveText('Team sync is off: incidents stay on this machine.');
  await expect(details).toContainText('This console');
  await shoot(page, 'sync-off-details');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(headerPill, 'focus goes back to the pill').toBeFocused();

  // Enter opens it too, and its button leads to the settings section.
  await page.keyboard.press('Enter');
  await expect(details).toBeVisible();
  await page.getByTestId('sync-open-settings').click();
  await expect(page.getByTestId('settings-section-sync')).toBeVisible();
  await expect(page).toHaveURL(/#\/settings\/sync$/);
});

test('Settings → Team sync in the off state: fields, checks, password and test', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await page.goto(`${host.url}#/settings/sync`);
  await waitUntilLive(page);
  const section = page.getByTestId('settings-section-sync');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('settings-nav-sync')).toContainText('Local only');
  await expect(page.getByTestId('sync-enabled')).not.toBeChecked();
  await expect(page.getByTestId('sync-password-state')).toHaveText('None saved');
  await expect(page.getByTestId('sync-console-id')).toHaveText(/^[a-z0-9-]+$/);
  await expect(section).toContainText('sslmode=verify-full');
  await expect(section).toContainText('keychain');
  await shoot(page, 'settings-sync-off');

  // What a tired person gets wrong is said beside the field, before anything is sent.
  await page.getByTestId('sync-url').fill('db.example.com:5432');
  await page.getByTestId('sync-team').fill('Payments');
  await page.getByTestId('sync-password-change').click();
  await expect(page.getByTestId('sync-password')).toBeFocused();
  await page.getByTestId('save-section').click();
  const errors = page.getByTestId('field-error');
  await expect(errors.filter({ hasText: 'must start with postgres://' })).toBeVisible();
  await expect(errors.filter({ hasText: 'lower-case letters' })).toBeVisible();
  await expect(errors.filter({ hasText: 'Type the new password' })).toBeVisible();
  await expect(page.getByTestId('sync-url')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-nav-sync').locator('.dot-error')).toBeVisible();
  await shoot(page, 'settings-sync-errors');

  // Fixing a field clears its message; a connection that is not verified gets advice, not a refusal.
  await page.getByTestId('sync-url').fill('postgres://ic@db.example.com:5432/command_post');
  await expect(errors.filter({ hasText: 'must start with postgres://' })).toHaveCount(0);
  await expect(page.getByTestId('sync-advice')).toContainText('Without sslmode=verify-full');
  await page.getByTestId('sync-url').fill('postgres://ic@db.example.com:5432/command_post?sslmode=verify-full');
  await expect(page.getByTestId('sync-advice')).toHaveCount(0);
  await page.getByTestId('sync-team').fill('payments');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sync-password-state')).toHaveText('None saved');
  await expect(errors, 'every message went as its field was fixed').toHaveCount(0);

  // Switching sections keeps what was typed.
  await page.getByTestId('settings-nav-operator').click();
  await expect(page.getByTestId('settings-nav-sync').locator('.dot')).toBeVisible();
  await page.getByTestId('settings-nav-sync').click();
  await expect(page.getByTestId('sync-team')).toHaveValue('payments');

  // The test answers in words either way, and saves nothing.
  await page.getByTestId('sync-test').click();
  await expect(page.getByTestId('sync-test-answer')).toHaveText(/^✕ Not (tested|connected): .+/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('sync-url')).toHaveValue('');
  await expect(page.getByTestId('sync-test-answer'), 'an answer about other typing goes').toHaveText('');
  await expect(page.locator('[data-testid="sync-indicator"][data-place="rail"]')).toHaveAttribute('data-state', 'off');
});
