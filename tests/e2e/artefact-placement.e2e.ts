import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { dashboardPng } from './dashboard-png';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { longLog, pasteInto } from './paste';
import { SCREENS, shoot, SIZES } from './screens';
import { declareIncident, waitUntilLive } from './ui';

const incidentIdOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.split('/')[2] ?? ''));
const saved = (page: Page) => expect(page.getByTestId('pm-save-state')).toHaveAttribute('data-state', 'saved');

/** axe-core's serious and critical findings, as the accessibility suite counts them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The part of a page of HTML from one `<h2>` to the next. */
function section(html: string, title: string): string {
  const start = html.indexOf(`<h2>${title}</h2>`);
  expect(start, `a ${title} section`).toBeGreaterThan(-1);
  const next = html.indexOf('<h2>', start + 4);
  return html.slice(start, next === -1 ? undefined : next);
}

test('a screenshot pasted on the timeline is placed in the root cause from the post-mortem editor, and the exported HTML shows it there', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout p99 above 3 s after deploy', 'SEV2');
  const input = page.getByTestId('entry-input');
  await input.fill('Grafana: checkout p99 spiked to 3.4 s at the deploy');
  await pasteInto(input, { file: { name: 'image.png', type: 'image/png', bytes: dashboardPng(640, 360) } });
  await input.press('Enter');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'p99 spiked' }).getByTestId('artefact-thumb')).toBeVisible();
  await pasteInto(input, { text: longLog() });
  await input.press('Enter');
  await expect(page.getByTestId('artefact-snippet').first()).toContainText('req=1');

  const id = await incidentIdOf(page);
  const engine = await connectEngine(host);
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated' }));
  unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'resolved' }));
  const [shot, snippet] = unwrap(await engine.call('incident.get', { incidentId: id })).artefacts;
  await engine.close();
  expect(shot!.mime).toBe('image/png');
  expect(snippet!.mime).toBe('text/plain');

  await page.goto(`${host.url}#/incident/${id}/postmortem`);
  await waitUntilLive(page);
  await expect(page.getByTestId('postmortem-view')).toBeVisible();

  // The cursor at the end of the first line: the screenshot goes between the two, on a line of its own.
  const rootCause = page.getByTestId('pm-rootCause');
  await rootCause.fill('The pool was sized for last year’s traffic.\nIt ran dry four minutes after the deploy.');
  await rootCause.press('Control+Home');
  await rootCause.press('End');
  await page.getByTestId('pm-rootCause-insert').click();
  const picker = page.getByTestId('artefact-picker');
  await expect(picker.getByTestId('artefact-pick')).toHaveCount(2);
  await expect(picker.getByTestId('artefact-pick').first().locator('img')).toHaveJSProperty('naturalWidth', 640);
  await page.getByTestId('pm-root-cause').scrollIntoViewIfNeeded();
  await shoot(page, 'placement-picker');
  expect(await seriousViolations(page)).toEqual([]);
  await picker.getByTestId('artefact-pick').filter({ hasText: shot!.name }).click();
  await expect(picker).toBeHidden();
  const token = `[[artefact:${shot!.id}]]`;
  await expect(rootCause).toHaveValue(`The pool was sized for last year’s traffic.\n${token}\nIt ran dry four minutes after the deploy.`);
  await expect(rootCause, 'the author is back in the text, after the token').toBeFocused();
  expect(await rootCause.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(`The pool was sized for last year’s traffic.\n${token}`.length);
  await expect(page.getByTestId('pm-rootCause-placed').getByTestId('artefact-thumb')).toHaveAttribute('data-artefact-name', shot!.name);

  // The snippet into "What went well"; a token typed by hand that names nothing is flagged at once.
  await page.getByTestId('pm-wentWell').fill('The pool’s own log said so early:');
  await page.getByTestId('pm-wentWell-insert').click();
  await expect(picker.getByTestId('artefact-pick').filter({ hasText: shot!.name })).toContainText('Placed in Root cause');
  await picker.getByTestId('artefact-pick').filter({ hasText: snippet!.name }).click();
  await expect(page.getByTestId('pm-wentWell')).toHaveValue(`The pool’s own log said so early:\n[[artefact:${snippet!.id}]]`);
  await page.getByTestId('pm-couldImprove').fill('See [[artefact:no-such-file]] for the alert we lacked.');
  await expect(page.getByTestId('pm-couldImprove-placed').getByTestId('placed-missing')).toHaveText('[artefact not found: no-such-file]');
  await page.getByTestId('pm-couldImprove').blur();
  await saved(page);
  await page.getByTestId('pm-root-cause').scrollIntoViewIfNeeded();
  await shoot(page, 'placement-editor');
  expect(await seriousViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const download = await downloading;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-placement-'));
  const zipPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  const shotPath = Object.keys(files).find((name) => name.startsWith('attachments/') && name.endsWith(shot!.name))!;
  const html = strFromU8(files['postmortem.html']!);
  const root = section(html, 'Root cause');
  expect(root).toContain(`<p>The pool was sized for last year’s traffic.</p><figure><img src="${shotPath}" alt="${shot!.name}">`);
  expect(root.indexOf('<img'), 'between the two paragraphs').toBeLessThan(root.indexOf('It ran dry'));
  expect(section(html, 'What went well')).toContain('<pre>2026-11-22T03:00:00Z ERROR checkout-api pool exhausted (active=200 idle=0) req=0\n');
  expect(section(html, 'What could be improved')).toContain('<p class="missing">[artefact not found: no-such-file]</p>');
  expect(section(html, 'Artefacts')).toContain('placed in Root cause');
  const md = strFromU8(files['postmortem.md']!);
  expect(md).toContain(`The pool was sized for last year’s traffic.\n\n![${shot!.name}](${shotPath})`);

  // The printed page, opened from the unpacked bundle as a reader would, at the root cause.
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'bundle', name)), { recursive: true });
    await writeFile(path.join(dir, 'bundle', name), bytes);
  }
  const printed = await page.context().newPage();
  await printed.goto(pathToFileURL(path.join(dir, 'bundle', 'postmortem.html')).href);
  await expect(printed.locator('figure img').first()).toHaveJSProperty('naturalWidth', 640);
  for (const size of SIZES) {
    await printed.setViewportSize(size);
    await printed.locator('h2', { hasText: 'Root cause' }).evaluate((h) => h.scrollIntoView());
    await printed.screenshot({ path: path.join(SCREENS, `placement-printed-${size.width}x${size.height}.png`) });
  }
  await printed.close();

  // Print / HTML from the console: one page with the screenshot inside it, nothing beside it.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('pm-print').click()]);
  await tab.waitForLoadState();
  const placed = tab.locator('figure img').first();
  await expect(placed).toHaveJSProperty('naturalWidth', 640);
  expect(await placed.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await expect(tab.locator('pre').first()).toContainText('pool exhausted (active=200 idle=0) req=0');
  expect(await tab.locator('script').count()).toBe(0);
  for (const size of SIZES) {
    await tab.setViewportSize(size);
    await tab.locator('h2', { hasText: 'Root cause' }).evaluate((h) => h.scrollIntoView());
    await tab.screenshot({ path: path.join(SCREENS, `placement-print-tab-${size.width}x${size.height}.png`) });
  }
  await tab.close();
  await expect(page.getByTestId('print-left')).toHaveCount(0);

  // The screenshot's file gone from this console (and no team to fetch it from): the page still
  // opens, and the console says which file it could not show.
  await rm(path.join(host.dataDir, 'incidents', id, 'attachments', shot!.hash));
  const [bare] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('pm-print').click()]);
  await bare.waitForLoadState();
  await expect(bare.locator('h2', { hasText: 'Root cause' })).toBeVisible();
  expect(section(await bare.content(), 'Root cause')).toContain('(file not in this copy)');
  await bare.close();
  await expect(page.getByTestId('print-left')).toContainText(`Printed without one file:${shot!.name}: The file of ${shot!.name} is not on this console`);
  await page.getByTestId('pm-root-cause').scrollIntoViewIfNeeded();
  await shoot(page, 'placement-print-left');
  await page.getByTestId('print-dismiss').click();
  await expect(page.getByTestId('print-left')).toHaveCount(0);
});
