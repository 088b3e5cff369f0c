import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { connectEngine, unwrap } from './engine-client';
import { expect, test, type Host } from './fixtures';
import { waitUntilLive } from './ui';

async function seedIncident(host: Host): Promise<{ id: string; journal: string }> {
  const engine = await connectEngine(host);
  const incident = unwrap(await engine.call('incident.declare', { title: 'Disk filling on db-7', severity: 'SEV2' }));
  for (const text of ['First line', 'Second line', 'Third line']) {
    unwrap(await engine.call('timeline.log', { incidentId: incident.id, text }));
  }
  await engine.close();
  return { id: incident.id, journal: path.join(host.dataDir, 'incidents', incident.id, 'journal.jsonl') };
}

test('a damaged journal is reported, and Recover lets the scribe write again', async ({ page, host }) => {
  const { id, journal } = await seedIncident(host);
  await host.stop();
  // A flipped character inside a record in the middle: its checksum no longer matches.
  const text = await readFile(journal, 'utf8');
  expect(text).toContain('First line');
  await writeFile(journal, text.replace('First line', 'Fir5t line'));

  const url = await host.start();
  await page.goto(`${url}#/incident/${id}`);
  await waitUntilLive(page);
  const banner = page.getByTestId('integrity-banner');
  await expect(banner).toContainText(/damaged/i);
  await expect(page.getByTestId('incident-list-item').first().locator('.integrity-corrupt')).toBeVisible();

  await page.getByTestId('recover-button').click();
  await expect(banner).toContainText(/repaired/i);
  await expect(page.getByTestId('recover-button')).toHaveCount(0);
  const input = page.getByTestId('entry-input');
  await input.fill('Writing again after recovery');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Writing again after recovery' })).toBeVisible();
});

test('a torn last line is repaired on open and said so', async ({ page, host }) => {
  const { id, journal } = await seedIncident(host);
  await host.stop();
  await appendFile(journal, '{"crc":"0000","event":{"id":"torn');

  const url = await host.start();
  await page.goto(`${url}#/incident/${id}`);
  await waitUntilLive(page);
  await expect(page.getByTestId('integrity-banner')).toContainText(/repaired/i);
  await expect(page.getByTestId('recover-button')).toHaveCount(0);
  for (const line of ['First line', 'Second line', 'Third line']) {
    await expect(page.getByTestId('timeline-entry').filter({ hasText: line })).toBeVisible();
  }
});
