import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { expect, test } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, seedSettings } from './war-room-ui';

// Issue 10, point 10: while tier 1 pages and nobody has acknowledged, "Acknowledge" is the next
// step wherever the operator looks: on the escalation banner and first in the palette.

test('an unacknowledged page: Acknowledge is on the banner and first in the palette, and records the operator', async ({ page, host }) => {
  await seedSettings(host, {
    operatorName: 'Maria Santos',
    escalation: {
      ...DEFAULT_SETTINGS.escalation,
      SEV1: [
        { target: 'Primary on-call', contact: 'Maria Santos · +351 21 555 0101', delayMinutes: 0 },
        { target: 'Secondary on-call', contact: '@alex', delayMinutes: 30 },
      ],
    },
  });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1', '', { takeIc: false });

  const banner = page.getByTestId('alert-banner').and(page.locator('[data-kind="escalation"]'));
  await expect(banner).toContainText('Escalation tier 1: call Primary on-call');
  await expect(banner.getByTestId('alert-acknowledge')).toHaveText('Acknowledge');

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-option').first()).toHaveText(/^Acknowledge the page/);
  await page.keyboard.press('Escape');

  await banner.getByTestId('alert-acknowledge').click();
  await expect(page.getByTestId('escalation-now')).toContainText('Acknowledged');
  await expect(entryRow(page, 'Acknowledged by Maria Santos; escalation stopped')).toHaveCount(1);
  await expect(banner, 'an acknowledged page no longer calls for attention').toHaveCount(0);

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-option').first()).not.toHaveText(/^Acknowledge/);
});

test('from the palette, Acknowledge is one Enter away while the page is unanswered', async ({ page, host }) => {
  await seedSettings(host, { operatorName: 'Alex Kim' });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search latency p99 above 4 s', 'SEV2', '', { takeIc: false });
  await expect(page.getByTestId('escalation-now')).toContainText('Call now');
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Enter');
  await expect(entryRow(page, 'Acknowledged by Alex Kim; escalation stopped')).toHaveCount(1);
});
