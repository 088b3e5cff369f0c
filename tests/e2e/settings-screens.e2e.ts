import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { waitUntilLive } from './ui';

// Saves each settings section to test-results/screens/settings-*.png for people to look at.


const ROSTER = [
  { name: 'Dana Whitfield', contact: '+1 415 555 0100', usualRoles: ['incident-commander'] },
  { name: 'Priya Raman', contact: '@priya · +44 20 7946 0000', usualRoles: ['technical-lead'] },
  { name: 'Sam Okafor', contact: 'pager 4411', usualRoles: ['communications-lead', 'customer-liaison'] },
  { name: 'Lena Fischer', contact: '@lena', usualRoles: ['scribe'] },
  { name: 'Marcus Chen', contact: '+1 646 555 0199', usualRoles: ['incident-commander', 'executive-liaison'] },
  { name: 'Ines Duarte', contact: '', usualRoles: [] },
] as const;


async function open(page: Page, section: string): Promise<void> {
  await page.getByTestId(`settings-nav-${section}`).click();
  await expect(page.getByTestId(`settings-section-${section}`)).toBeVisible();
}

test('screens of every settings section', async ({ page, host }) => {
  test.setTimeout(120_000);
  await mkdir(SCREENS, { recursive: true });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  const engine = await connectEngine(host);
  for (const person of ROSTER) unwrap(await engine.call('roster.save', { ...person, usualRoles: [...person.usualRoles] }));
  unwrap(
    await engine.call('settings.update', {
      operatorName: 'Dana Whitfield',
      escalation: {
        ...DEFAULT_SETTINGS.escalation,
        SEV1: [
          { target: 'Dana Whitfield', contact: '+1 415 555 0100', delayMinutes: 0 },
          { target: 'Secondary on-call', contact: 'pagerduty: payments-secondary', delayMinutes: 5 },
          { target: 'Engineering manager', contact: '', delayMinutes: 15 },
          { target: 'Executive on duty', contact: '+1 212 555 0142', delayMinutes: 30 },
        ],
      },
    }),
  );
  await engine.close();

  await page.goto(`${host.url}#/settings/operator`);
  await waitUntilLive(page);
  await expect(page.getByTestId('settings-section-operator')).toBeVisible();
  await shoot(page, 'settings-operator');

  await open(page, 'roster');
  await shoot(page, 'settings-roster');
  await page.getByTestId('roster-person').filter({ hasText: 'Sam Okafor' }).getByTestId('person-edit').click();
  await page.getByTestId('person-contact').fill('pager 4411 · @sam');
  await shoot(page, 'settings-roster-edit');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await open(page, 'roles');
  await shoot(page, 'settings-roles');
  await page.getByTestId('shift-limit').fill('0');
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('field-error')).toBeVisible();
  await shoot(page, 'settings-roles-error');
  await page.getByRole('button', { name: 'Discard' }).click();

  await open(page, 'cadence');
  await page.getByTestId('cadence-SEV4-internalMinutes').fill('0.05');
  await shoot(page, 'settings-cadence');
  await page.getByRole('button', { name: 'Discard' }).click();

  await open(page, 'escalation');
  await shoot(page, 'settings-escalation');

  await open(page, 'templates');
  await shoot(page, 'settings-templates');
  await page.getByTestId('template-tab-external').click();
  await page.getByTestId('template-input').fill(
    '{{publicStatusLabel}} — {{title}}\n\n{{publicMessage}}\n\nAffected: {{afected}}\nNext update by {{nextUpdate}.',
  );
  await shoot(page, 'settings-templates-problem');
  await page.getByRole('button', { name: 'Discard' }).click();

  await open(page, 'alerts');
  await shoot(page, 'settings-alerts');
  expect(consoleErrors, 'React and the page stay quiet').toEqual([]);
});
