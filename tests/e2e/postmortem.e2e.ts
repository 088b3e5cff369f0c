import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { IncidentView } from '../../shared/contract/contract';
import { dayOf, proposedReviewAt } from '../../shared/domain/review/schedule';
import { machineTimeZone } from '../../shared/time/zone';
import { connectEngine, type EngineClient, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { startHostProcess } from './host-process';
import { waitUntilLive } from './ui';

const DAY = 86_400_000;

/** A resolved SEV2 with a few kinds of lines, made through the engine like a scribe would. */
async function resolvedIncident(engine: EngineClient, title = 'Login failures after certificate rotation'): Promise<IncidentView> {
  const now = Date.now();
  unwrap(await engine.call('settings.update', { operatorName: 'Lee Park' }));
  const incident = unwrap(
    await engine.call('incident.declare', { title, severity: 'SEV2', detectionSource: 'customer-report', summary: 'SSO logins fail with 502', impactStartedAt: now - 40 * 60_000, detectedAt: now - 25 * 60_000 }),
  );
  const id = incident.id;
  unwrap(await engine.call('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Reyes' }));
  unwrap(await engine.call('escalation.acknowledge', { incidentId: id, by: 'Dana Reyes' }));
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'finding', text: 'Edge proxies present the old intermediate certificate' }));
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'decision', text: 'Roll the certificate bundle back on the edge', attribution: 'incident-commander' }));
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'note', text: 'Support macro updated for SSO customers' }));
  unwrap(await engine.call('timeline.log', { incidentId: id, kind: 'mitigation', text: 'Old bundle restored; logins succeed' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'resolved' }));
  return unwrap(await engine.call('incident.get', { incidentId: id }));
}

async function openPostmortem(page: Page, url: string, incidentId: string): Promise<void> {
  await page.goto(`${url}#/incident/${incidentId}/postmortem`);
  await waitUntilLive(page);
  await expect(page.getByTestId('postmortem-view')).toBeVisible();
}

const saved = (page: Page) => expect(page.getByTestId('pm-save-state')).toHaveAttribute('data-state', 'saved');
const row = (page: Page, text: string) => page.getByTestId('pm-timeline-row').filter({ hasText: text });

test('writes a post-mortem that saves as it is typed, prunes the timeline and tracks action items', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = await resolvedIncident(engine);
  const id = incident.id;
  await openPostmortem(page, host.url, id);
  await expect(page.getByTestId('pm-title')).toHaveText(incident.title);
  await expect(page.getByTestId('pm-tab')).toHaveText('Post-mortem');
  await expect(page.getByTestId('phase-segment')).toHaveCount(4);

  await page.getByTestId('pm-summary').fill('Logins failed for 40 minutes after the certificate rotation.');
  await page.getByTestId('pm-rootCause').fill('The rotation job shipped a bundle without the new intermediate.');
  await page.getByTestId('pm-rootCauseCategory').selectOption('configuration');
  await page.getByTestId('pm-impactUsers').fill('All SSO customers (about 12%)');
  await page.getByTestId('pm-slaBreach').fill('Login availability SLO breached');
  await page.getByTestId('pm-wentWell').fill('Support spotted it quickly.');
  await page.getByTestId('pm-couldImprove').fill('No alert on certificate chain errors.');
  for (const why of ['Logins failed because the edge served an incomplete chain', 'Because the bundle lacked the intermediate', 'Because the job does not validate the chain']) {
    await page.getByTestId('pm-why-add').click();
    await page.getByTestId('pm-why-input').last().fill(why);
  }
  await page.getByTestId('pm-why-up').nth(2).click();
  await expect(page.getByTestId('pm-why-input').nth(1)).toHaveValue('Because the job does not validate the chain');
  await page.getByTestId('pm-factor-add').click();
  await page.getByTestId('pm-factor-tag').selectOption('detection');
  await page.getByTestId('pm-factor-text').fill('No synthetic login check');
  await page.getByTestId('pm-factor-text').blur();
  await saved(page);

  // The timeline: decisions and mitigations are in by default; a note is brought in, a status line left out.
  await expect(row(page, 'Roll the certificate bundle back')).toHaveAttribute('data-included', 'true');
  await expect(row(page, 'Support macro updated')).toHaveAttribute('data-included', 'false');
  await row(page, 'Support macro updated').getByTestId('pm-timeline-include').check();
  await expect(row(page, 'Support macro updated')).toHaveAttribute('data-included', 'true');
  await row(page, 'Roll the certificate bundle back').getByTestId('pm-timeline-note').fill('Chosen over a forward fix');
  await row(page, 'Roll the certificate bundle back').getByTestId('pm-timeline-note').blur();
  const statusRow = page.getByTestId('pm-timeline-row').filter({ hasText: /Mitigated/ }).first();
  await statusRow.getByTestId('pm-timeline-include').uncheck();
  await expect(statusRow).toHaveAttribute('data-included', 'false');
  await saved(page);

  // Blameless by default: roles, not names, until the author chooses.
  await expect(row(page, 'Edge proxies present')).toContainText('Responder');
  await expect(row(page, 'Edge proxies present')).not.toContainText('Lee Park');
  await page.getByTestId('pm-show-names').check();
  await expect(row(page, 'Edge proxies present').getByTestId('pm-timeline-who')).toHaveText('Responder (Lee Park)');

  // Action items: a link that opens outside, a refused link kept for fixing, one overdue.
  await page.getByTestId('action-new-title').fill('Validate the certificate chain in the rotation job');
  await page.getByTestId('action-new-owner').fill('Platform');
  await page.getByTestId('action-new-due').fill(dayOf(Date.now() + 14 * DAY));
  await page.getByTestId('action-new-priority').selectOption('P1');
  await page.getByTestId('action-new-link').fill('https://tracker.example.com/PLAT-77');
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('action-item')).toHaveCount(1);
  await expect(page.getByTestId('action-new-title')).toHaveValue('');

  await page.getByTestId('action-new-title').fill('Alert on chain errors');
  await page.getByTestId('action-new-link').fill('javascript:alert(1)');
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('action-add-error')).toContainText('http');
  await expect(page.getByTestId('action-new-title')).toHaveValue('Alert on chain errors');
  await page.getByTestId('action-new-link').fill('');
  await page.getByTestId('action-new-due').fill(dayOf(Date.now() - 3 * DAY));
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('action-item')).toHaveCount(2);
  const first = page.getByTestId('action-item').first();
  const link = first.getByTestId('action-open-link');
  await expect(link).toHaveAttribute('href', 'https://tracker.example.com/PLAT-77');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(page.getByTestId('action-item').nth(1).getByTestId('action-overdue')).toBeVisible();
  await first.getByTestId('action-status').selectOption('in-progress');
  await first.getByTestId('action-owner').fill('Platform team');
  await first.getByTestId('action-owner').blur();

  // Review: the proposal for a SEV2 is the first working-hours slot two days after resolution; then it is held.
  await page.getByTestId('pm-review-use-proposal').click();
  await expect(page.getByTestId('pm-reviewAt')).not.toHaveValue('');
  await page.getByTestId('pm-review-held').click();
  await expect(page.getByTestId('pm-review-held-state')).toBeVisible();
  await saved(page);

  // All of it is the engine's now: a reload shows the same, and the journal has it.
  await page.reload();
  await waitUntilLive(page);
  await expect(page.getByTestId('pm-summary')).toHaveValue('Logins failed for 40 minutes after the certificate rotation.');
  await expect(page.getByTestId('pm-rootCauseCategory')).toHaveValue('configuration');
  await expect(page.getByTestId('pm-why-input')).toHaveCount(3);
  await expect(page.getByTestId('pm-why-input').nth(1)).toHaveValue('Because the job does not validate the chain');
  await expect(page.getByTestId('pm-factor-tag')).toHaveValue('detection');
  await expect(row(page, 'Roll the certificate bundle back').getByTestId('pm-timeline-note')).toHaveValue('Chosen over a forward fix');
  await expect(page.getByTestId('action-item').first().getByTestId('action-status')).toHaveValue('in-progress');
  await expect(page.getByTestId('action-item').first().getByTestId('action-owner')).toHaveValue('Platform team');

  const state = unwrap(await engine.call('incident.get', { incidentId: id }));
  const resolvedAt = state.timestamps.resolvedAt!;
  expect(state.postmortem).toMatchObject({
    rootCause: 'The rotation job shipped a bundle without the new intermediate.',
    rootCauseCategory: 'configuration',
    factors: [{ tag: 'detection', text: 'No synthetic login check' }],
    showNames: true,
    // The browser and this test share the machine's zone.
    reviewAt: proposedReviewAt(state, resolvedAt, machineTimeZone()),
  });
  expect(state.postmortem.reviewHeldAt).not.toBeNull();
  expect(state.actionItems.map((a) => [a.title, a.priority, a.status])).toEqual([
    ['Validate the certificate chain in the rotation job', 'P1', 'in-progress'],
    ['Alert on chain errors', 'P2', 'open'],
  ]);
  // The journal is not rewritten: the timeline still holds every line.
  expect(state.timeline.length).toBe(incident.timeline.length);

  // The rail marks the overdue action; the war room is one click away.
  await expect(page.locator(`[data-testid="incident-list-item"][data-incident-id="${id}"]`).getByTestId('marker-actions-overdue')).toHaveText('1 action overdue');
  await page.getByTestId('pm-back').click();
  await expect(page).toHaveURL(new RegExp(`#/incident/${id}$`));
  await page.getByTestId('rail-postmortem-link').click();
  await expect(page.getByTestId('postmortem-view')).toBeVisible();
  await engine.close();
});

test('a refused save keeps the typed text and says why', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = await resolvedIncident(engine);
  await openPostmortem(page, host.url, incident.id);
  const tooLong = `Root cause: ${'x'.repeat(5_100)}`;
  const summary = page.getByTestId('pm-summary');
  await summary.fill(tooLong);
  await summary.blur();
  await expect(page.getByTestId('pm-summary-error')).toContainText(/longer than 5000/);
  await expect(page.getByTestId('pm-save-state')).toHaveAttribute('data-state', 'error');
  await expect(summary).toHaveValue(tooLong);
  const state = unwrap(await engine.call('incident.get', { incidentId: incident.id }));
  expect(state.postmortem.summary).toBe('');

  await summary.fill('Short and true.');
  await summary.blur();
  await saved(page);
  await expect(page.getByTestId('pm-summary-error')).toHaveCount(0);
  expect(unwrap(await engine.call('incident.get', { incidentId: incident.id })).postmortem.summary).toBe('Short and true.');
  await engine.close();
});

test('exports the bundle with progress, and the zip imports into an empty host once', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = await resolvedIncident(engine, 'Checkout 502s in EU');
  const id = incident.id;
  unwrap(await engine.call('postmortem.update', { incidentId: id, rootCause: 'Pool exhausted after deploy', rootCauseCategory: 'code-change', fiveWhys: ['Pool too small'] }));
  unwrap(await engine.call('action.add', { incidentId: id, title: 'Alert on pool exhaustion', owner: 'SRE', dueDate: dayOf(Date.now() + 7 * DAY), priority: 'P1' }));
  const events = unwrap(await engine.call('incident.get', { incidentId: id })).lastSeq;

  // Hold the engine's answer to the export for a moment, so the progress is there to see.
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    const exports = new Set<unknown>();
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as { id: unknown; command: string };
      if (request.command === 'bundle.export') exports.add(request.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as { id?: unknown };
      if ('id' in reply && exports.has(reply.id)) setTimeout(() => ws.send(message), 1_500);
      else ws.send(message);
    });
  });
  await openPostmortem(page, host.url, id);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  await expect(page.getByTestId('export-progress')).toContainText(`Exporting ${events.toLocaleString('en-US')} events…`);
  await expect(page.getByTestId('export-progress')).toContainText(/\d\.\d s/);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${id}-postmortem.zip`);
  await expect(page.getByTestId('export-result')).toBeVisible();
  await expect(page.getByTestId('export-contents')).toContainText('postmortem.md');

  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-bundle-'));
  const zipPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  const expected = ['postmortem.md', 'postmortem.html', 'timeline.csv', 'activity-log.csv', 'action-items.csv', 'metrics.json', 'incident.jsonl', 'manifest.json'];
  expect(Object.keys(files)).toEqual(expect.arrayContaining(expected));
  const text = (name: string) => new TextDecoder().decode(files[name]);
  expect(text('postmortem.md')).toContain('Pool exhausted after deploy (code change)');
  expect(text('action-items.csv')).toContain('Alert on pool exhaustion,SRE');
  // Times carry their offset now, so the column no longer says UTC.
  expect(text('timeline.csv').split('\r\n')[0]).toMatch(/^time,logged_at,/);
  expect(JSON.parse(text('manifest.json'))).toMatchObject({ format: 'command-post-bundle', incidentId: id });
  expect(JSON.parse(text('metrics.json'))).toMatchObject({ incidentId: id, severity: 'SEV2' });
  expect(text('incident.jsonl').trim().split('\n')).toHaveLength(events);
  for (const name of await page.getByTestId('export-contents').locator('li').allInnerTexts()) expect(Object.keys(files)).toContain(name);

  // A second machine with nothing on it.
  const otherDir = await mkdtemp(path.join(os.tmpdir(), 'command-post-e2e-import-'));
  const other = await startHostProcess(otherDir);
  try {
    const page2 = await page.context().newPage();
    await page2.goto(other.launchUrl);
    await waitUntilLive(page2);
    // A console nobody has used yet first asks who is at it: the import is signed by them.
    await page2.getByTestId('identity-name').fill('Lee Park');
    await page2.getByTestId('identity-name').press('Enter');
    await expect(page2.getByTestId('identity-dialog')).toBeHidden();
    await expect(page2.getByTestId('incident-list-item')).toHaveCount(0);

    await page2.getByTestId('import-file-input').setInputFiles(zipPath);
    await expect(page2.getByTestId('import-result')).toContainText(`Added ${events} events / already had 0`);
    await expect(page2.getByTestId('import-result')).toContainText(`New incident on this machine: ${id}`);
    await page2.getByTestId('import-open').click();
    await expect(page2.getByTestId('incident-list-item')).toHaveCount(1);
    await expect(page2.getByTestId('incident-list-item')).toContainText('Checkout 502s in EU');
    await expect(page2).toHaveURL(new RegExp(`#/incident/${id}$`));

    await page2.getByTestId('import-file-input').setInputFiles(zipPath);
    await expect(page2.getByTestId('import-result')).toContainText(`Added 0 events / already had ${events}`);
    await page2.keyboard.press('Escape');
    await expect(page2.getByTestId('incident-list-item')).toHaveCount(1);
    const imported = await connectEngine(other);
    const copy = unwrap(await imported.call('incident.get', { incidentId: id }));
    expect(copy.lastSeq).toBe(events);
    expect(copy.postmortem.rootCause).toBe('Pool exhausted after deploy');
    await imported.close();

    // A zip that is not ours, and a file that is not a zip: refused, with the reason.
    const foreign = path.join(dir, 'holiday-photos.zip');
    await writeFile(foreign, zipSync({ 'hello.txt': strToU8('hi') }));
    await page2.getByTestId('import-file-input').setInputFiles(foreign);
    await expect(page2.getByTestId('import-error')).toContainText('not a Command Post bundle');
    await expect(page2.getByTestId('import-error')).toContainText('Nothing was imported');
    await page2.getByRole('button', { name: 'Close' }).click();
    await page2.getByTestId('import-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
    await expect(page2.getByTestId('import-error')).toContainText('neither a Command Post bundle');
    await expect(page2.getByTestId('incident-list-item')).toHaveCount(1);
    await page2.close();
  } finally {
    await other.stop();
    await rm(otherDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
  await engine.close();
});

test('exports one person’s scribe log, and importing it back adds nothing', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = await resolvedIncident(engine);
  unwrap(await engine.call('settings.update', { operatorName: 'Dana Reyes' }));
  unwrap(await engine.call('timeline.log', { incidentId: incident.id, text: 'IC: handing comms to Priya' }));
  const lee = (await engine.call('incident.get', { incidentId: incident.id })) as { ok: true; value: IncidentView };
  const byLee = lee.value.timeline.filter((e) => e.actor === 'Lee Park').length;
  await openPostmortem(page, host.url, incident.id);

  await page.getByTestId('scribe-open').click();
  const dialog = page.getByTestId('scribe-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('scribe-actor').locator('option')).toHaveCount(2);
  await page.getByTestId('scribe-actor').selectOption('Lee Park');
  await expect(page.getByTestId('scribe-actor').locator('option:checked')).toContainText(`${byLee} timeline lines`);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('scribe-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${incident.id}-scribe-Lee-Park.jsonl`);
  await expect(page.getByTestId('scribe-result')).toContainText('events');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-scribe-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  expect(lines.every((l) => l.includes('"actor":"Lee Park"'))).toBe(true);
  await page.keyboard.press('Escape');

  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-result')).toContainText(`Added 0 events / already had ${lines.length}`);
  await rm(dir, { recursive: true, force: true });
  await engine.close();
});

test('opens the printable post-mortem in a new tab', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = await resolvedIncident(engine);
  unwrap(await engine.call('postmortem.update', { incidentId: incident.id, rootCause: 'Incomplete certificate chain' }));
  await openPostmortem(page, host.url, incident.id);
  const [printable] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('pm-print').click()]);
  await printable.waitForLoadState();
  await expect(printable).toHaveURL(/^blob:/);
  await expect(printable.locator('h1')).toHaveText(`Post-mortem: ${incident.title}`);
  await expect(printable.locator('body')).toContainText('Incomplete certificate chain');
  expect(await printable.locator('script').count()).toBe(0);
  await printable.close();
  await engine.close();
});
