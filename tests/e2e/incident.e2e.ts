import { expect, test } from './fixtures';
import { declareIncident, logEntry, waitUntilLive } from './ui';

const TITLE = 'Checkout API returning 502s for EU customers';
const NOTES = [
  'Grafana: 5xx on checkout-api eu-west-1 at 38%',
  'Deploy 2026.11.22-3 went out six minutes before the spike',
  'Rolling back eu-west-1 to 2026.11.22-2',
];

test('declares an incident, logs notes, and finds them all after the host restarts', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await expect(page, 'no secret in the address bar').not.toHaveURL(/token=|launch=/);

  await declareIncident(page, TITLE, 'SEV1', 'EU checkout failing since 02:41 UTC');
  await expect(page.getByTestId('entry-input'), 'the scribe can type at once').toBeFocused();
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await expect(page.getByTestId('incident-status')).toHaveText(/investigating/i);
  await expect(page.getByTestId('incident-list-item')).toHaveCount(1);
  await expect(page.getByTestId('incident-list-item')).toContainText(TITLE);

  for (const note of NOTES) await logEntry(page, note);
  // The engine adds its own lines (policies, escalation); compare before and after, not a fixed number.
  const before = await page.getByTestId('timeline-entry').allInnerTexts();

  const nextUrl = await host.restart();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');

  await page.goto(nextUrl);
  await waitUntilLive(page);
  await page.getByTestId('incident-list-item').filter({ hasText: TITLE }).click();
  await expect(page.getByTestId('incident-title')).toHaveText(TITLE);
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  const entries = page.getByTestId('timeline-entry');
  await expect(entries).toHaveCount(before.length);
  await expect(entries.first()).toContainText('Incident declared');
  const after = await entries.allInnerTexts();
  expect(after).toEqual(before);
  const positions = NOTES.map((note) => after.findIndex((text) => text.includes(note)));
  expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!)), 'notes in the order logged').toBe(true);
});

test('a refused declaration keeps everything typed and shows why', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await page.getByTestId('declare-button').click();
  const dialog = page.getByTestId('declare-dialog');
  await dialog.getByLabel('SEV2').check();
  await page.getByTestId('declare-summary').fill('Search latency p99 above 4 s');
  await page.getByTestId('declare-title').fill('   ');
  await page.getByTestId('declare-submit').click();

  await expect(page.getByTestId('declare-error')).toContainText(/title/i);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('declare-summary')).toHaveValue('Search latency p99 above 4 s');
  await expect(dialog.getByLabel('SEV2')).toBeChecked();

  await page.getByTestId('declare-title').fill('Search is slow');
  await page.getByTestId('declare-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('incident-title')).toHaveText('Search is slow');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV2');
});

test('a refused entry stays in the box with the reason', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Queue backlog growing', 'SEV3');
  const input = page.getByTestId('entry-input');
  // Over-long text cannot be typed any more (see limits.e2e.ts); an over-long @name still reaches the engine.
  const tooLong = `@${'x'.repeat(121)} paged`;
  await input.fill(tooLong);
  await input.press('Enter');
  await expect(page.getByTestId('entry-error'), 'in plain words, without the contract path').toHaveText('Attribution is longer than 120 characters.');
  await expect(input).toHaveValue(tooLong);
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'xxxxxxxxxx' })).toHaveCount(0);
});

test('when the host goes away the page says so and keeps the last known state', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Cache cluster evictions spiking', 'SEV3');
  await logEntry(page, 'Eviction rate 40k/s on cache-eu-2');

  await host.stop();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('connection-lost')).toBeVisible();
  await expect(page.getByTestId('incident-title')).toHaveText('Cache cluster evictions spiking');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Eviction rate 40k/s' })).toBeVisible();
});
