import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { PNG_1X1 } from '../support/image-bytes';
import { dashboardPng } from './dashboard-png';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { longLog, pasteInto } from './paste';
import { shoot } from './screens';
import { declareIncident, logEntry, openConsoleAt, waitUntilLive } from './ui';

/** A file dropped onto the scribe box from the desktop. */
async function dropOn(target: Locator, file: { name: string; type: string; bytes: number[] }): Promise<void> {
  await target.evaluate((el, f) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
}

const incidentIdOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.split('/')[2] ?? ''));
const entryRow = (page: Page, text: string) => page.getByTestId('timeline-entry').filter({ hasText: text });

test('a pasted screenshot and a pasted log land on the timeline, open full size, and travel in the bundle; a program is refused and the words kept', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout p99 above 3 s after deploy', 'SEV2');
  const input = page.getByTestId('entry-input');
  const chart = dashboardPng(640, 360);

  // A screenshot pasted while the line is being typed: one entry with the words and the image.
  await input.fill('Grafana: checkout p99 spiked to 3.4 s at the deploy');
  await pasteInto(input, { file: { name: 'image.png', type: 'image/png', bytes: chart } });
  const chip = page.getByTestId('pending-attachment');
  await expect(chip).toHaveCount(1);
  await expect(chip).toContainText(/^screenshot-\d{6}\.png/);
  await expect(input, 'the image is not pasted as text').toHaveValue('Grafana: checkout p99 spiked to 3.4 s at the deploy');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(chip).toHaveCount(0);
  const shotRow = entryRow(page, 'checkout p99 spiked');
  const thumb = shotRow.getByTestId('artefact-thumb');
  await expect(thumb).toBeVisible();
  await expect(thumb.locator('img')).toHaveJSProperty('naturalWidth', 640);

  // A long log pasted into an empty box: a snippet file, not a 56 KB note; its first lines name the entry.
  const log = longLog();
  await pasteInto(input, { text: log });
  await expect(chip).toContainText(/^snippet-\d{4}\.log/);
  await expect(input).toHaveValue('');
  await input.press('Enter');
  await expect(chip).toHaveCount(0);
  const snippetRow = entryRow(page, 'ERROR checkout-api pool exhausted (active=200 idle=0) req=0 · ');
  await expect(snippetRow.getByTestId('artefact-snippet')).toContainText('req=1');

  // A file attached to a line already logged, from the row's action.
  await logEntry(page, 'Error-rate panel before the rollback');
  const before = entryRow(page, 'Error-rate panel before the rollback');
  await before.hover();
  const choosing = page.waitForEvent('filechooser');
  await before.getByTestId('entry-attach').click();
  await (await choosing).setFiles({ name: 'error-rate.png', mimeType: 'image/png', buffer: Buffer.from(dashboardPng(480, 270, 'amber')) });
  await expect(before.getByTestId('artefact-thumb')).toHaveAttribute('data-artefact-name', 'error-rate.png');

  // A program dropped with the words typed: refused in the engine's words, nothing sent, the words kept.
  await input.fill('Vendor sent a fixed driver');
  await dropOn(page.getByTestId('entry-box'), { name: 'setup.exe', type: 'application/octet-stream', bytes: [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04] });
  await expect(chip).toContainText('setup.exe');
  await input.press('Enter');
  await expect(page.getByTestId('attach-refusal')).toHaveText('setup.exe was not attached: it is a Windows program, which the console never stores.');
  await expect(input).toHaveValue('Vendor sent a fixed driver');
  await expect(entryRow(page, 'Vendor sent a fixed driver')).toHaveCount(0);
  await chip.getByTestId('pending-remove').click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByTestId('attach-refusal'), 'the refused file is gone, and so is the why').toHaveCount(0);
  await input.fill('');

  // A corrupt image: cut short.
  await pasteInto(input, { file: { name: 'cut.png', type: 'image/png', bytes: chart.slice(0, 400) } });
  await input.press('Enter');
  await expect(page.getByTestId('attach-refusal')).toHaveText('cut.png was not attached: it claims to be PNG but is cut short or damaged.');
  await chip.getByTestId('pending-remove').click();
  await expect(page.getByTestId('attach-refusal')).toHaveCount(0);
  await logEntry(page, 'Rolled back checkout-api to v41; p99 recovering');
  await shoot(page, 'artefacts-timeline');

  // The viewer: full size, with what the review needs to trust it.
  await thumb.click();
  const viewer = page.getByTestId('artefact-viewer');
  await expect(viewer.getByTestId('artefact-image')).toHaveJSProperty('naturalWidth', 640);
  const hash = createHash('sha256').update(chart).digest('hex');
  await expect(viewer.getByTestId('artefact-facts')).toContainText(hash);
  await expect(viewer.getByTestId('artefact-facts')).toContainText('Riley Chen');
  await shoot(page, 'artefact-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await snippetRow.getByTestId('artefact-thumb').click();
  await expect(viewer.getByTestId('artefact-text')).toContainText('req=699');
  await shoot(page, 'artefact-viewer-snippet');
  await page.keyboard.press('Escape');

  // Resolved: asked once to gather what ages out.
  const id = await incidentIdOf(page);
  const engine = await connectEngine(host);
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'resolved' }));
  const state = unwrap(await engine.call('incident.get', { incidentId: id }));
  await engine.close();
  const prompt = page.getByTestId('artefact-prompt');
  await expect(prompt).toContainText('Attach dashboards and log snippets now, while they exist.');
  await shoot(page, 'artefacts-resolved-prompt');
  await prompt.getByTestId('artefact-prompt-dismiss').click();
  await expect(prompt).toHaveCount(0);
  await page.reload();
  await waitUntilLive(page);
  await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
  await expect(prompt, 'asked once').toHaveCount(0);

  // The post-mortem places them; the bundle carries the screenshot under attachments/.
  await page.goto(`${host.url}#/incident/${id}/postmortem`);
  await waitUntilLive(page);
  await expect(page.getByTestId('pm-artefacts').getByTestId('artefact-thumb')).toHaveCount(3);
  await page.getByTestId('pm-artefacts').scrollIntoViewIfNeeded();
  await shoot(page, 'artefacts-postmortem');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const download = await downloading;
  const zipPath = path.join(await mkdtemp(path.join(os.tmpdir(), 'command-post-artefacts-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  const shot = state.artefacts.find((a) => a.hash === hash)!;
  const inBundle = Object.keys(files).find((name) => name.startsWith('attachments/') && name.endsWith(shot.name));
  expect(inBundle, `the bundle holds ${shot.name}`).toBeDefined();
  expect(createHash('sha256').update(files[inBundle!]!).digest('hex')).toBe(hash);
  expect(Object.keys(files).some((name) => name.startsWith('attachments/') && name.endsWith('.log'))).toBe(true);
});

test('a 1×1 screenshot pasted on its own is logged as "Attached NAME"', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search index lagging', 'SEV3');
  const input = page.getByTestId('entry-input');
  await pasteInto(input, { file: { name: 'lag.png', type: 'image/png', bytes: PNG_1X1 } });
  await page.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(entryRow(page, 'Attached lag.png').getByTestId('artefact-thumb')).toBeVisible();
});

test.describe('a line with files', () => {
  test.use({ timezoneId: 'UTC' });

  test('keeps its @name, its ~time and the selected workstream on the entry the screenshot is logged on', async ({ page, host }) => {
    // Both clocks read 14:30 UTC today, so `~14:02` is 28 minutes ago, not yesterday.
    const day = new Date();
    const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 14, 30));
    await openConsoleAt(page, host, at);
    await declareIncident(page, 'Checkout 500s in eu-west-1', 'SEV1');
    // `@dana` names the technical lead; the workstream is the one selected on the board.
    const incidentId = await incidentIdOf(page);
    const engine = await connectEngine(host);
    unwrap(await engine.call('role.assign', { incidentId, role: 'technical-lead', name: 'Dana Whitfield' }));
    unwrap(await engine.call('workstream.open', { incidentId, title: 'Payments pool', owner: 'Dana Whitfield' }));
    await engine.close();
    const card = page.getByTestId('workstream-card').filter({ hasText: 'Payments pool' });
    await card.getByTestId('workstream-select').click();
    await expect(page.getByTestId('entry-workstream')).toContainText('Payments pool');

    const input = page.getByTestId('entry-input');
    await input.fill('@dana ~14:02 checkout graph: error rate at 38%');
    await pasteInto(input, { file: { name: 'image.png', type: 'image/png', bytes: dashboardPng(640, 360) } });
    await expect(page.getByTestId('pending-attachment')).toHaveCount(1);
    await input.press('Enter');
    await expect(input).toHaveValue('');
    const row = entryRow(page, 'checkout graph: error rate at 38%');
    await expect(row).toHaveCount(1);
    await expect(row.locator('.tl-words')).toHaveText('checkout graph: error rate at 38%');
    await expect(row.locator('.tl-time')).toHaveText('14:02:00');
    await expect(row.locator('.tl-actor')).toHaveText('Dana Whitfield');
    await expect(row.locator('.tl-ws')).toHaveText('Payments pool');
    await expect(row.getByTestId('artefact-thumb').locator('img')).toHaveJSProperty('naturalWidth', 640);
    await shoot(page, 'artefacts-prefixed-line');

    // A time ahead is refused before anything is sent; the line and its file wait in the box.
    const ahead = `~${at.toISOString().slice(0, 10)} 15:30 the next graph`;
    await input.fill(ahead);
    await pasteInto(input, { file: { name: 'next.png', type: 'image/png', bytes: PNG_1X1 } });
    await input.press('Enter');
    await expect(page.getByTestId('entry-error')).toContainText('is in the future');
    await expect(input).toHaveValue(ahead);
    await expect(entryRow(page, 'the next graph')).toHaveCount(0);
  });
});
