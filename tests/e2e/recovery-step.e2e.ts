import { unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { DAY, HOUR, movableClock } from './review-seed';
import { shoot } from './screens';
import { waitUntilLive } from './ui';

// "The review cycle starts with responder recovery": on a lead's console, a closed SEV2 worked at
// night shows who needs rest as a next step, and its button opens Metrics → Responders.

test.describe.configure({ timeout: 120_000 });

test('after a night SEV2 closes, the lead is told to plan recovery, and the step opens the responders', async ({ page, host }) => {
  const clock = await movableClock(host);
  // 02:00 UTC the day before yesterday: Dana (09:00–17:00 UTC) is IC for two hours of night.
  const t0 = Math.floor((Date.now() - 2 * DAY) / DAY) * DAY + 2 * HOUR;
  const { engine } = clock;
  await clock.set(t0);
  const incident = unwrap(await engine.call('incident.declare', { title: 'Card payments declined', severity: 'SEV2' }));
  unwrap(await engine.call('role.assign', { incidentId: incident.id, role: 'incident-commander', name: 'Dana' }));
  await clock.set(t0 + 2 * HOUR);
  unwrap(await engine.call('incident.setStatus', { incidentId: incident.id, status: 'resolved', reason: 'provider fixed' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: incident.id, status: 'closed', reason: 'done', reviewNeeded: true }));
  await clock.reset();
  unwrap(await engine.call('roster.save', { name: 'Dana', contact: '', workingHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00' } }));

  await page.goto(`${clock.url}#/incident/${incident.id}`);
  await waitUntilLive(page);
  await expect(page.getByTestId('incident-title')).toHaveText('Card payments declined');
  const steps = page.getByTestId('next-steps');
  await expect(steps, 'off by default: no figures about people').not.toContainText('Plan recovery');

  // Settings are read on opening, not pushed: the lead turns the figures on, then comes back.
  unwrap(await engine.call('settings.update', { showResponderToll: true }));
  await page.reload();
  await waitUntilLive(page);
  await expect(steps).toContainText('Plan recovery for one responder');
  await expect(steps).toContainText(/Dana: 2 h( 0\d)? on incident, 2 h( 0\d)? outside working hours — plan recovery/);
  await shoot(page, 'next-steps-recovery');
  await steps.getByRole('button', { name: /See the responders/ }).click();
  await expect(page.getByTestId('responders-view')).toBeVisible();
  await expect(page.getByTestId('metrics-tab-responders')).toHaveAttribute('aria-selected', 'true');
  await clock.close();
});
