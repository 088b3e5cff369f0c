import { mkdir } from 'node:fs/promises';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { waitUntilLive } from './ui';
import { entryRow, seedSettings } from './war-room-ui';

// Saves the identity screens to test-results/screens/identity-*.png for people to look at: the
// first-start prompt, the header naming "you", and an approval made with an override.



test.describe('first start', () => {
  test.use({ operator: null, timezoneId: 'Europe/Berlin' });

  test('screen: who is at this console?', async ({ page, host }) => {
    await mkdir(SCREENS, { recursive: true });
    await seedSettings(host);
    await page.goto(host.url);
    await waitUntilLive(page);
    await expect(page.getByTestId('identity-dialog')).toBeVisible();
    await shoot(page, 'identity-first-start');
    await page.keyboard.type('da');
    await shoot(page, 'identity-first-start-typed');
  });
});

test('screens: "you" in the header, and an approval with an override', async ({ page, host }) => {
  test.setTimeout(120_000);
  await mkdir(SCREENS, { recursive: true });
  await seedSettings(host, { operatorName: 'Sam Okafor', operatorContact: '+44 20 7946 0420 · @sam', operatorTimeZone: 'Europe/London' });
  const engine = await connectEngine(host);
  const incident = unwrap(
    await engine.call('incident.declare', {
      title: 'Checkout API returning 502s for EU customers',
      severity: 'SEV1',
      summary: 'EU checkout failing at 38% since the 2026.11.22-3 deploy.',
    }),
  );
  const id = incident.id;
  unwrap(await engine.call('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Whitfield', contact: '+1 415 555 0142 · @dana' }));
  unwrap(await engine.call('role.assign', { incidentId: id, role: 'scribe', name: 'Sam Okafor', contact: '+44 20 7946 0420 · @sam' }));
  unwrap(await engine.call('escalation.acknowledge', { incidentId: id, by: 'Dana Whitfield' }));
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'decision', text: 'Roll back 2026.11.22-3 in eu-west-1 first', attribution: 'incident-commander' }));
  await engine.close();

  await page.goto(host.url);
  await waitUntilLive(page);
  await page.getByTestId('incident-list-item').first().click();
  await expect(page.getByTestId('operator-badge')).toHaveText(/You\s*Sam Okafor/);
  await shoot(page, 'identity-header');

  await page.getByTestId('draft-external').click();
  const dialog = page.getByTestId('draft-dialog');
  await expect(dialog.getByTestId('approval-state')).toContainText('Dana Whitfield is the IC');
  await dialog.getByTestId('draft-approve').click();
  await dialog.getByTestId('approve-override-reason').fill('Dana is on the bridge with the CTO and asked me to post');
  await shoot(page, 'identity-approve-override');
  await dialog.getByTestId('draft-approve-override').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('Approved');
  await shoot(page, 'identity-approved-override');
  await page.keyboard.press('Escape');
  await expect(entryRow(page, 'approved as IC by Sam Okafor (not the IC: Dana is on the bridge')).toBeVisible();
  await shoot(page, 'identity-override-on-timeline');
});
