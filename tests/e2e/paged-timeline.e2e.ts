import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildIncident, loadTemplates, noteText } from '../../bench/fixtures';
import { connectEngine, unwrap } from './engine-client';
import { expect, test, type Host } from './fixtures';
import { waitUntilLive } from './ui';

// A war room of 100 000 entries, written straight into the journal the way the benchmark's
// fixtures are (the engine declares, one logged note is the template), then opened by the host.
const EVENTS = 100_000;
const SHOTS = '/work/shots';

/** The incident's id and its number of timeline entries (the engine's own opening lines included). */
async function seedLongIncident(host: Host): Promise<{ incidentId: string; entries: number }> {
  await host.stop();
  const templates = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-templates-'));
  try {
    await loadTemplates(templates);
    const fixture = await buildIncident(host.dataDir, EVENTS);
    await host.start();
    const engine = await connectEngine(host);
    const entries = unwrap(await engine.call('timeline.page', { incidentId: fixture.incidentId, fromEnd: true, limit: 1 })).total;
    await engine.close();
    return { incidentId: fixture.incidentId, entries };
  } finally {
    await rm(templates, { recursive: true, force: true });
  }
}

const log = (page: Page) => page.getByRole('log', { name: 'Timeline entries' });
const rows = (page: Page) => page.getByTestId('timeline-entry');

const n = (count: number) => count.toLocaleString('en-US');

async function openWarRoom(page: Page, host: Host, incidentId: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${host.url}#/incident/${incidentId}`);
  await waitUntilLive(page);
  await expect(rows(page).filter({ hasText: noteText(EVENTS) })).toBeVisible({ timeout: 30_000 });
}

test.describe.configure({ timeout: 180_000 });

test('a 100 000-entry timeline opens at its newest entry with an honest scrollbar, and jumps to its start', async ({ page, host }) => {
  const { incidentId, entries } = await seedLongIncident(host);
  await openWarRoom(page, host, incidentId);
  await expect(page.getByTestId('timeline-count')).toHaveText(`${n(entries)} entries`);
  // The scrollbar is as long as every entry at its known height, from the first paint on.
  const { height, rowHeight } = await log(page).evaluate((el) => ({ height: el.scrollHeight, rowHeight: el.querySelector('[data-testid=timeline-entry]')!.getBoundingClientRect().height }));
  expect(rowHeight).toBe(32);
  expect(height).toBe(entries * 32);
  expect(await rows(page).count(), 'only the rows in view are in the page').toBeLessThan(100);

  await log(page).focus();
  await page.keyboard.press('Home');
  await expect(rows(page).filter({ hasText: 'Incident declared' })).toBeVisible();
  await expect(rows(page).first()).toHaveAttribute('data-position', '0');
  expect(await rows(page).count()).toBeLessThan(100);
});

test('filters and search run in the engine and answer counts and pages', async ({ page, host }) => {
  const { incidentId, entries } = await seedLongIncident(host);
  await openWarRoom(page, host, incidentId);
  const engine = await connectEngine(host);
  const decisions = unwrap(await engine.call('timeline.page', { incidentId, filter: { kind: 'decision' }, fromEnd: true, limit: 1 })).count;
  await engine.close();
  expect(decisions).toBeGreaterThan(10_000);

  await page.getByTestId('filter-kind').selectOption('decision');
  await expect(page.getByTestId('timeline-count')).toHaveText(`${n(decisions)} of ${n(entries)}`);
  const kinds = await rows(page).locator('.kind-tag').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Decision']));

  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-text').fill('#42424 ');
  await page.getByTestId('filter-text').press('Enter');
  await expect(page.getByTestId('timeline-count')).toHaveText(`1 of ${n(entries)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(noteText(42424));

  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('timeline-count')).toHaveText(`${n(entries)} entries`);
  await expect(rows(page).filter({ hasText: noteText(EVENTS) })).toBeVisible();
});

test('a line logged while the reader is scrolled back is announced below, not scrolled to', async ({ page, host }) => {
  const { incidentId, entries } = await seedLongIncident(host);
  await openWarRoom(page, host, incidentId);
  await log(page).evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(page.getByTestId('timeline-latest')).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  const before = await log(page).evaluate((el) => el.scrollTop);
  const firstShown = await rows(page).first().getAttribute('data-position');

  const engine = await connectEngine(host);
  unwrap(await engine.call('timeline.log', { incidentId, text: 'Arrived while reading back' }));
  await engine.close();

  await expect(page.getByTestId('timeline-new-below')).toHaveText('1 new entry below ↓');
  await expect(page.getByTestId('timeline-count')).toHaveText(`${n(entries + 1)} entries`);
  expect(await log(page).evaluate((el) => el.scrollTop)).toBe(before);
  expect(await rows(page).first().getAttribute('data-position')).toBe(firstShown);

  await page.getByTestId('timeline-new-below').click();
  await expect(rows(page).filter({ hasText: 'Arrived while reading back' })).toBeInViewport();
  await expect(page.getByTestId('timeline-new-below')).toHaveCount(0);
});

test('screenshots: a 100 000-entry war room scrolled to its middle', async ({ page, host }) => {
  const { incidentId } = await seedLongIncident(host);
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openWarRoom(page, host, incidentId);
    await log(page).evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await expect(page.getByTestId('timeline-placeholder')).toHaveCount(0);
    await expect(rows(page).first()).toBeVisible();
    // Rows never overlap: each starts where the one before it ends.
    const tops = await rows(page).evaluateAll((els) => els.map((e) => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]));
    for (let i = 1; i < tops.length; i++) expect(tops[i]![0]).toBeCloseTo(tops[i - 1]![1]!, 0);
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(SHOTS, `war-room-100k-middle-${viewport.width}x${viewport.height}.png`) });
  }
});
