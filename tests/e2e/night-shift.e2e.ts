import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { instantOf, wallTime } from '../../shared/time/zone';
import { connectEngine, unwrap } from './engine-client';
import { expect, test, type Host } from './fixtures';
import { SCREENS, shoot } from './screens';
import { seedSev1WarRoom } from './sev1-scenario';
import { declareIncident, openConsoleAt, waitUntilLive } from './ui';
import { entryRow, incidentIdOnScreen, seedSettings, submitDialog } from './war-room-ui';

// Issue 10, "the war room at 3 AM": what an IC running a SEV1 at night found. The browser runs
// in Paris; the scribe's clock says 03:28.

const PARIS = 'Europe/Paris';
const MINUTE = 60_000;

test.use({ timezoneId: PARIS });
test.setTimeout(180_000);

// The engine beside the browser runs in the same zone, as it does on one machine: the lines it
// writes ("now due 03:42 CET") then agree with the screen. Hosts start per test, after this.
let zoneBefore: string | undefined;
test.beforeAll(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = PARIS;
});
test.afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});


async function shootPart(page: Page, part: Locator, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await part.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

/** Today's 03:28 in Paris: the scribe's clock for the backdating test. */
function threeTwentyEight(): Date {
  return new Date(instantOf({ ...wallTime(Date.now(), PARIS), hour: 3, minute: 28, second: 0 }, PARIS));
}

test('a clock time later than now is filed as yesterday only after the scribe has seen the day; a future date-time is refused', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  // Both clocks read 03:28: the engine's (a host whose clock is shifted) and the page's.
  const at = threeTwentyEight();
  await openConsoleAt(page, host, at);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');
  await expect(page.getByTestId('wall-clock')).toHaveText(/^03:2\d CES?T$/);

  const input = page.getByTestId('entry-input');
  await expect(input).toHaveAttribute('dir', 'auto');
  await input.fill('~03:50 paged the DBA on-call');
  const reading = page.getByTestId('entry-reading');
  await expect(reading).toContainText(/at 03:50:00 yesterday, \w{3} \d{1,2} \w{3} \(23 h ago\)/);
  await shootPart(page, page.locator('.entry-box'), 'backdate-wrapped-preview');

  await input.press('Enter');
  const confirm = page.getByTestId('entry-confirm');
  await expect(confirm).toHaveText('This files the entry 23 h ago, yesterday 03:50 — press Enter again to confirm');
  await expect(input).toHaveValue('~03:50 paged the DBA on-call');
  await expect(entryRow(page, 'paged the DBA on-call')).toHaveCount(0);
  await shootPart(page, page.locator('.entry-box'), 'backdate-wrapped-confirm');
  await shoot(page, 'backdate-wrapped');

  // The typo fixed: nothing to confirm, filed at once.
  await input.fill('~03:05 paged the DBA on-call');
  await expect(page.getByTestId('entry-reading')).toContainText(/at 03:05:00 today \(2\d min ago\)/);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(entryRow(page, 'paged the DBA on-call')).toHaveCount(1);
  await expect(entryRow(page, 'paged the DBA on-call').locator('.tl-time')).toHaveText('03:05:00');

  // Confirmed on the second Enter, the wrapped line is filed yesterday.
  await input.fill('~03:50 last deploy of the day');
  await input.press('Enter');
  await expect(page.getByTestId('entry-confirm')).toBeVisible();
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(entryRow(page, 'last deploy of the day').locator('.tl-time')).toHaveText('03:50:00');

  const tomorrow = wallTime(threeTwentyEight().getTime() + 24 * 3_600_000, PARIS);
  const future = `~${tomorrow.year}-${String(tomorrow.month).padStart(2, '0')}-${String(tomorrow.day).padStart(2, '0')} 03:50 page the DBA`;
  await input.fill(future);
  await input.press('Enter');
  await expect(page.getByTestId('entry-error')).toContainText('is in the future');
  await expect(input).toHaveValue(future);
  await expect(entryRow(page, 'page the DBA')).toHaveCount(0);
});

test('a mitigation entry offers to mark the incident mitigated at its time: one key, never silently', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search latency p99 above 4 s', 'SEV2');
  await expect(page.getByTestId('mitigation-offer')).toHaveCount(0);

  const input = page.getByTestId('entry-input');
  await input.fill('/m ~1m Rolled back search-api to 2026.11.22-2');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const offer = page.getByTestId('mitigation-offer');
  await expect(offer).toContainText(/Mark the incident mitigated at \d\d:\d\d\?/);
  await expect(page.getByTestId('incident-status'), 'never silently').toHaveText('Investigating');
  await expect(page.getByTestId('clock-ttm')).toHaveClass(/is-running/);

  // From the entry box, where the scribe's cursor is.
  await input.press('Alt+m');
  await expect(page.getByTestId('incident-status')).toHaveText('Mitigated');
  await expect(offer).toHaveCount(0);
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('clock-ttm')).toHaveClass(/is-done/);
  await expect(entryRow(page, 'Status Investigating → Mitigated — From the mitigation entry: Rolled back search-api')).toBeVisible();
});

test('Right-to-left lines set their own direction', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout errors in Israel', 'SEV3');
  await page.getByTestId('entry-input').fill('הלקוחות מדווחים על שגיאה 502 ב-checkout');
  await page.getByTestId('entry-input').press('Enter');
  await expect(entryRow(page, 'הלקוחות').locator('.tl-words')).toHaveAttribute('dir', 'auto');
});

async function checkInSoon(host: Host, incidentId: string, title: string): Promise<void> {
  const engine = await connectEngine(host);
  const state = unwrap(await engine.call('incident.get', { incidentId }));
  const ws = state.workstreams.find((w) => w.title === title)!;
  unwrap(await engine.call('workstream.update', { incidentId, workstreamId: ws.id, checkInAt: Date.now() + 2_000 }));
  await engine.close();
}

async function externalOverdue(host: Host, incidentId: string): Promise<void> {
  const engine = await connectEngine(host);
  const state = unwrap(await engine.call('incident.get', { incidentId }));
  const last = state.updates.findLast((u) => u.audience === 'external')!.sentAt;
  const minutes = Math.max(0.05, Math.round(((Date.now() - 95_000 - last) / MINUTE) * 100) / 100);
  unwrap(await engine.call('cadence.set', { incidentId, audience: 'external', intervalMinutes: minutes, reason: 'drill' }));
  await engine.close();
}

test('banners know when they are done: acknowledged, resolved — and resolving closes the open workstreams', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  const incidentId = await seedSev1WarRoom(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await page.getByTestId('incident-list-item').filter({ hasText: 'Checkout API' }).click();
  await expect(page.getByTestId('war-room')).toBeVisible();

  await externalOverdue(host, incidentId);
  await checkInSoon(host, incidentId, 'Merchant outreach');
  const banners = page.getByTestId('alert-banner');
  await expect(banners.filter({ hasText: 'External update overdue' })).toBeVisible();
  await expect(banners.filter({ hasText: 'Merchant outreach check-in missed' })).toBeVisible();
  await shoot(page, 'banners-before-resolve');

  await page.getByTestId('status-to-resolved').click();
  const dialog = page.getByTestId('status-dialog');
  const closeWork = dialog.getByTestId('close-workstreams');
  await expect(closeWork).toContainText('Close the 3 open workstreams (check-ins stop)');
  await expect(closeWork).toContainText('Pool exhaustion root cause · Provider-side connection cap · Merchant outreach');
  await expect(closeWork.getByRole('checkbox')).toBeChecked();
  await page.getByTestId('status-reason').fill('Both regions on 2026.11.22-2; orders reconciled');
  await shootPart(page, dialog, 'resolve-dialog');
  await submitDialog(page, 'status-dialog');

  await expect(page.getByTestId('incident-status')).toHaveText('Resolved');
  await expect(banners, 'the causes are gone, so are the banners').toHaveCount(0);
  await expect(page.getByTestId('workstream-card')).toHaveCount(3);
  for (const card of await page.getByTestId('workstream-card').all()) await expect(card).toHaveAttribute('data-status', 'done');
  await expect(entryRow(page, 'Workstream Merchant outreach: now done; check-in cleared')).toBeVisible();
  await expect(entryRow(page, 'External update overdue').first(), 'the history stays on the timeline').toBeVisible();
  await expect(page).toHaveTitle('Command Post');
  await shoot(page, 'war-room-resolved');

  await page.goto(`${host.url}#/incident/${await incidentIdOnScreen(page)}/postmortem`);
  await expect(page.getByTestId('pm-review')).toBeVisible();
  await expect(banners).toHaveCount(0);
});

test('an escalation banner goes when someone acknowledges', async ({ page, host }) => {
  await seedSettings(host, {
    escalation: { ...DEFAULT_SETTINGS.escalation, SEV1: [{ target: 'Primary on-call', contact: '+1 415 555 0142', delayMinutes: 0 }] },
  });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Payments timing out', 'SEV1');
  const banner = page.getByTestId('alert-banner').filter({ hasText: 'Escalation tier 1: call Primary on-call' });
  await expect(banner).toBeVisible();
  await page.getByTestId('acknowledge-button').click();
  await expect(banner).toHaveCount(0);
  await expect(entryRow(page, 'Escalation tier 1: page Primary on-call')).toBeVisible();
});
