import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './host-process';

/** Where browser tests leave screens for people to look at. */
export const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');

/** The two sizes every screen is looked at: the smallest war-room laptop and a wall display. */
export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/**
 * `<name>-<width>x<height>.png` at both sizes, each checked to need no page scroll; the viewport
 * is back at the small size afterwards.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  // No hover highlight on whatever row the last click left the pointer over.
  await page.mouse.move(1, 1);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow, `${name} at ${size.width}×${size.height} needs no page scroll`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}
