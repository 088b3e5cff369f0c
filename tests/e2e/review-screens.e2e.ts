import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { movableClock, RICH_TITLE, seedManyIncidents, seedRichIncident } from './review-seed';
import { waitUntilLive } from './ui';

// Screens of the review side for people to look at: a written-up SEV1 post-mortem, its printable
// HTML, and the metrics view over a few dozen incidents made through the engine across twelve weeks.

const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function shoot(page: Page, name: string, checkOverflow = true): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    if (checkOverflow) {
      const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(overflow, `${name} at ${size.width}×${size.height} needs no page scroll`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}x${size.height}.png`) });
  }
}

test.describe.configure({ timeout: 240_000 });

test('screens of the post-mortem, its printable HTML and the metrics', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  const clock = await movableClock(host);
  await seedManyIncidents(clock, 36, 12);
  const rich = await seedRichIncident(clock);
  await clock.close();

  await page.goto(`${clock.url}#/incident/${rich.id}/postmortem`);
  await waitUntilLive(page);
  await expect(page.getByTestId('pm-title')).toHaveText(RICH_TITLE);
  await expect(page.getByTestId('pm-timeline-row').first()).toBeVisible();
  await shoot(page, 'postmortem');

  // The lower half of the review: five whys, factors, lessons and the action items.
  await page.getByTestId('pm-actions').scrollIntoViewIfNeeded();
  await page.getByTestId('pm-doc').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await shoot(page, 'postmortem-actions');
  await page.getByTestId('pm-doc').evaluate((el) => el.scrollTo({ top: 0 }));

  await page.setViewportSize(SIZES[0]!);
  const [printable] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('pm-print').click()]);
  await printable.waitForLoadState();
  await expect(printable.locator('h1')).toHaveText(`Post-mortem: ${RICH_TITLE}`);
  for (const size of SIZES) {
    await printable.setViewportSize(size);
    await printable.screenshot({ path: path.join(SCREENS, `postmortem-printable-${size.width}x${size.height}.png`), fullPage: true });
  }
  await printable.close();

  await page.getByTestId('nav-metrics').click();
  await expect(page.getByTestId('metrics-view')).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await shoot(page, 'metrics');

  // The rail narrowed to closed SEV1/SEV2 incidents, by severity, with what they still owe.
  await page.getByTestId('list-status-closed').click();
  await page.getByTestId('list-more-filters').click();
  await page.getByTestId('list-sev-SEV1').click();
  await page.getByTestId('list-sev-SEV2').click();
  await page.getByTestId('list-sort').selectOption('severity');
  await page.getByTestId('card-response-times-table').click();
  await shoot(page, 'list-filters');
});
