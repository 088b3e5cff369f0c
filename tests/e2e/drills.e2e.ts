import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BAD_DEPLOY } from '../../shared/drills/builtin/bad-deploy';
import { expect, test, TEST_OPERATOR } from './fixtures';
import { shoot } from './screens';
import { waitUntilLive } from './ui';
import { entryRow, incidentIdOnScreen, seedSettings, submitDialog } from './war-room-ui';

// Drills through the page: the facilitator starts one from the Drills view, the team responds in
// the war room it opens (marked DRILL everywhere), and the debrief scores what they did.

test.setTimeout(180_000);

async function startDrill(page: Page, speed: 1 | 2 | 5, team = 'Payments on-call'): Promise<string> {
  await page.getByTestId('nav-drills').click();
  await expect(page.getByTestId('drills-view')).toBeVisible();
  const card = page.locator('[data-testid="scenario-card"][data-scenario-id="bad-deploy"]');
  await expect(card).toContainText('Checkout errors after a deploy');
  await expect(card).toContainText('checkout, payments-api');
  await expect(card).toContainText('injects');
  await card.getByRole('radio').click();
  await page.getByTestId('drill-team').fill(team);
  await page.getByTestId(`drill-start-speed-${speed}`).click();
  await page.getByTestId('drill-start').click();
  await expect(page.getByTestId('drill-band')).toBeVisible();
  return incidentIdOnScreen(page);
}

/** The T+ seconds the band shows. */
async function bandSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('drill-clock').textContent()) ?? '';
  const [, min, sec] = /^T\+(\d+):(\d\d)$/.exec(text.trim()) ?? [];
  return Number(min) * 60 + Number(sec);
}

test('a bad-deploy drill at 5×, run through the page from start to debrief', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  const id = await startDrill(page, 5);

  // DRILL everywhere: the band, the title of the window, the list.
  const band = page.getByTestId('drill-band');
  await expect(band).toContainText('DRILL');
  await expect(band).toContainText('practice, not a real incident');
  await expect(band).toContainText('Checkout errors after a deploy');
  await expect(band).toContainText(`run by ${TEST_OPERATOR}`);
  await expect(page.getByTestId('drill-speed')).toHaveText('5×');
  await expect(page).toHaveTitle(/^DRILL — /);
  await expect(page.locator(`[data-testid="incident-list-item"][data-incident-id="${id}"], [data-testid="triage-item"][data-incident-id="${id}"]`).getByTestId('drill-mark')).toBeVisible();
  // At 5× the drill clock runs five seconds for each second of the wall.
  const before = await bandSeconds(page);
  await page.waitForTimeout(2_000);
  expect(await bandSeconds(page)).toBeGreaterThanOrEqual(before + 8);

  // Declare with a severity.
  await page.getByTestId('promote-button').click();
  await page.getByTestId('promote-dialog').getByLabel('SEV2').check();
  await submitDialog(page, 'promote-dialog');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV2');
  await expect(page.getByTestId('incident-status')).toHaveText('Investigating');

  // The IC, a hypothesis and a decision.
  // The operator commands (so they approve the external update as IC); Dana leads the technical work.
  await page.getByTestId('role-incident-commander').getByTestId('assign-button').click();
  await page.getByTestId('person-name').fill(TEST_OPERATOR);
  await submitDialog(page, 'assign-dialog');
  await expect(page.getByTestId('role-incident-commander').getByTestId('role-holder')).toHaveText(TEST_OPERATOR);
  await page.getByTestId('role-technical-lead').getByTestId('assign-button').click();
  await page.getByTestId('assign-dialog').getByTestId('roster-person').filter({ hasText: 'Dana Whitfield' }).click();
  await submitDialog(page, 'assign-dialog');
  await expect(page.getByTestId('role-technical-lead').getByTestId('role-holder')).toHaveText('Dana Whitfield');
  const input = page.getByTestId('entry-input');
  for (const line of ['/h The 14:02 checkout release broke the payment step', '/d Roll back the checkout release']) {
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
  await expect(entryRow(page, 'Roll back the checkout release')).toBeVisible();
  await shoot(page, 'drill-war-room');

  // An external update: drafted, exported (it says DRILL), approved, sent.
  await page.getByTestId('draft-external').click();
  const draft = page.getByTestId('draft-dialog');
  await draft.getByTestId('public-impact').fill('Some customers cannot complete checkout');
  await draft.getByTestId('public-impact').press('Enter');
  const body = page.getByTestId('draft-body');
  await expect(body).toHaveValue(/^DRILL — practice only, not a real incident\./);
  const download = page.waitForEvent('download');
  await draft.getByTestId('draft-export-txt').click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('DRILL');
  expect(await readFile(await file.path(), 'utf8')).toContain('DRILL — practice only, not a real incident.');
  await draft.getByTestId('draft-approve').click();
  await expect(draft.getByTestId('approval-state')).toContainText('Approved');
  await page.getByTestId('draft-recipients').fill('status page');
  await draft.getByTestId('draft-send').click();
  await expect(draft).toBeHidden();
  await expect(entryRow(page, 'update sent via').filter({ hasText: 'external' })).toBeVisible();

  // Mitigate, resolve.
  for (const [to, label, reason] of [
    ['mitigated', 'Mitigated', 'Checkout release rolled back; 5xx back to 0.2%'],
    ['resolved', 'Resolved', 'Error rate normal for 15 minutes'],
  ] as const) {
    await page.getByTestId(`status-to-${to}`).click();
    await page.getByTestId('status-reason').fill(reason);
    await submitDialog(page, 'status-dialog');
    await expect(page.getByTestId('incident-status')).toHaveText(label);
  }

  // The facilitator ends the drill; the debrief opens.
  await page.getByTestId('drill-end').click();
  await expect(page.getByTestId('drill-end-dialog')).toBeVisible();
  await submitDialog(page, 'drill-end-dialog');
  const debrief = page.getByTestId('debrief-view');
  await expect(debrief).toBeVisible();
  await expect(page.getByTestId('debrief-overall')).toHaveText(/^\d+%$/);
  await expect(page.getByTestId('debrief-category')).toHaveCount(5);
  const mitigation = page.locator('[data-testid="debrief-criterion"][data-verdict="met"]').filter({ hasText: /mitigat/i }).first();
  await expect(mitigation.getByTestId('debrief-evidence').first()).toHaveText(/^T\+\d\d:\d\d /);
  await expect(page.locator('[data-testid="debrief-criterion"][data-verdict="met"]').first()).toBeVisible();
  await shoot(page, 'drill-debrief');

  // The war room says it ended and leads back to the debrief.
  await page.goto(`${host.url}#/incident/${id}`);
  await expect(page.getByTestId('drill-band')).toHaveAttribute('data-phase', 'ended');
  await page.getByTestId('drill-debrief-link').click();
  await expect(debrief).toBeVisible();

  // The Drills view lists it with its score, and the history chart draws the team's line.
  await page.getByTestId('nav-drills').click();
  const past = page.locator(`[data-testid="past-drill"][data-incident-id="${id}"]`);
  await expect(past).toContainText(/\d+%/);
  await expect(past).toContainText('Payments on-call');
  await expect(page.getByTestId('card-drill-history').locator('.recharts-line')).toHaveCount(1);
  await page.getByTestId('history-person').selectOption({ label: 'Dana Whitfield' });
  await expect(page.getByTestId('card-drill-history')).toContainText('Dana Whitfield, in every drill');
  await page.getByTestId('history-measure').selectOption({ label: 'External comms' });
  await page.getByTestId('history-person').selectOption({ label: 'Every team' });
  await shoot(page, 'drills-view');
  await past.getByTestId('past-drill-debrief').click();
  await expect(debrief).toBeVisible();
});

test('the facilitator pauses the drill clock and fires an inject by hand', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await startDrill(page, 2);
  await expect(page.getByTestId('drill-controls')).toBeVisible();

  await page.getByTestId('drill-pause').click();
  await expect(page.getByTestId('drill-paused')).toBeVisible();
  await expect(page.getByTestId('drill-pause')).toHaveText('Resume');
  const paused = await bandSeconds(page);
  await page.waitForTimeout(2_500);
  expect(await bandSeconds(page), 'a paused drill clock stands still').toBe(paused);

  await page.getByTestId('drill-script').click();
  const script = page.getByTestId('drill-script-dialog');
  await expect(script.locator('[data-testid="drill-inject"][data-status="fired"]').first()).toBeVisible();
  const next = script.locator('[data-testid="drill-inject"][data-status="upcoming"]').first();
  const injectId = (await next.getAttribute('data-inject-id'))!;
  const text = ((await next.locator('.drill-inject-text').textContent()) ?? '').trim();
  await shoot(page, 'drill-facilitator-script');
  await next.getByTestId('drill-fire').click();
  await expect(script.locator(`[data-inject-id="${injectId}"]`)).toHaveAttribute('data-status', 'fired');
  await page.keyboard.press('Escape');
  await expect(script).toBeHidden();
  await expect(entryRow(page, text.slice(0, 60))).toBeVisible();

  await page.getByTestId('drill-pause').click();
  await expect(page.getByTestId('drill-paused')).toHaveCount(0);
  const resumed = await bandSeconds(page);
  await page.waitForTimeout(1_600);
  expect(await bandSeconds(page), 'resumed at 2×').toBeGreaterThan(resumed);
  await page.getByTestId('drill-speed-5').click();
  await expect(page.getByTestId('drill-speed')).toHaveText('5×');
  await shoot(page, 'drill-facilitator-controls');
});

test('a scenario file: its problems shown as the engine names them, then a good one started', async ({ page, host }) => {
  await page.goto(`${host.url}#/drills`);
  await waitUntilLive(page);
  const scenario = structuredClone(BAD_DEPLOY) as unknown as Record<string, unknown>;
  const broken = JSON.stringify({ ...scenario, expectedSeverity: 'SEV9' }, null, 2);
  const input = page.getByTestId('scenario-file-input');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const error = page.getByTestId('scenario-file-error');
  await expect(error).toContainText('broken.json');
  await expect(error).toContainText(/line \d+: expectedSeverity expected one of/);

  const own = JSON.stringify({ ...scenario, id: 'our-checkout', name: 'Our checkout rollback' }, null, 2);
  await input.setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(own) });
  await expect(error).toHaveCount(0);
  const card = page.locator('[data-testid="scenario-card"][data-scenario-id="our-checkout"]');
  await expect(card).toContainText('from ours.json');
  await expect(card.getByRole('radio')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('drill-start').click();
  await expect(page.getByTestId('drill-band')).toContainText('Our checkout rollback');
  await expect(page.getByTestId('drill-speed')).toHaveText('1×');
});

test('drill screens have no serious or critical accessibility violation', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  const id = await startDrill(page, 2);
  const found: string[] = [];
  const audit = async (screen: string) => {
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${screen}: ${v.id} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
    }
  };
  await audit('drill war room');
  await page.getByTestId('drill-script').click();
  await expect(page.getByTestId('drill-script-dialog')).toBeVisible();
  await audit('facilitator script');
  await page.keyboard.press('Escape');
  await page.getByTestId('drill-pause').click();
  await expect(page.getByTestId('drill-paused')).toBeVisible();
  await audit('paused drill');
  await page.getByTestId('drill-end').click();
  await submitDialog(page, 'drill-end-dialog');
  await expect(page.getByTestId('debrief-view')).toBeVisible();
  await audit('debrief');
  await page.goto(`${host.url}#/incident/${id}`);
  await expect(page.getByTestId('drill-band')).toHaveAttribute('data-phase', 'ended');
  await audit('ended drill');
  await page.getByTestId('nav-drills').click();
  await expect(page.getByTestId('card-drill-history').locator('.recharts-line')).toHaveCount(1);
  await audit('drills view');
  expect(found).toEqual([]);
});
