import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { longLog, paste } from './paste';
import { declareIncident, waitUntilLive } from './ui';
import { incidentIdOnScreen } from './war-room-ui';

// Limits are shown while typing, in plain words, and a long paste is never cut.

const n = (x: number) => x.toLocaleString('en-US');

test('the scribe box counts near the limit, stops typing at it, and offers to log a 50 KB paste in parts', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');
  const input = page.getByTestId('entry-input');
  const counter = page.getByTestId('entry-box').getByTestId('length-counter');

  await input.fill('x'.repeat(7_000));
  await expect(counter).toHaveCount(0);
  await input.fill('x'.repeat(8_500));
  await expect(counter).toHaveText(`${n(8_500)} / ${n(10_000)}`);

  await input.fill('x'.repeat(10_000));
  await input.press('End');
  await page.keyboard.type('yz');
  await expect(input).toHaveValue('x'.repeat(10_000));
  const limit = page.getByTestId('entry-limit');
  await expect(limit).toHaveText(/^An entry holds at most 10,000 characters/);
  await expect(page.getByText(/timeline\.log|text:/)).toHaveCount(0);

  // A log pasted after a prefix: kept whole, offered as parts, logged in order.
  const log = longLog();
  await input.fill('/f ');
  await input.press('End');
  await paste(page, log);
  // A long paste waits as a snippet file; put back as text, it is offered in parts.
  await expect(page.getByTestId('pending-attachment')).toContainText(/^snippet-\d{4}\.log/);
  await expect(input).toHaveValue('/f ');
  await page.getByTestId('pending-as-text').click();
  const offer = page.getByTestId('entry-split');
  await expect(offer).toContainText(`${n(log.length)} characters`);
  await expect(offer).toContainText('Log as 6 entries');
  await expect(input, 'nothing is cut from the paste').toHaveValue(`/f ${log}`);
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');

  const engine = await connectEngine(host);
  const state = unwrap(await engine.call('incident.get', { incidentId: await incidentIdOnScreen(page) }));
  await engine.close();
  const parts = state.timeline.filter((e) => e.text.includes('pool exhausted'));
  expect(parts.map((e) => e.text.match(/^\(part (\d)\/6\) /)?.[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  expect(parts.every((e) => e.kind === 'finding')).toBe(true);
  expect(parts.map((e) => e.text.replace(/^\(part \d\/6\) /, '')).join('\n')).toBe(log);
});

test('dialog fields count near the limit and refuse a paste past it in plain words', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search latency p99 above 4 s', 'SEV3');

  await page.getByTestId('open-workstream').click();
  const dialog = page.getByTestId('workstream-open-dialog');
  const title = page.getByTestId('workstream-title');
  await title.fill('t'.repeat(170));
  await expect(dialog.getByTestId('length-counter')).toHaveText(`170 / 200`);

  await title.press('End');
  await paste(page, 'p'.repeat(500));
  await expect(title, 'nothing was pasted, nothing was cut').toHaveValue('t'.repeat(170));
  await expect(dialog.getByTestId('field-limit')).toHaveText(`Title holds at most 200 characters; with the pasted text it would be 670. Nothing was pasted.`);

  await title.fill('t'.repeat(200));
  await title.press('End');
  await page.keyboard.type('z');
  await expect(title).toHaveValue('t'.repeat(200));
  await expect(dialog.getByTestId('field-limit')).toHaveText('Title holds at most 200 characters.');

  const next = page.getByTestId('workstream-next');
  await next.fill('n'.repeat(4_100));
  await expect(dialog.getByTestId('length-counter').last()).toHaveText(`${n(4_100)} / ${n(5_000)}`);
});
