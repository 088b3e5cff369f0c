import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CHECKOUT, DISK, notify, PAYMENTS } from './alert-intake';
import { DEFAULT_CHECKLISTS } from '../../shared/guidance/checklists';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { waitUntilLive } from './ui';

// The accessibility audit (axe-core) of every screen an incident commander uses: no serious or
// critical violation anywhere, WCAG 2.2 AA included (contrast above all: the console is read
// at 3 AM on whatever screen is at hand).

test.setTimeout(420_000);

interface Finding {
  screen: string;
  id: string;
  impact: string;
  nodes: string[];
}

async function audit(page: Page, screen: string, into: Finding[], counts: Record<string, number>): Promise<void> {
  // Let transitions settle so colours are read as they end up.
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  counts[screen] = serious.reduce((n, v) => n + v.nodes.length, 0);
  for (const v of serious) into.push({ screen, id: v.id, impact: v.impact ?? '', nodes: v.nodes.slice(0, 12).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`) });
}

test('no serious or critical accessibility violation on any screen', async ({ page, host }) => {
  const findings: Finding[] = [];
  const counts: Record<string, number> = {};
  await page.goto(host.url);
  await waitUntilLive(page);
  await audit(page, 'empty app', findings, counts);
  await expect(page.locator('h1'), 'the empty app names itself in a heading').toHaveCount(1);

  await page.getByTestId('declare-button').click();
  await expect(page.getByTestId('declare-dialog')).toBeVisible();
  await page.getByTestId('declare-title').fill('Checkout API returning 502s');
  await audit(page, 'declare dialog', findings, counts);
  await page.keyboard.press('Escape');

  // An active SEV1 with required roles empty, a workstream, notes, an update sent and a page out.
  const engine = await connectEngine(host);
  const incident = unwrap(await engine.call('incident.declare', { title: 'Checkout API returning 502s for EU customers', severity: 'SEV1', summary: 'EU checkout failing at 38%' }));
  const id = incident.id;
  unwrap(await engine.call('workstream.open', { incidentId: id, title: 'Roll back payments gateway', kind: 'mitigate', owner: 'Priya', nextStep: 'Watch error rate', checkInAt: Date.now() + 10 * 60_000 }));
  for (const [kind, text] of [
    ['finding', 'Edge error rate 38% in eu-west-1'],
    ['hypothesis', 'Connection pool exhausted after the 14:00 deploy'],
    ['decision', 'Roll back release 4711'],
  ] as const) {
    unwrap(await engine.call('timeline.log', { incidentId: id, kind, text }));
  }
  unwrap(await engine.call('update.send', { incidentId: id, kind: 'internal', body: 'First internal update', channel: 'Slack', recipients: '#inc', draftId: 'd-1' }));
  await page.goto(`${host.url}#/incident/${id}`);
  await expect(page.getByTestId('incident-title')).toHaveText(incident.title);
  // The next steps on top of the side panel, the checklist unfolded with an item ticked.
  unwrap(await engine.call('checklist.tick', { incidentId: id, item: DEFAULT_CHECKLISTS.SEV1[0]!, done: true }));
  await page.getByTestId('checklist-toggle').click();
  await expect(page.getByTestId('checklist-who')).toBeVisible();
  await expect(page.getByTestId('next-step').first()).toBeVisible();
  await audit(page, 'SEV1 war room', findings, counts);

  await page.locator('[data-testid="sync-indicator"][data-place="header"]').click();
  await expect(page.getByTestId('sync-details')).toBeVisible();
  await audit(page, 'team sync details', findings, counts);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await audit(page, 'palette', findings, counts);
  await page.keyboard.press('Escape');

  await page.getByTestId('draft-external').click();
  await expect(page.getByTestId('draft-dialog')).toBeVisible();
  await audit(page, 'external draft', findings, counts);
  await page.keyboard.press('Escape');

  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'resolved' }));
  await page.goto(`${host.url}#/incident/${id}/postmortem`);
  await expect(page.getByTestId('postmortem-view')).toBeVisible();
  // Leave one row out, as people do when pruning: the dimmed row must still be readable.
  await page.getByRole('checkbox').first().uncheck().catch(() => undefined);
  await audit(page, 'post-mortem', findings, counts);

  await page.goto(`${host.url}#/metrics`);
  await expect(page.getByTestId('metrics-view')).toBeVisible();
  await audit(page, 'metrics', findings, counts);

  for (const section of ['operator', 'roster', 'roles', 'checklists', 'cadence', 'escalation', 'templates', 'alerts', 'sources', 'sync']) {
    await page.goto(`${host.url}#/settings/${section}`);
    await expect(page.getByTestId(`settings-nav-${section}`)).toBeVisible();
    await audit(page, `settings: ${section}`, findings, counts);
  }
  await engine.close();

  console.log(`axe serious+critical nodes per screen: ${JSON.stringify(counts)}`);
  if (process.env.AXE_DUMP) (await import('node:fs')).writeFileSync(process.env.AXE_DUMP, JSON.stringify(findings, null, 1));
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});

test('no serious or critical accessibility violation in triage and an alert-born war room', async ({ page, host }) => {
  const findings: Finding[] = [];
  const counts: Record<string, number> = {};
  await page.goto(host.url);
  await waitUntilLive(page);
  const start = Date.now() - 10 * 60_000;
  for (const [i, group] of [CHECKOUT, PAYMENTS, DISK].entries()) await notify(host, group, 'firing', start + i * 60_000);
  await expect(page.getByTestId('triage-item')).toHaveCount(3);
  await audit(page, 'triage queue with banners', findings, counts);

  await page.getByTestId('triage-item').last().getByTestId('triage-open').click();
  await expect(page.getByTestId('alerts-panel')).toBeVisible();
  await audit(page, 'detection from monitoring', findings, counts);

  await page.getByTestId('triage-item').first().getByTestId('triage-declare').click();
  await expect(page.getByTestId('incident-status')).toHaveText('Investigating');
  await page.getByTestId('triage-item').first().getByTestId('triage-attach').click();
  await expect(page.getByTestId('attach-dialog')).toBeVisible();
  await audit(page, 'attach dialog', findings, counts);
  await page.getByTestId('attach-dialog').getByTestId('dialog-submit').click();
  await expect(page.getByTestId('triage-item')).toHaveCount(1);
  await page.getByTestId('alerts-panel').getByRole('button', { name: /more$/ }).first().click();
  await audit(page, 'alert-born war room', findings, counts);

  console.log(`axe serious+critical nodes per screen: ${JSON.stringify(counts)}`);
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});
