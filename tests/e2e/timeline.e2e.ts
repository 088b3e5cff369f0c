import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { logEntry, waitUntilLive } from './ui';

const ENTRIES = 3_000;
const BATCH = 200;

test('a long timeline is virtualized, starts at the newest entry, and follows new ones', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = unwrap(await engine.call('incident.declare', { title: 'Long-running degradation', severity: 'SEV3' }));
  // In batches: the host refuses more than a few hundred unanswered requests per connection.
  for (let start = 1; start <= ENTRIES; start += BATCH) {
    const batch = [];
    for (let i = start; i < start + BATCH && i <= ENTRIES; i++) {
      batch.push(engine.call('timeline.log', { incidentId: incident.id, text: `Seeded entry ${i}` }));
    }
    for (const result of await Promise.all(batch)) unwrap(result);
  }
  await engine.close();

  await page.goto(`${host.url}#/incident/${incident.id}`);
  await waitUntilLive(page);
  const rows = page.getByTestId('timeline-entry');
  await expect(rows.filter({ hasText: `Seeded entry ${ENTRIES}` })).toBeVisible();
  expect(await rows.count(), 'only the rows in view are in the page').toBeLessThan(100);

  await logEntry(page, 'Newest line follows the bottom');
  await expect(rows.filter({ hasText: 'Newest line follows the bottom' })).toBeInViewport();

  await page.getByRole('log', { name: 'Timeline entries' }).evaluate((el) => (el.scrollTop = 0));
  await expect(rows.filter({ hasText: 'Incident declared' })).toBeVisible();
});
