import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { DraftKind, Severity } from '../../shared/domain/incident';
import { DRAFT_KINDS } from '../../shared/domain/incident';
import { connectEngine, unwrap } from './engine-client';
import { expect, test, type Host } from './fixtures';
import { REPO_ROOT } from './host-process';
import { seedSev1WarRoom } from './sev1-scenario';
import { waitUntilLive } from './ui';

// Saves screens of a realistic SEV1 to test-results/screens/ for people to look at: the war
// room forty-one minutes in, the update clocks in each state, every draft, the palette and a
// handoff. The incident is built step by step by hosts whose clocks run in the past (see
// seedSev1WarRoom), so every time on screen is one a real response would show.

const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const MINUTE = 60_000;

test.setTimeout(240_000);

async function fits(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow, `${name} at ${size.width}×${size.height} needs no page scroll`).toBeLessThanOrEqual(0);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide, `${name} at ${size.width}×${size.height} needs no sideways scroll`).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await fits(page, name);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

async function shootPart(page: Page, part: Locator, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await part.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

async function declareInThePast(host: Host, minutesAgo: number, title: string, severity: Severity) {
  await host.restart({ clockOffsetMs: -minutesAgo * MINUTE });
  const engine = await connectEngine(host);
  unwrap(await engine.call('incident.declare', { title, severity, detectionSource: 'internal' }));
  await engine.close();
}

/** Puts the external clock `dueInMs` from now by changing its cadence, as an IC would. */
async function externalDueIn(host: Host, incidentId: string, dueInMs: number): Promise<void> {
  const engine = await connectEngine(host);
  const state = unwrap(await engine.call('incident.get', { incidentId }));
  const last = state.updates.findLast((u) => u.audience === 'external')!.sentAt;
  const minutes = Math.max(0.05, Math.round(((Date.now() + dueInMs - last) / MINUTE) * 100) / 100);
  unwrap(await engine.call('cadence.set', { incidentId, audience: 'external', intervalMinutes: minutes, reason: 'drill' }));
  await engine.close();
}

test('screens of a SEV1 war-room', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await declareInThePast(host, 190, 'Nightly export job failing for two tenants', 'SEV4');
  await declareInThePast(host, 96, 'Search latency p99 above 4 s', 'SEV3');
  await declareInThePast(host, 58, 'Login failures after certificate rotation', 'SEV2');
  const incidentId = await seedSev1WarRoom(host);

  await page.goto(host.url);
  await waitUntilLive(page);
  await shoot(page, 'empty');

  await page.getByTestId('incident-list-item').filter({ hasText: 'Checkout API' }).click();
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'IC briefing doc' })).toBeVisible();
  await page.getByTestId('entry-input').fill('/f @tl staging fix for the pool limit ready for review');
  await shoot(page, 'war-room');

  // The external clock in its three states.
  const band = page.locator('.clock-band');
  const external = page.getByTestId('cadence-external');
  await externalDueIn(host, incidentId, 9 * MINUTE);
  await expect(external).toHaveAttribute('data-tone', 'calm');
  await shootPart(page, band, 'clock-calm');
  await externalDueIn(host, incidentId, 75_000);
  await expect(external).toHaveAttribute('data-tone', 'amber');
  await shootPart(page, band, 'clock-amber');
  await externalDueIn(host, incidentId, -95_000);
  await expect(external).toHaveAttribute('data-tone', 'overdue');
  await expect(page.getByTestId('alert-banner').filter({ hasText: 'External update overdue' })).toBeVisible();
  await shootPart(page, band, 'clock-overdue');
  await page.getByTestId('entry-input').fill('');
  await shoot(page, 'war-room-overdue');

  for (const kind of DRAFT_KINDS as readonly DraftKind[]) {
    await page.getByTestId(`draft-${kind}`).click();
    const dialog = page.getByTestId('draft-dialog');
    await expect(dialog).toHaveAttribute('data-kind', kind);
    await expect(page.getByTestId('draft-body')).not.toHaveValue('');
    await shoot(page, `draft-${kind}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.getByTestId('palette-input').fill('hand');
  await shoot(page, 'palette');
  await page.getByTestId('palette-input').fill('');
  await shoot(page, 'palette-all');
  await page.keyboard.press('Escape');

  await page.getByTestId('role-incident-commander').getByTestId('handoff-button').click();
  await page.getByTestId('handoff-dialog').getByTestId('roster-person').filter({ hasText: 'Marcus Lee' }).click();
  await page.getByTestId('briefing-decisions').fill('Whether to roll back us-east-1 before the US peak (Dev recommends yes)');
  await shoot(page, 'handoff');
  await page.keyboard.press('Escape');

  await page.getByTestId('declare-button').click();
  await page.getByTestId('declare-title').fill('Card payments declined in APAC');
  await page.getByTestId('declare-dialog').getByLabel('SEV2').check();
  await page.getByTestId('declare-summary').fill('Decline rate 22% for Visa in ap-south-1 since 03:02 UTC.');
  await shoot(page, 'declare');
});

test('screen of a browser that is not signed in', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await page.context().clearCookies();
  await page.goto(host.url);
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await shoot(page, 'sign-in');
});
