import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { connectEngine, unwrap, type EngineTarget } from './engine-client';
import { expect, test } from './fixtures';
import { waitUntilLive } from './ui';

async function openSettings(page: Page, url: string, section: string): Promise<void> {
  await page.goto(`${url}#/settings/${section}`);
  await waitUntilLive(page);
  await expect(page.getByTestId(`settings-section-${section}`)).toBeVisible();
}

async function engineSettings(target: EngineTarget) {
  const engine = await connectEngine(target);
  try {
    return unwrap(await engine.call('settings.get', {}));
  } finally {
    await engine.close();
  }
}

test('adds, edits and removes roster people, and the roster survives a host restart', async ({ page, host }) => {
  await openSettings(page, host.url, 'roster');
  await expect(page.getByTestId('roster-empty')).toBeVisible();

  const add = async (name: string, contact: string, roles: string[]) => {
    await page.getByTestId('person-add').click();
    await expect(page.getByTestId('person-name'), 'the editor opens with the caret in the name').toBeFocused();
    await page.getByTestId('person-name').fill(name);
    await page.getByTestId('person-contact').fill(contact);
    for (const role of roles) await page.getByTestId(`person-role-${role}`).check();
    await page.getByTestId('person-save').click();
    await expect(page.getByTestId('person-editor')).toBeHidden();
    await expect(page.getByTestId('roster-person').filter({ hasText: name })).toBeVisible();
  };
  await add('Dana Whitfield', '+1 415 555 0100', ['incident-commander']);
  await add('Priya Raman', '@priya', ['technical-lead', 'scribe']);
  await add('Sam Okafor', 'pager 4411', ['communications-lead']);
  await expect(page.getByTestId('roster-person')).toHaveCount(3);

  // A second person with the same name is refused with the engine's words, and nothing typed is lost.
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill('dana whitfield');
  await page.getByTestId('person-contact').fill('typed and kept');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-editor').getByTestId('field-error')).toContainText('already on the roster');
  await expect(page.getByTestId('person-contact')).toHaveValue('typed and kept');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Edit: Priya's contact and roles.
  const priya = page.getByTestId('roster-person').filter({ hasText: 'Priya Raman' });
  await priya.getByTestId('person-edit').click();
  await expect(page.getByTestId('person-name')).toHaveValue('Priya Raman');
  await page.getByTestId('person-contact').fill('+44 20 7946 0000');
  await page.getByTestId('person-role-scribe').uncheck();
  await page.getByTestId('person-role-incident-commander').check();
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-editor')).toBeHidden();
  await expect(priya).toContainText('+44 20 7946 0000');
  await expect(priya).not.toContainText('Scribe');

  // Remove: two steps.
  const sam = page.getByTestId('roster-person').filter({ hasText: 'Sam Okafor' });
  await sam.getByTestId('person-remove').click();
  await expect(sam.getByTestId('person-remove-confirm')).toBeFocused();
  await sam.getByTestId('person-remove-confirm').click();
  await expect(page.getByTestId('roster-person')).toHaveCount(2);
  await expect(page.getByTestId('roster-notice')).toContainText('Sam Okafor removed');

  const url = await host.restart();
  const saved = await engineSettings(host);
  expect(saved.roster.map((p) => p.name).sort()).toEqual(['Dana Whitfield', 'Priya Raman']);
  const savedPriya = saved.roster.find((p) => p.name === 'Priya Raman')!;
  expect(savedPriya.contact).toBe('+44 20 7946 0000');
  expect(savedPriya.usualRoles).toEqual(['incident-commander', 'technical-lead']);

  await openSettings(page, url, 'roster');
  await expect(page.getByTestId('roster-person-name')).toHaveText(['Dana Whitfield', 'Priya Raman']);
  await expect(page.getByTestId('settings-nav-roster')).toContainText('2 people');
});

test('saves required roles, the shift limit and the cadence policy', async ({ page, host }) => {
  await openSettings(page, host.url, 'roles');
  await expect(page.getByTestId('required-SEV1-scribe')).toBeChecked();
  await expect(page.getByTestId('required-SEV3-technical-lead')).not.toBeChecked();
  await expect(page.getByTestId('shift-limit')).toHaveValue('4');

  await page.getByTestId('required-SEV3-technical-lead').check();
  await page.getByTestId('required-SEV4-incident-commander').check();
  await page.getByTestId('required-SEV2-scribe').uncheck();
  await page.getByTestId('shift-limit').fill('6');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  await expect(page.getByTestId('settings-nav-roles').locator('.dot-dirty')).toBeVisible();
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');

  let saved = await engineSettings(host);
  expect(saved.requiredRoles.SEV3).toEqual(['incident-commander', 'technical-lead']);
  expect(saved.requiredRoles.SEV4).toEqual(['incident-commander']);
  expect(saved.requiredRoles.SEV2).toEqual(['incident-commander', 'technical-lead', 'communications-lead']);
  expect(saved.shiftLimitHours).toBe(6);

  await page.getByTestId('settings-nav-cadence').click();
  await expect(page.getByTestId('settings-section-cadence')).toBeVisible();
  await expect(page.getByTestId('cadence-note')).toContainText('declared from now on');
  await expect(page.getByTestId('cadence-SEV1-internalMinutes')).toHaveValue('15');
  await expect(page.getByTestId('cadence-SEV1-firstExternalMinutes')).toHaveValue('5');
  const none = page.getByTestId('cadence-SEV3-externalMinutes');
  await expect(none).toHaveValue('');
  await expect(none).toHaveAttribute('placeholder', 'none');

  await page.getByTestId('cadence-SEV2-externalMinutes').fill('45');
  await page.getByTestId('cadence-SEV1-firstExternalMinutes').fill('');
  await page.getByTestId('cadence-SEV4-internalMinutes').fill('0.05');
  await expect(page.getByTestId('cadence-table')).toContainText('every 3 s');
  // Ctrl+S saves from the keyboard.
  await page.getByTestId('cadence-SEV4-internalMinutes').press('Control+s');
  await expect(page.getByTestId('save-status')).toContainText('Saved at');

  saved = await engineSettings(host);
  expect(saved.cadence.SEV2).toEqual({ internalMinutes: 30, externalMinutes: 45, firstExternalMinutes: null });
  expect(saved.cadence.SEV1.firstExternalMinutes).toBeNull();
  expect(saved.cadence.SEV4.internalMinutes).toBe(0.05);
});

test('a refused value shows the engine’s message beside its field and keeps what was typed', async ({ page, host }) => {
  await openSettings(page, host.url, 'roles');
  await page.getByTestId('required-SEV4-scribe').check();
  await page.getByTestId('shift-limit').fill('0');
  await page.getByTestId('save-section').click();

  const error = page.locator('[data-testid="field-error"][data-path="shiftLimitHours"]');
  await expect(error).toHaveText('Shift limit is under half an hour');
  await expect(page.getByTestId('shift-limit')).toHaveValue('0');
  await expect(page.getByTestId('shift-limit')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('required-SEV4-scribe')).toBeChecked();
  await expect(page.getByTestId('save-status')).toContainText('Not saved');
  expect((await engineSettings(host)).shiftLimitHours, 'nothing was saved').toBe(4);

  // Leaving the section and coming back loses nothing.
  await page.getByTestId('settings-nav-cadence').click();
  await page.getByTestId('cadence-SEV1-internalMinutes').fill('0.01');
  await page.getByTestId('cadence-SEV2-internalMinutes').fill('soon');
  await page.getByTestId('save-section').click();
  await expect(page.locator('[data-path="cadence.SEV2.internalMinutes"]')).toHaveText('"soon" is not a number');
  await page.getByTestId('cadence-SEV2-internalMinutes').fill('30');
  await page.getByTestId('save-section').click();
  await expect(page.locator('[data-path="cadence.SEV1.internalMinutes"]')).toHaveText('At least 3 seconds');
  await expect(page.getByTestId('cadence-SEV1-internalMinutes')).toHaveValue('0.01');

  await page.getByTestId('settings-nav-roles').click();
  await expect(page.getByTestId('shift-limit')).toHaveValue('0');
  await expect(error).toHaveText('Shift limit is under half an hour');
  await page.getByTestId('shift-limit').fill('3.5');
  await expect(error, 'fixing the field clears its message').toBeHidden();
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  const saved = await engineSettings(host);
  expect(saved.shiftLimitHours).toBe(3.5);
  expect(saved.requiredRoles.SEV4).toEqual(['scribe']);

  // An operator name can be cleared again (the end of a shift): changes are then signed
  // "Unknown operator", never the computer's account, and the bar asks who is at the console.
  await page.getByTestId('settings-nav-operator').click();
  await page.getByTestId('operator-name').fill('Dana Whitfield');
  await page.getByTestId('operator-name').press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  expect((await engineSettings(host)).operatorName).toBe('Dana Whitfield');
  await page.getByTestId('operator-name').fill('   ');
  await page.getByTestId('operator-name').press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  expect((await engineSettings(host)).operatorName).toBe('');
  await expect(page.getByTestId('unknown-operator-bar')).toContainText('Unknown operator');
});

test('a broken template shows its problems inline, saves as typed, and resets to the default', async ({ page, host }) => {
  await openSettings(page, host.url, 'templates');
  await page.getByTestId('template-tab-external').click();
  await expect(page.getByTestId('template-ok')).toBeVisible();
  await expect(page.getByTestId('approval-external')).toBeChecked();
  await expect(page.getByTestId('approval-internal')).toHaveCount(0);

  const input = page.getByTestId('template-input');
  await input.fill('Update on {{title}}\nNow: {{statuss}}\nNext by {{nextUpdate');
  const problems = page.getByTestId('template-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveAttribute('data-line', '2');
  await expect(problems.nth(0)).toContainText('Unknown placeholder {{statuss}} on line 2');
  await expect(problems.nth(1)).toHaveAttribute('data-line', '3');
  await expect(problems.nth(1)).toContainText('Malformed placeholder on line 3');
  await expect(page.locator('.gutter-line.is-bad')).toHaveText(['2', '3']);
  await expect(page.getByTestId('template-preview')).toContainText('Update on Checkout API returning 502s');
  await expect(page.getByTestId('template-preview').locator('mark')).toHaveText(['{{statuss}}', '{{nextUpdate']);

  // A placeholder goes in at the caret.
  await input.focus();
  await input.press('Control+End');
  await input.pressSequentially('}}');
  await input.press('Enter');
  await page.getByRole('button', { name: 'Insert {{commander}}' }).click();
  await expect(input).toHaveValue('Update on {{title}}\nNow: {{statuss}}\nNext by {{nextUpdate}}\n{{commander}}');
  await expect(input).toBeFocused();
  await expect(problems).toHaveCount(1);

  await page.getByTestId('approval-external').uncheck();
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  let saved = await engineSettings(host);
  expect(saved.templates.external).toBe('Update on {{title}}\nNow: {{statuss}}\nNext by {{nextUpdate}}\n{{commander}}');
  expect(saved.approvalRequired.external).toBe(false);
  await expect(page.getByTestId('settings-nav-templates').locator('.badge')).toHaveText('1');

  await page.getByTestId('template-reset').click();
  await expect(page.getByTestId('template-ok')).toBeVisible();
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  saved = await engineSettings(host);
  expect(saved.templates.external).toContain('{{publicMessage}}');
  await expect(page.getByTestId('settings-nav-templates').locator('.badge')).toHaveCount(0);
});

test('escalation tiers: pick from the roster, reorder, remove, and save', async ({ page, host }) => {
  const engine = await connectEngine(host);
  unwrap(await engine.call('roster.save', { name: 'Priya Raman', contact: '+44 20 7946 0000', usualRoles: ['technical-lead'] }));
  await engine.close();

  await openSettings(page, host.url, 'escalation');
  const sev2 = page.getByTestId('escalation-SEV2');
  await expect(sev2.getByTestId('tier')).toHaveCount(3);
  await sev2.getByTestId('tier-add').click();
  const added = sev2.getByTestId('tier').nth(3);
  await expect(added.getByTestId('tier-target')).toBeFocused();
  await expect(added.getByTestId('tier-delay')).toHaveValue('45');
  await added.getByTestId('tier-target').fill('Priya Raman');
  await expect(added.getByTestId('tier-contact'), 'picking a roster person fills their contact').toHaveValue('+44 20 7946 0000');

  // Move the new tier above the engineering manager, from the keyboard.
  await added.getByRole('button', { name: 'Move tier 4 up' }).click();
  await expect(sev2.getByTestId('tier-target').nth(2)).toHaveValue('Priya Raman');
  await expect(sev2.getByRole('button', { name: 'Move tier 3 up' })).toBeFocused();
  await expect(sev2.getByTestId('tier-warning')).toContainText('Fires before tier 3');
  await sev2.getByTestId('tier-delay').nth(2).fill('20');
  await expect(sev2.getByTestId('tier-warning')).toHaveCount(0);

  await page.getByTestId('escalation-SEV4').getByTestId('tier-remove').click();
  await expect(page.getByTestId('escalation-SEV4')).toContainText('nobody is paged automatically');

  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  const saved = await engineSettings(host);
  expect(saved.escalation.SEV2).toEqual([
    { target: 'Primary on-call', contact: '', delayMinutes: 0 },
    { target: 'Secondary on-call', contact: '', delayMinutes: 10 },
    { target: 'Priya Raman', contact: '+44 20 7946 0000', delayMinutes: 20 },
    { target: 'Engineering manager', contact: '', delayMinutes: 30 },
  ]);
  expect(saved.escalation.SEV4).toEqual([]);

  // An empty target is refused by the engine, beside that tier.
  await page.getByTestId('escalation-SEV1').getByTestId('tier-target').nth(1).fill('');
  await page.getByTestId('save-section').click();
  await expect(page.locator('[data-path="escalation.SEV1.1.target"]')).toHaveText('Name is empty');
});

test('the alert sound is off by default and can be turned on', async ({ page, host }) => {
  await openSettings(page, host.url, 'alerts');
  await expect(page.getByTestId('alert-sound')).not.toBeChecked();
  await page.getByTestId('alert-sound').check();
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText('Saved at');
  expect((await engineSettings(host)).alertSound).toBe(true);
});

test('a malformed settings file: the host starts on the defaults, keeps the file aside and the window says where', async ({ page, host }) => {
  await host.stop();
  const broken = '{"operatorName": "Dana", "roster": [';
  await writeFile(path.join(host.dataDir, 'settings.json'), broken);
  const url = await host.start();

  await openSettings(page, url, 'operator');
  const banner = page.getByTestId('settings-notice');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('default settings');
  const kept = (await readdir(host.dataDir)).filter((name) => name.startsWith('settings.json.bad-'));
  expect(kept).toHaveLength(1);
  await expect(banner).toContainText(path.join(host.dataDir, kept[0]!));
  expect(await readFile(path.join(host.dataDir, kept[0]!), 'utf8')).toBe(broken);

  // The console works on the defaults meanwhile (so it asks who is at it), and the notice can be put away.
  expect((await engineSettings(host)).operatorName).toBe('');
  await page.getByTestId('identity-later').click();
  await page.getByTestId('settings-notice-dismiss').click();
  await expect(banner).toBeHidden();
});
