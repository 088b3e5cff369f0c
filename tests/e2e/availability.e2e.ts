import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { IncidentView } from '../../shared/contract/contract';
import { formatHours } from '../../shared/metrics/responder-toll';
import { unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { DAY, HOUR, MINUTE, movableClock, type MovableClock } from './review-seed';
import { shoot } from './screens';
import { waitUntilLive } from './ui';

test.describe.configure({ timeout: 120_000 });

// Two incidents on checkout that overlap by half an hour, at night (02:00 UTC two days ago), with
// Dana (working hours set later in the roster, 09:00–17:00 UTC) as IC and Alex (none set) as tech lead.
const T0 = Math.floor((Date.now() - 2 * DAY) / DAY) * DAY + 2 * HOUR;

async function seedCheckout(clock: MovableClock): Promise<{ a: IncidentView; b: IncidentView }> {
  const { engine } = clock;
  await clock.set(T0 + 5 * MINUTE);
  const a = unwrap(await engine.call('incident.declare', { title: 'Checkout returning 502s', severity: 'SEV2', impactStartedAt: T0 }));
  unwrap(await engine.call('incident.update', { incidentId: a.id, tags: ['checkout'] }));
  unwrap(await engine.call('role.assign', { incidentId: a.id, role: 'incident-commander', name: 'Dana' }));
  unwrap(await engine.call('role.assign', { incidentId: a.id, role: 'technical-lead', name: 'Alex' }));
  await clock.set(T0 + 35 * MINUTE);
  const b = unwrap(await engine.call('incident.declare', { title: 'Payment timeouts at checkout', severity: 'SEV3', impactStartedAt: T0 + 30 * MINUTE }));
  unwrap(await engine.call('incident.update', { incidentId: b.id, tags: ['Checkout'] }));
  // The moved clock is a few milliseconds behind where it was set: mitigation times are given exactly.
  await clock.set(T0 + 61 * MINUTE);
  unwrap(await engine.call('incident.setStatus', { incidentId: a.id, status: 'mitigated', reason: 'rolled back', at: T0 + 60 * MINUTE }));
  await clock.set(T0 + 91 * MINUTE);
  unwrap(await engine.call('incident.setStatus', { incidentId: b.id, status: 'mitigated', reason: 'failover', at: T0 + 90 * MINUTE }));
  await clock.set(T0 + 120 * MINUTE);
  unwrap(await engine.call('incident.setStatus', { incidentId: a.id, status: 'resolved', reason: 'fixed' }));
  await clock.set(T0 + 125 * MINUTE);
  unwrap(await engine.call('incident.setStatus', { incidentId: a.id, status: 'closed', reason: 'done', reviewNeeded: false }));
  await clock.reset();
  return { a, b };
}

/** No serious or critical accessibility violation on the screen as it is (same rules as accessibility.e2e.ts). */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openMetricsTab(page: Page, tab: 'availability' | 'responders'): Promise<void> {
  await page.getByTestId('nav-metrics').click();
  await page.getByTestId(`metrics-tab-${tab}`).click();
}

test('availability against the objective: a service added in Settings, its budget in Metrics, overlapping incidents counted once', async ({ page, host }) => {
  const clock = await movableClock(host);
  await seedCheckout(clock);
  await page.goto(clock.url);
  await waitUntilLive(page);

  // No catalogue yet: Metrics says where to add one.
  await openMetricsTab(page, 'availability');
  await expect(page.getByTestId('availability-empty')).toContainText('No services in the catalogue');
  await page.getByTestId('availability-empty').getByRole('link', { name: 'Settings → Services' }).click();
  await expect(page.getByTestId('settings-section-services')).toBeVisible();
  await expect(page.getByTestId('services-hint')).toContainText('service');

  await page.getByTestId('service-add').click();
  await page.getByTestId('service-name').fill('Checkout');
  await page.getByTestId('service-objective').fill('99');
  await page.getByTestId('service-window').fill('30');
  await expect(page.getByTestId('settings-nav-services').locator('.dot-dirty')).toBeVisible();
  // A window that is not whole days: the engine's words beside the field, nothing saved.
  await page.getByTestId('service-window').fill('7.5');
  await page.getByTestId('save-section').click();
  await expect(page.locator('[data-testid="field-error"][data-path="services.0.windowDays"]')).toContainText('whole days');
  await page.getByTestId('service-window').fill('30');
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toContainText(/saved/i);
  await expect(page.getByTestId('settings-nav-services').locator('.dot-dirty')).toHaveCount(0);
  expect(unwrap(await clock.engine.call('settings.get', {})).services).toEqual([{ name: 'checkout', objectivePercent: 99, windowDays: 30 }]);
  await page.getByTestId('service-add').click();
  await page.getByTestId('service-name').nth(1).fill('search');
  await shoot(page, 'settings-services');
  await expectAccessible(page, 'settings-services');
  await page.getByTestId('service-remove').nth(1).click();

  // Metrics: 90 minutes down (00:00–01:00 and 00:30–01:30 after T0), not 120.
  const report = unwrap(await clock.engine.call('metrics.availability', {})).services[0]!;
  expect(report.now.impactMs).toBe(90 * MINUTE);
  await openMetricsTab(page, 'availability');
  const card = page.getByTestId('card-availability-checkout');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('availability-value')).toHaveText('99.79 % of 99 %');
  await expect(card.getByTestId('availability-budget')).toHaveText('342 min (5 h 42) left (79 %)');
  await expect(card.getByTestId('availability-down')).toContainText('1h 30m · 2 incidents');
  await expect(card.getByTestId('availability-state')).toHaveText('Within objective');
  await expect(card.getByTestId('availability-medians')).toContainText('MTTM');
  await expect(card.locator('svg.recharts-surface')).toBeVisible();
  // The objective as a reference line (a horizontal line has no height, so it is counted, not "seen").
  await expect(card.locator('.recharts-reference-line line')).toHaveCount(1);
  await expect(card.locator('svg.recharts-surface')).toContainText('objective 99 %');
  await expect(page.getByTestId('card-availability-services-rows').locator('tbody tr')).toHaveCount(1);
  await shoot(page, 'metrics-availability');
  await expectAccessible(page, 'metrics-availability');

  // A tighter objective overspends the same 90 minutes: said in words and colour.
  unwrap(await clock.engine.call('settings.update', { services: [{ name: 'checkout', objectivePercent: 99.9, windowDays: 30 }] }));
  await page.getByTestId('metrics-tab-incidents').click();
  await page.reload();
  await waitUntilLive(page);
  await openMetricsTab(page, 'availability');
  await expect(card.getByTestId('availability-state')).toHaveText('Objective breached');
  await expect(card.getByTestId('availability-budget')).toContainText('overspent by 46.8 min');
  await clock.close();
});

test('the toll on responders: hidden by default, shown after the switch, outside-hours from the roster', async ({ page, host }) => {
  const clock = await movableClock(host);
  await seedCheckout(clock);
  await page.goto(clock.url);
  await waitUntilLive(page);

  await openMetricsTab(page, 'responders');
  await expect(page.getByTestId('responders-off')).toContainText('off on this console');
  await expect(page.getByTestId('responders-view')).toHaveCount(0);
  const off = await clock.engine.call('metrics.responders', {});
  expect(off.ok).toBe(false);

  // Roster: Dana works 09:00–17:00 UTC on weekdays; Alex has no hours set.
  await page.getByTestId('responders-turn-on').click();
  await expect(page.getByTestId('settings-section-roster')).toBeVisible();
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill('Dana');
  await page.getByTestId('working-hours-set').check();
  await page.getByTestId('working-hours-zone').fill('Mars/Olympus');
  await page.getByTestId('person-save').click();
  await expect(page.locator('[data-testid="field-error"][data-path="workingHours"]')).toContainText('not a time zone');
  await page.getByTestId('working-hours-zone').fill('UTC');
  await page.getByTestId('working-hours-start').fill('09:00');
  await page.getByTestId('working-hours-end').fill('17:00');
  await expectAccessible(page, 'roster-working-hours');
  await shoot(page, 'settings-roster-working-hours');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-editor')).toHaveCount(0);
  await expect(page.getByTestId('roster-person-hours')).toHaveText('Mon–Fri 09:00–17:00, UTC');
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill('Alex');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('roster-person-hours').first()).toHaveText('working hours not set');

  const toggle = page.getByTestId('responder-toll-switch');
  await expect(toggle).not.toBeChecked();
  // Saved at once; the switch shows what the engine saved.
  await toggle.click();
  await expect(toggle).toBeChecked();
  expect(unwrap(await clock.engine.call('settings.get', {})).showResponderToll).toBe(true);

  await openMetricsTab(page, 'responders');
  const people = page.getByTestId('responder-person');
  await expect(people).toHaveCount(2);
  // Alphabetical, never by hours.
  await expect(people.nth(0)).toHaveAttribute('data-person', 'Alex');
  await expect(people.nth(1)).toHaveAttribute('data-person', 'Dana');
  // 02:05–04:00 UTC on incident, all of it before Dana's nine o'clock.
  const stint = formatHours(115 * MINUTE);
  await expect(people.nth(1).getByTestId('responder-total')).toHaveText(stint);
  await expect(people.nth(1).getByTestId('responder-outside')).toHaveText(stint);
  await expect(people.nth(0).getByTestId('responder-outside')).toHaveText('not set');
  await expect(page.getByTestId('recovery-note')).toContainText([`Dana: ${stint} on incident, ${stint} outside working hours — plan recovery`, `Alex: ${stint} on incident`]);
  await expect(page.getByTestId('card-responder-hours').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('responders-view')).not.toContainText(/\btop\b/i);
  await shoot(page, 'metrics-responders');
  await expectAccessible(page, 'metrics-responders');
  await clock.close();
});
