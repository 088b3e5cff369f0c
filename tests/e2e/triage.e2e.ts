import type { Page } from '@playwright/test';
import { CHECKOUT, DISK, notify, PAYMENTS } from './alert-intake';
import { expect, test } from './fixtures';
import { shoot } from './screens';
import { waitUntilLive } from './ui';
import { submitDialog } from './war-room-ui';

// Alerts in, as the incident commander meets them: monitoring's webhooks make detections that
// wait in the triage queue; one is declared, one attached to it, one dismissed; a resolved
// notification is logged and asks whether the incident is mitigated.

const MINUTE = 60_000;

const queueItem = (page: Page, title: string) => page.getByTestId('triage-item').filter({ hasText: title });

/** The page's desktop notifications, recorded instead of shown. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
  });
}

test('monitoring detections are triaged: declared, attached, dismissed; a resolved group asks about mitigation', async ({ page, host }) => {
  test.setTimeout(120_000);
  await recordNotifications(page);
  await page.goto(host.url);
  await waitUntilLive(page);
  await expect(page.getByTestId('triage-queue'), 'no queue while nothing waits').toHaveCount(0);

  const start = Date.now() - 12 * MINUTE;
  await notify(host, CHECKOUT, 'firing', start);
  const checkout = queueItem(page, 'HighErrorRate — checkout');
  await expect(page.getByTestId('triage-title')).toHaveText('Waiting for triage (1)');
  await expect(checkout.getByTestId('triage-firing')).toHaveText('2 alerts firing');
  await expect(checkout).toContainText('SEV2');
  await expect(checkout).toContainText('checkout · INC-');
  await expect(checkout.getByTestId('triage-since')).toHaveText(/just now|1 min ago/);

  // The banner says what came in and what to do; it offers the incident, not an acknowledgement.
  const banner = page.getByTestId('alert-banner').filter({ hasText: 'HighErrorRate — checkout' });
  await expect(banner).toHaveAttribute('data-kind', 'triage');
  await expect(banner.getByTestId('alert-title')).toHaveText('New detection (SEV2): HighErrorRate — checkout');
  await expect(banner).toContainText('Waiting for triage: declare, attach to an open incident, or dismiss.');
  await expect(banner.getByRole('button', { name: 'Open incident' })).toBeVisible();
  await expect(banner.getByTestId('alert-acknowledge')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string }> }).shownNotifications.map((n) => n.title)))
    .toContain('New detection (SEV2): HighErrorRate — checkout');

  await notify(host, PAYMENTS, 'firing', start + 4 * MINUTE);
  await notify(host, DISK, 'firing', start + 7 * MINUTE);
  await expect(page.getByTestId('triage-title')).toHaveText('Waiting for triage (3)');
  await expect(page.getByTestId('triage-item'), 'oldest first').toHaveText([/HighErrorRate/, /PaymentsLatencyHigh/, /DiskAlmostFull/]);
  await expect(queueItem(page, 'DiskAlmostFull').getByTestId('triage-firing')).toHaveText('1 alert firing');
  await expect(queueItem(page, 'DiskAlmostFull')).toContainText('SEV3');
  await expect(page.getByTestId('incident-list-item'), 'detections are not listed twice').toHaveCount(0);
  await page.getByTestId('alert-dismiss-all').click();
  await shoot(page, 'triage-queue');

  // A detection opened from the queue: its alerts, and the three answers.
  await queueItem(page, 'DiskAlmostFull').getByTestId('triage-open').click();
  await expect(page.getByTestId('incident-status')).toHaveText('Detected');
  await expect(page.getByTestId('alerts-panel')).toContainText('DiskAlmostFull');
  await expect(page.getByTestId('attach-button')).toBeVisible();
  await shoot(page, 'triage-detection');

  // Declare: one click, and the war room it opens is alert-born.
  await checkout.getByTestId('triage-declare').click();
  await expect(page.getByTestId('incident-title')).toHaveText('HighErrorRate — checkout');
  await expect(page.getByTestId('incident-status')).toHaveText('Investigating');
  await expect(checkout).toHaveCount(0);
  await expect(page.getByTestId('triage-title')).toHaveText('Waiting for triage (2)');
  const panel = page.getByTestId('alerts-panel');
  await expect(panel.getByTestId('alert-card')).toHaveCount(2);
  await expect(panel.getByTestId('alerts-count')).toHaveText('2 firing');
  const card = panel.getByTestId('alert-card').first();
  await expect(card.getByTestId('alert-card-status')).toHaveText('Firing');
  await expect(card.getByTestId('alert-card-name')).toHaveText('HighErrorRate');
  await expect(card).toContainText('critical');
  await expect(card).toContainText('checkout answers 14% of requests with a 5xx');
  await expect(card).toContainText(/Started \d{2}:\d{2}:\d{2} \S+/);
  await expect(card.getByRole('button', { name: /^\+\d+ more$/ })).toBeVisible();
  const runbook = card.getByTestId('alert-card-link').filter({ hasText: 'Runbook' });
  await expect(runbook).toHaveAttribute('href', CHECKOUT.runbook);
  await expect(runbook).toHaveAttribute('target', '_blank');
  await expect(runbook).toHaveAttribute('rel', 'noopener noreferrer');
  for (const href of await panel.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^https?:\/\//);
  // Declared: no longer waiting for triage (its escalation policy pages now, with its own banner).
  await expect(page.locator('[data-testid="alert-banner"][data-kind="triage"]').filter({ hasText: 'HighErrorRate — checkout' })).toHaveCount(0);
  await expect(page.locator('[data-testid="alert-banner"][data-kind="escalation"]').filter({ hasText: 'HighErrorRate — checkout' })).toHaveCount(1);
  await page.getByTestId('alert-dismiss').click();
  const incidentId = await page.url().split('/').pop();

  // Attach: the payments detection's alerts join the declared incident; the detection leaves the queue.
  await queueItem(page, 'PaymentsLatencyHigh').getByTestId('triage-attach').click();
  const attach = page.getByTestId('attach-dialog');
  await expect(attach.getByTestId('attach-target')).toHaveCount(1);
  await expect(attach.getByTestId('attach-target')).toContainText('HighErrorRate — checkout');
  await expect(attach.getByTestId('dialog-submit')).toContainText(`Attach to ${incidentId}`);
  await submitDialog(page, 'attach-dialog');
  await expect(queueItem(page, 'PaymentsLatencyHigh')).toHaveCount(0);
  await expect(panel.getByTestId('alert-card')).toHaveCount(3);
  await expect(panel.getByTestId('alert-card-name')).toContainText(['HighErrorRate', 'HighErrorRate', 'PaymentsLatencyHigh']);

  // Dismiss: the disk alert was a false alarm; the queue goes when nothing waits.
  await queueItem(page, 'DiskAlmostFull').getByTestId('triage-dismiss').click();
  const dismiss = page.getByTestId('dismiss-dialog');
  await expect(dismiss.getByLabel(/False alarm/)).toBeChecked();
  await page.getByTestId('dismiss-reason').fill('Backup snapshot, cleaned up by itself');
  await submitDialog(page, 'dismiss-dialog');
  await expect(page.getByTestId('triage-queue')).toHaveCount(0);
  await expect(page.locator('[data-testid="alert-banner"][data-kind="triage"]')).toHaveCount(0);

  // Two copies of one alert, told apart by where they fire.
  await expect(page.getByTestId('timeline-entry').filter({ hasText: /FIRING: HighErrorRate checkout on 10\.0\.3\.1[78]:9090 \(critical\)/ })).toHaveCount(2);
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'FIRING: PaymentsLatencyHigh payments' }).locator('.kind-tag')).toHaveText('Alert');
  // At 1366×768 the panel sits below the roles: the side column scrolls to it, the page does not.
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'alert-war-room');

  // Checkout recovers: both alerts resolved, logged, and the question the IC answers.
  await notify(host, CHECKOUT, 'resolved', start, Date.now());
  const resolved = page.getByTestId('timeline-entry').filter({ hasText: 'RESOLVED: HighErrorRate checkout' });
  await expect(resolved).toHaveCount(2);
  await expect(resolved.first().locator('.kind-tag')).toHaveText('Alert');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: /All alerts of HighErrorRate resolved at .* — mitigated\?/ })).toBeVisible();
  await expect(panel.getByTestId('alerts-count')).toHaveText('1 firing · 2 resolved');
  await expect(panel.getByTestId('alert-card').last().getByTestId('alert-card-status')).toHaveText('Resolved');
  await expect(panel.getByTestId('alert-card').last()).toContainText(/Ended \d{2}:\d{2}:\d{2}/);
  await page.getByTestId('timeline-entry').last().scrollIntoViewIfNeeded();
  await panel.scrollIntoViewIfNeeded();
  await shoot(page, 'alert-war-room-resolved');
});

test('a real Alertmanager: from `amtool alert add` to the detection on screen', async ({ page, host }) => {
  test.setTimeout(60_000);
  const { startAlertmanager } = await import('../support/alertmanager');
  const am = await startAlertmanager({ webhookUrl: `http://127.0.0.1:${host.port}/intake/alertmanager`, bearer: host.intakeToken });
  try {
    await page.goto(host.url);
    await waitUntilLive(page);
    const fired = Date.now();
    await am.fire({ alertname: 'OrdersQueueBacklog', service: 'orders', severity: 'critical', instance: 'worker-7' }, { summary: 'Orders queue 40 000 messages behind' });
    await expect(queueItem(page, 'OrdersQueueBacklog — orders')).toBeVisible({ timeout: 15_000 });
    const onScreenMs = Date.now() - fired;
    // Alertmanager waits group_wait (0.5 s here; 30 s by default) before the first notification.
    console.log(`amtool alert add → detection on screen: ${onScreenMs} ms`);
    expect(onScreenMs).toBeLessThan(10_000);
  } finally {
    await am.stop();
  }
});

test('asked, not automatic: the alerts of a declared incident are silenced in the followed Alertmanager', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { startAlertmanager } = await import('../support/alertmanager');
  const { connectEngine } = await import('./engine-client');
  const am = await startAlertmanager({ webhookUrl: `http://127.0.0.1:${host.port}/intake/alertmanager`, bearer: host.intakeToken });
  const engine = await connectEngine(host);
  try {
    const followed = await engine.call('intake.configurePull', { url: am.url, auth: 'none', enabled: true, intervalSeconds: 2 });
    expect(followed.ok).toBe(true);
    await page.goto(host.url);
    await waitUntilLive(page);
    await am.fire({ alertname: 'ReplicaLagHigh', service: 'orders-db', severity: 'critical', instance: 'db-3' }, { summary: 'Replica 90 s behind' });
    const item = queueItem(page, 'ReplicaLagHigh — orders-db');
    await expect(item).toBeVisible({ timeout: 15_000 });
    await item.getByTestId('triage-declare').click();
    const panel = page.getByTestId('alerts-panel');
    await expect(panel).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('silence-ask').click();
    await expect(panel.getByRole('group', { name: 'Silence these alerts in Alertmanager' })).toContainText('Pagers for these alerts stop for 4 h');
    await panel.getByTestId('silence-confirm').click();
    await expect(panel.getByTestId('silence-active')).toContainText('Silenced in Alertmanager until');
    const silences = (await (await fetch(`${am.url}/api/v2/silences`)).json()) as Array<{ status: { state: string }; matchers: Array<{ name: string; value: string }> }>;
    expect(silences.filter((s) => s.status.state === 'active' && s.matchers.some((m) => m.value === 'ReplicaLagHigh'))).toHaveLength(1);
    await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Silenced in Alertmanager until' })).toHaveCount(1);
    // The pull sees the same alert the webhook brought: one alert, one incident, no second detection.
    await page.waitForTimeout(4_500);
    await expect(page.getByTestId('triage-queue')).toHaveCount(0);
    await expect(page.locator('[data-testid="alert-banner"][data-kind="triage"]')).toHaveCount(0);
    await expect(panel.getByTestId('alerts-count')).toHaveText('1 firing');
    await shoot(page, 'alert-war-room-silenced');
  } finally {
    await engine.close();
    await am.stop();
  }
});
