import type { Page } from '@playwright/test';
import { dayOf } from '../../shared/domain/review/schedule';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { waitUntilLive } from './ui';

const DAY = 86_400_000;

const titles = (page: Page) => page.getByTestId('incident-list-item').locator('.incident-item-title').allInnerTexts();
const item = (page: Page, id: string) => page.locator(`[data-testid="incident-list-item"][data-incident-id="${id}"]`);

test('the rail searches, filters, sorts and marks what an incident still owes', async ({ page, host }) => {
  // One incident declared three days ago, by a host whose clock runs in the past.
  await host.restart({ clockOffsetMs: -3 * DAY });
  const past = await connectEngine(host);
  const old = unwrap(await past.call('incident.declare', { title: 'Nightly export job failing', severity: 'SEV4', detectionSource: 'internal' }));
  unwrap(await past.call('incident.update', { incidentId: old.id, tags: ['billing'] }));
  await past.close();

  await host.restart();
  const engine = await connectEngine(host);
  const declare = async (title: string, severity: 'SEV1' | 'SEV2' | 'SEV3', tags: string[]) => {
    const v = unwrap(await engine.call('incident.declare', { title, severity, detectionSource: 'alert' }));
    unwrap(await engine.call('incident.update', { incidentId: v.id, tags }));
    return v.id;
  };
  const search = await declare('Search latency p99 above 4 s', 'SEV3', ['search']);
  const login = await declare('Login failures after certificate rotation', 'SEV2', ['auth', 'edge']);
  const checkout = await declare('Checkout API returning 502s', 'SEV1', ['checkout-api']);
  // The engine pages tier 1 of each a moment after its declaration: a touch too. Waited for, so
  // that "last touched" below is the order of this script's own steps, however loaded the machine.
  for (const id of [search, login, checkout]) {
    await expect.poll(async () => unwrap(await engine.call('incident.get', { incidentId: id })).timeline.some((e) => e.text.startsWith('Escalation tier 1'))).toBe(true);
  }

  // Search: resolved and closed, review needed, and the review date has passed.
  unwrap(await engine.call('incident.setStatus', { incidentId: search, status: 'resolved' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: search, status: 'closed', reviewNeeded: true }));
  unwrap(await engine.call('postmortem.update', { incidentId: search, reviewAt: Date.now() - DAY }));
  // Login: resolved, one action item past due and open, one past due but done.
  unwrap(await engine.call('incident.setStatus', { incidentId: login, status: 'resolved' }));
  unwrap(await engine.call('action.add', { incidentId: login, title: 'Validate chains', dueDate: dayOf(Date.now() - 2 * DAY) }));
  unwrap(await engine.call('action.add', { incidentId: login, title: 'Update runbook', dueDate: dayOf(Date.now() - 2 * DAY) }));
  const done = unwrap(await engine.call('incident.get', { incidentId: login })).actionItems[1]!;
  unwrap(await engine.call('action.update', { incidentId: login, actionId: done.id, status: 'done' }));

  await page.goto(host.url);
  await waitUntilLive(page);
  await expect(page.getByTestId('incident-list-item')).toHaveCount(4);
  await expect(page.getByTestId('list-count')).toHaveText('2 active · 4 total');

  // Markers, on the incidents that owe them and nowhere else.
  await expect(item(page, search).getByTestId('marker-review-overdue')).toHaveText('Review overdue');
  await expect(item(page, login).getByTestId('marker-actions-overdue')).toHaveText('1 action overdue');
  await expect(page.getByTestId('marker-review-overdue')).toHaveCount(1);
  await expect(page.getByTestId('marker-actions-overdue')).toHaveCount(1);

  // Newest first by default.
  expect(await titles(page)).toEqual(['Checkout API returning 502s', 'Login failures after certificate rotation', 'Search latency p99 above 4 s', 'Nightly export job failing']);

  // Search by title, by id, by tag.
  const box = page.getByTestId('list-search');
  await box.fill('latency');
  expect(await titles(page)).toEqual(['Search latency p99 above 4 s']);
  await expect(page.getByTestId('list-count')).toHaveText('1 of 4');
  await box.fill(login.toLowerCase());
  expect(await titles(page)).toEqual(['Login failures after certificate rotation']);
  await box.fill('#edge');
  expect(await titles(page)).toEqual(['Login failures after certificate rotation']);
  await box.fill('no such thing');
  await expect(page.getByTestId('list-no-match')).toBeVisible();
  await page.getByTestId('list-no-match').getByRole('button', { name: 'Clear filters' }).click();
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('incident-list-item')).toHaveCount(4);

  // Status.
  await page.getByTestId('list-status-open').click();
  expect(await titles(page)).toEqual(['Checkout API returning 502s', 'Nightly export job failing']);
  await page.getByTestId('list-status-closed').click();
  expect(await titles(page)).toEqual(['Login failures after certificate rotation', 'Search latency p99 above 4 s']);
  await page.getByTestId('list-status-all').click();

  // Severity, tag and date behind "Filters".
  await page.getByTestId('list-more-filters').click();
  await page.getByTestId('list-sev-SEV1').click();
  await page.getByTestId('list-sev-SEV2').click();
  expect(await titles(page)).toEqual(['Checkout API returning 502s', 'Login failures after certificate rotation']);
  await expect(page.getByTestId('list-more-filters')).toContainText('1');
  await page.getByTestId('list-sev-SEV1').click();
  await page.getByTestId('list-sev-SEV2').click();
  await page.getByTestId('list-tag').selectOption('billing');
  expect(await titles(page)).toEqual(['Nightly export job failing']);
  await page.getByTestId('list-tag').selectOption('');
  await page.getByTestId('list-since').selectOption('24h');
  expect(await titles(page)).toEqual(['Checkout API returning 502s', 'Login failures after certificate rotation', 'Search latency p99 above 4 s']);
  await page.getByTestId('list-since').selectOption('7d');
  await expect(page.getByTestId('incident-list-item')).toHaveCount(4);

  // The rail still fits the screen with every filter open, and the list scrolls inside it.
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);

  // Sorts: by severity, then by last activity.
  await page.getByTestId('list-sort').selectOption('severity');
  expect(await titles(page)).toEqual(['Checkout API returning 502s', 'Login failures after certificate rotation', 'Search latency p99 above 4 s', 'Nightly export job failing']);
  await page.getByTestId('list-sort').selectOption('activity');
  unwrap(await engine.call('timeline.log', { incidentId: old.id, text: 'Export rerun by hand succeeded' }));
  // Last touched first: the export just now, then the action items, the review date, the declaration.
  await expect.poll(() => titles(page)).toEqual(['Nightly export job failing', 'Login failures after certificate rotation', 'Search latency p99 above 4 s', 'Checkout API returning 502s']);

  // A new incident appears under the filters in force: an open SEV1 while "Closed" is chosen does not.
  await page.getByTestId('list-status-closed').click();
  await declare('Card payments declined in APAC', 'SEV1', ['payments']);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('incident-list-item')).toHaveCount(2);
  await page.getByTestId('list-clear').click();
  await expect(page.getByTestId('incident-list-item')).toHaveCount(5);

  // The marker goes once the action is done.
  const open = unwrap(await engine.call('incident.get', { incidentId: login })).actionItems[0]!;
  unwrap(await engine.call('action.update', { incidentId: login, actionId: open.id, status: 'done' }));
  await expect(item(page, login).getByTestId('marker-actions-overdue')).toHaveCount(0);
  await engine.close();
});
