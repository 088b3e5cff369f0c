import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Severity } from '../../shared/domain/incident';
import { connectEngine, unwrap } from './engine-client';
import { expect, test, type Host } from './fixtures';
import { REPO_ROOT } from './host-process';
import { SEV1_SUMMARY, SEV1_TIMELINE } from './sev1-scenario';
import { waitUntilLive } from './ui';

// Saves screens of a realistic SEV1 to test-results/screens/ for people to look at.
// Incidents are declared by a host whose clock runs in the past, then the scribe's lines are
// backfilled at their real times by a host on the real clock: a war-room 41 minutes in.

const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const MINUTE = 60_000;
const SEV1_AGE_MIN = 41;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow, `${name} at ${size.width}×${size.height} needs no page scroll`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}x${size.height}.png`) });
  }
}

async function declareInThePast(host: Host, minutesAgo: number, title: string, severity: Severity, extra = {}) {
  const url = await host.restart({ clockOffsetMs: -minutesAgo * MINUTE });
  const engine = await connectEngine(url);
  const incident = unwrap(await engine.call('incident.declare', { title, severity, detectionSource: 'internal', ...extra }));
  await engine.close();
  return incident;
}

async function seedWarRoom(host: Host): Promise<void> {
  await declareInThePast(host, 190, 'Nightly export job failing for two tenants', 'SEV4');
  await declareInThePast(host, 96, 'Search latency p99 above 4 s', 'SEV3');
  await declareInThePast(host, 58, 'Login failures after certificate rotation', 'SEV2');
  const now = Date.now();
  const incident = await declareInThePast(host, SEV1_AGE_MIN, 'Checkout API returning 502s for EU customers', 'SEV1', {
    detectionSource: 'alert',
    summary: SEV1_SUMMARY,
    impactStartedAt: now - (SEV1_AGE_MIN + 6) * MINUTE,
    detectedAt: now - (SEV1_AGE_MIN + 3) * MINUTE,
  });

  const engine = await connectEngine(await host.restart());
  const declaredAt = incident.timestamps.declaredAt ?? now;
  for (const [minutes, kind, text] of SEV1_TIMELINE) {
    const occurredAt = Math.min(Date.now(), Math.round(declaredAt + minutes * MINUTE));
    unwrap(await engine.call('timeline.log', { incidentId: incident.id, kind, text, occurredAt }));
  }
  await engine.close();
}

test('screens of a SEV1 war-room', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await seedWarRoom(host);

  await page.goto(host.url);
  await waitUntilLive(page);
  await shoot(page, 'empty');

  await page.getByTestId('incident-list-item').filter({ hasText: 'Checkout API' }).click();
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'IC briefing doc' })).toBeVisible();
  await page.getByTestId('entry-input').fill('/f @tl staging fix for the pool limit ready for review');
  await shoot(page, 'incident');

  await page.getByTestId('declare-button').click();
  await page.getByTestId('declare-title').fill('Card payments declined in APAC');
  await page.getByTestId('declare-dialog').getByLabel('SEV2').check();
  await page.getByTestId('declare-summary').fill('Decline rate 22% for Visa in ap-south-1 since 03:02 UTC.');
  await shoot(page, 'declare');
});

test('screen of a refused connection', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await page.goto(host.url.replace(/token=[^&#]+/, 'token=wrong'));
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await shoot(page, 'offline');
});
