import { connectEngine, type EngineTarget, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { declareIncident, logEntry, waitUntilLive } from './ui';
import { entryRow, seedSettings, submitDialog } from './war-room-ui';

// Issue 10, point 6: who "you" are. A console nobody has said they sit at asks; every change
// is signed by the person at the keyboard; approving as IC takes the IC, or an override on the record.

async function engineSettings(target: EngineTarget) {
  const engine = await connectEngine(target);
  const settings = unwrap(await engine.call('settings.get', {}));
  await engine.close();
  return settings;
}

test.describe('first start', () => {
  test.use({ operator: null, timezoneId: 'Europe/Berlin' });

  test('asks who you are; writes meanwhile are signed "Unknown operator"; a roster name is picked in a few keys', async ({ page, host }) => {
    await seedSettings(host);
    await page.goto(host.url);
    await waitUntilLive(page);
    const prompt = page.getByTestId('identity-dialog');
    await expect(prompt).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(prompt, 'Escape does not skip it silently').toBeVisible();

    // Another window writes before anyone answers: accepted, and signed as nobody in particular.
    const engine = await connectEngine(host);
    const incident = unwrap(await engine.call('incident.declare', { title: 'Checkout API returning 502s for EU customers', severity: 'SEV1' }));
    unwrap(await engine.call('timeline.log', { incidentId: incident.id, text: 'Typed before anyone said who they are' }));
    const before = unwrap(await engine.call('incident.get', { incidentId: incident.id }));
    // "Command Post" signs what the engine does by itself (the escalation's first page).
    const people = before.timeline.map((e) => e.actor).filter((actor) => actor !== 'Command Post');
    expect(new Set(people)).toEqual(new Set(['Unknown operator']));
    await engine.close();

    // Three key actions: the name field has the focus, typing narrows the roster, Enter picks.
    await expect(page.getByTestId('identity-name')).toBeFocused();
    await page.keyboard.type('dana');
    await expect(page.getByTestId('identity-option').first()).toContainText('Dana Whitfield');
    await page.keyboard.press('Enter');
    await expect(prompt).toBeHidden();
    expect(await engineSettings(host)).toMatchObject({
      operatorName: 'Dana Whitfield',
      operatorContact: '+1 415 555 0142 · @dana',
      operatorTimeZone: 'Europe/Berlin',
    });

    await page.getByTestId('incident-list-item').first().click();
    await expect(page.getByTestId('operator-badge')).toHaveText(/You\s*Dana Whitfield/);
    await logEntry(page, 'Signed by the person at the keyboard');
    await expect(entryRow(page, 'Signed by the person at the keyboard')).toContainText('Dana Whitfield');
  });

  test('"Not now" is a deliberate choice: changes are signed "Unknown operator" and the prompt stays in view', async ({ page, host }) => {
    await page.goto(host.url);
    await waitUntilLive(page);
    await page.getByTestId('identity-later').click();
    await expect(page.getByTestId('identity-dialog')).toBeHidden();
    const bar = page.getByTestId('unknown-operator-bar');
    await expect(bar).toContainText('Unknown operator');
    await bar.getByRole('button', { name: 'Say who you are' }).click();
    await expect(page.getByTestId('identity-dialog')).toBeVisible();
  });
});

test('a shared console switches operator in one action, from the header or the palette; a new name joins the roster', async ({ page, host }) => {
  await seedSettings(host, { operatorName: 'Dana Whitfield' });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');
  await expect(page.getByTestId('operator-badge')).toHaveText(/You\s*Dana Whitfield/);

  await page.getByTestId('switch-operator').click();
  const prompt = page.getByTestId('identity-dialog');
  await expect(prompt).toBeVisible();
  await page.keyboard.type('Kim Novak');
  await expect(page.getByTestId('identity-option').first()).toContainText('New: Kim Novak');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('identity-contact')).toBeFocused();
  await page.keyboard.type('@kim · +1 206 555 0110');
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('operator-badge')).toHaveText(/You\s*Kim Novak/);
  const settings = await engineSettings(host);
  expect(settings).toMatchObject({ operatorName: 'Kim Novak', operatorContact: '@kim · +1 206 555 0110' });
  expect(settings.roster.find((p) => p.name === 'Kim Novak')).toMatchObject({ contact: '@kim · +1 206 555 0110' });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('switch operator');
  await expect(page.getByTestId('palette-option').first()).toHaveText(/^Switch operator/);
  await page.keyboard.press('Enter');
  await expect(prompt).toBeVisible();
  await page.keyboard.type('sam');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator-badge')).toHaveText(/You\s*Sam Okafor/);
  await logEntry(page, 'Scribe took the keyboard');
  await expect(entryRow(page, 'Scribe took the keyboard')).toContainText('Sam Okafor');
});

test('the IC approves; anyone else only with an override on the record; after a handoff the new IC approves', async ({ page, host }) => {
  await seedSettings(host, { operatorName: 'Dana Whitfield' });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1');
  await expect(page.getByTestId('role-incident-commander').getByTestId('role-holder')).toHaveText('Dana Whitfield');

  await page.getByTestId('draft-external').click();
  const dialog = page.getByTestId('draft-dialog');
  await dialog.getByTestId('draft-approve').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('Approved');
  await expect(entryRow(page, 'External update draft approved as IC by Dana Whitfield')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Dana hands the IC role to Marcus; she is still at this console.
  await page.getByTestId('role-incident-commander').getByTestId('handoff-button').click();
  const handoff = page.getByTestId('handoff-dialog');
  await handoff.getByTestId('roster-person').filter({ hasText: 'Marcus Lee' }).click();
  await handoff.getByTestId('briefing-situation').fill('EU checkout failing at 38%');
  await submitDialog(page, 'handoff-dialog');
  await expect(page.getByTestId('role-incident-commander').getByTestId('role-holder')).toHaveText('Marcus Lee');

  await page.getByTestId('draft-external').click();
  await page.getByTestId('draft-body').press('Control+End');
  await page.getByTestId('draft-body').pressSequentially(' Next update in 20 minutes.');
  await expect(dialog.getByTestId('approval-state')).toContainText('Marcus Lee is the IC');
  await dialog.getByTestId('draft-approve').click();
  const reason = dialog.getByTestId('approve-override-reason');
  await expect(reason).toBeFocused();
  await expect(dialog.getByTestId('draft-approve-override')).toBeDisabled();
  await reason.fill('Marcus is on the bridge with the CTO; he asked me to post');
  await dialog.getByTestId('draft-approve-override').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('Approved');
  await expect(
    entryRow(page, 'External update draft approved as IC by Dana Whitfield (not the IC: Marcus is on the bridge with the CTO; he asked me to post)'),
  ).toHaveCount(1);

  // Marcus takes the keyboard: the IC approves plainly.
  await page.getByTestId('draft-body').pressSequentially(' Thank you for your patience.');
  await page.keyboard.press('Escape');
  await page.getByTestId('switch-operator').click();
  await page.keyboard.type('marcus');
  await page.keyboard.press('Enter');
  await page.getByTestId('draft-external').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('approve again');
  await dialog.getByTestId('draft-approve').click();
  await expect(entryRow(page, 'External update draft approved as IC by Marcus Lee')).toHaveCount(1);
  await dialog.getByTestId('draft-send').click();
  await expect(dialog).toBeHidden();
});
