import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { RESPONDERS_FILE, RESPONDERS_PRIVATE_LINE } from '../../shared/metrics/responders-file';
import { unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { DAY, HOUR, MINUTE, movableClock, type MovableClock } from './review-seed';
import { shoot } from './screens';
import { waitUntilLive } from './ui';

test.describe.configure({ timeout: 120_000 });

// 02:00 UTC two days ago: Dana (09:00–17:00 UTC in the roster) is IC for two hours and hands
// over to Alex (no working hours set), who stays until it resolves an hour later.
const T0 = Math.floor((Date.now() - 2 * DAY) / DAY) * DAY + 2 * HOUR;

async function seedNight(clock: MovableClock): Promise<string> {
  const { engine } = clock;
  unwrap(await engine.call('roster.save', { name: 'Dana', workingHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00' } }));
  unwrap(await engine.call('roster.save', { name: 'Alex' }));
  await clock.set(T0);
  const { id } = unwrap(await engine.call('incident.declare', { title: 'Checkout returning 502s', severity: 'SEV2' }));
  unwrap(await engine.call('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana' }));
  unwrap(await engine.call('role.assign', { incidentId: id, role: 'technical-lead', name: 'Alex' }));
  await clock.set(T0 + 2 * HOUR);
  unwrap(await engine.call('role.handoff', { incidentId: id, role: 'incident-commander', name: 'Alex', briefing: { situation: 'Rolled back; watching' } }));
  await clock.set(T0 + 3 * HOUR);
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'resolved' }));
  await clock.set(T0 + 3 * HOUR + 5 * MINUTE);
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false }));
  await clock.reset();
  return id;
}

async function exportBundle(page: Page): Promise<Record<string, Uint8Array>> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const download = await downloading;
  await expect(page.getByTestId('export-result')).toBeVisible();
  return unzipSync(new Uint8Array(await readFile(await download.path())));
}

test("responder hours in a bundle only when asked: the box appears where the leads turned the figures on, unticked, and is never remembered", async ({ page, host }) => {
  const clock = await movableClock(host);
  const id = await seedNight(clock);
  const postmortem = `${clock.url}#/incident/${id}/postmortem`;
  await page.goto(postmortem);
  await waitUntilLive(page);
  await expect(page.getByTestId('postmortem-view')).toBeVisible();
  const box = page.getByTestId('export-responder-toll');
  await expect(box).toHaveCount(0);

  // Turned on by a lead in Settings → Roster: the box is offered, and unticked.
  await page.goto(`${clock.url}#/settings/roster`);
  await waitUntilLive(page);
  await page.getByTestId('responder-toll-switch').click();
  await expect(page.getByTestId('responder-toll-switch')).toBeChecked();
  await expect(page.getByTestId('settings-section-roster')).toContainText('not in exports unless you ask');
  await page.goto(postmortem);
  await waitUntilLive(page);
  await expect(box).toBeVisible();
  await expect(box).not.toBeChecked();
  await expect(page.getByText('Include responder hours (private, for leads)')).toBeVisible();

  await box.check();
  await shoot(page, 'postmortem-export-responder-hours');
  const files = await exportBundle(page);
  await expect(page.getByTestId('export-contents')).toContainText(RESPONDERS_FILE);
  const md = strFromU8(files[RESPONDERS_FILE]!);
  expect(md.split('\n')[0]).toBe(RESPONDERS_PRIVATE_LINE);
  expect(md).toContain('| Alex | 3 h | not set | 3 h, ended without a handoff |');
  expect(md).toContain('| Dana | 2 h | 2 h | 2 h, ended by a handoff |');
  expect(md).toContain('- Dana: 2 h on incident, 2 h outside working hours — plan recovery');
  expect(JSON.parse(strFromU8(files['manifest.json']!)).responders).toEqual({ path: RESPONDERS_FILE, private: true, derived: true });

  // Not remembered: the next export is the plain bundle.
  await expect(box).not.toBeChecked();
  const plain = await exportBundle(page);
  expect(Object.keys(plain).filter((name) => /private|respond/i.test(name))).toEqual([]);
  expect(strFromU8(plain['manifest.json']!)).not.toMatch(/respond|private/i);

  // Metrics → Responders: the CSV only on a click, its button saying whose it is.
  await page.getByTestId('nav-metrics').click();
  await page.getByTestId('metrics-tab-responders').click();
  await expect(page.getByTestId('responders-view')).toContainText('not in exports unless you ask');
  const csvButton = page.getByTestId('card-responder-people-csv');
  await expect(csvButton).toHaveText('Download CSV (private)');
  for (const card of ['responder-hours', 'responder-recovery']) await expect(page.getByTestId(`card-${card}-csv`)).toHaveText('Download CSV (private)');
  const downloading = page.waitForEvent('download');
  await csvButton.click();
  const csv = (await readFile(await (await downloading).path(), 'utf8')).trim().split('\r\n');
  expect(csv).toEqual(['person,hours_on_incidents,hours_outside_working_hours,incidents,long_stretches', 'Alex,3,,1,0', 'Dana,2,2,1,0']);
  await shoot(page, 'metrics-responders-private-csv');
  await clock.close();
});
