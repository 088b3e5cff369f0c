import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { dayOf } from '../../shared/domain/review/schedule';
import { unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { DAY, DETECTIONS, movableClock, seedDetections, seedManyIncidents } from './review-seed';
import { shoot } from './screens';
import { waitUntilLive } from './ui';

test.describe.configure({ timeout: 120_000 });

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

async function csvOf(page: Page, click: () => Promise<void>): Promise<{ name: string; lines: string[] }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download: Download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), lines: text.trim().split('\r\n') };
}

test('metrics across incidents: charts, tables, CSV, filters and the lists that link back', async ({ page, host }) => {
  const clock = await movableClock(host);
  const seeded = await seedManyIncidents(clock, 16, 6, 11);
  const { engine } = clock;
  const all = unwrap(await engine.call('metrics.report', {}));
  expect(all.incidents).toBe(16);

  await page.goto(clock.url);
  await waitUntilLive(page);
  await page.getByTestId('nav-metrics').click();
  await expect(page).toHaveURL(/#\/metrics$/);
  await expect(page.getByTestId('nav-metrics')).toHaveAttribute('aria-current', 'page');
  const view = page.getByTestId('metrics-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('metrics-count')).toHaveText('16');

  // Every chart draws, themed and without animation.
  for (const id of ['incidents-per-week', 'response-times', 'detection-share', 'update-punctuality', 'repeat-rate']) {
    await expect(page.getByTestId(`card-${id}`).locator('svg.recharts-surface[role="application"]'), id).toBeVisible();
  }
  await expect(page.getByTestId('card-incidents-per-week').locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The window computes what the engine computes.
  await expect(page.getByTestId('repeat-rate')).toHaveText(percent(all.repeat.rate));
  await expect(page.getByTestId('kpi-overdue')).toContainText(String(all.overdueActions.length));
  await expect(page.getByTestId('kpi-flagged')).toContainText(String(all.flagged.length));

  // Table view: the same numbers as the chart, one row per week.
  await page.getByTestId('card-incidents-per-week-table').click();
  const weeks = page.getByTestId('card-incidents-per-week-rows').locator('tbody tr');
  await expect(weeks).toHaveCount(all.perWeek.length);
  const totals = await weeks.locator('td:last-child').allInnerTexts();
  expect(totals.reduce((sum, t) => sum + Number(t), 0)).toBe(16);
  await page.getByTestId('card-incidents-per-week-chart').click();
  await expect(page.getByTestId('card-incidents-per-week').locator('svg.recharts-surface[role="application"]')).toBeVisible();

  // CSV of each chart's data.
  const perWeek = await csvOf(page, () => page.getByTestId('card-incidents-per-week-csv').click());
  expect(perWeek.name).toBe(`incidents-per-week-${dayOf(Date.now())}.csv`);
  expect(perWeek.lines[0]).toBe('Week,SEV1,SEV2,SEV3,SEV4,Total');
  expect(perWeek.lines).toHaveLength(all.perWeek.length + 1);
  const w = all.perWeek[0]!;
  expect(perWeek.lines[1]).toBe([w.week, w.SEV1, w.SEV2, w.SEV3, w.SEV4, w.SEV1 + w.SEV2 + w.SEV3 + w.SEV4].join(','));
  const times = await csvOf(page, () => page.getByTestId('card-response-times-csv').click());
  expect(times.lines[0]).toBe('severity,metric,n,missing,out_of_order,median_min,p90_min,mean_min');
  expect(times.lines).toHaveLength(1 + 4 * 4);
  const sev1Ttr = all.responseTimes.SEV1.ttr;
  expect(times.lines).toContain(
    ['SEV1', 'MTTR', sev1Ttr.n, sev1Ttr.missing, sev1Ttr.outOfOrder, ...[sev1Ttr.median, sev1Ttr.p90, sev1Ttr.mean].map((v) => (v === null ? '' : Math.round(v / 6_000) / 10))].join(','),
  );
  const detection = await csvOf(page, () => page.getByTestId('card-detection-share-csv').click());
  expect(detection.lines[0]).toBe('month,alert,customer_report,internal,total,alert_share');

  // Response times: the switch, and counts with the missing ones said out loud.
  await page.getByTestId('response-tta').click();
  await expect(page.getByTestId('card-response-times')).toContainText('MTTA: detection → acknowledgement');
  await expect(page.getByTestId('response-counts')).toContainText(`SEV4 n=${all.responseTimes.SEV4.tta.n}`);
  await page.getByTestId('card-response-times-table').click();
  await expect(page.getByTestId('card-response-times-rows').locator('thead')).toContainText('Median');
  await expect(page.getByTestId('card-response-times-rows').locator('thead')).toContainText('p90');

  // Flagged timestamps are listed; the overdue action items link to their post-mortems.
  await expect(page.getByTestId('flagged-incident')).toHaveCount(seeded.flagged.length);
  await expect(page.getByTestId('flagged-incident').first()).toContainText('detected before impact started');
  await expect(page.getByTestId('overdue-action')).toHaveCount(all.overdueActions.length);

  // Filters: severity, service tag, dates; each matches the engine's own report.
  await page.getByTestId('metrics-sev-SEV3').click();
  const sev3 = unwrap(await engine.call('metrics.report', { severities: ['SEV3'] }));
  await expect(page.getByTestId('metrics-count')).toHaveText(String(sev3.incidents));
  await page.getByTestId('metrics-sev-SEV3').click();
  const tag = unwrap(await engine.call('incident.list', {})).flatMap((i) => i.tags)[0]!;
  await page.getByTestId('metrics-tag').selectOption(tag);
  const tagged = unwrap(await engine.call('metrics.report', { tag }));
  await expect(page.getByTestId('metrics-count')).toHaveText(String(tagged.incidents));
  await page.getByTestId('metrics-tag').selectOption('');
  const from = dayOf(Date.now() - 14 * DAY);
  await page.getByTestId('metrics-from').fill(from);
  const recent = unwrap(await engine.call('metrics.report', { from: new Date(`${from}T00:00:00`).getTime() }));
  await expect(page.getByTestId('metrics-count')).toHaveText(String(recent.incidents));
  expect(recent.incidents).toBeLessThan(16);
  await page.getByTestId('metrics-reset').click();
  await expect(page.getByTestId('metrics-count')).toHaveText('16');

  // The view fits the screen; its cards scroll inside.
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);

  if (all.overdueActions.length > 0) {
    const first = page.getByTestId('overdue-action').first();
    const incidentId = (await first.locator('.mx-link').innerText()).trim();
    await first.locator('.mx-link').click();
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}/postmortem$`));
    await expect(page.getByTestId('postmortem-view')).toBeVisible();
  }
  await clock.close();
});

test('alert quality and MTTD: detections from Alertmanager webhooks, decided through the engine, per alert and service', async ({ page, host }) => {
  const clock = await movableClock(host);
  await seedManyIncidents(clock, 12, 6, 5);
  const detections = await seedDetections(clock, host);
  expect(detections).toHaveLength(DETECTIONS.length);
  const all = unwrap(await clock.engine.call('metrics.report', {}));
  // Noisiest first; the attached detection counts on its own, not again on the incident it joined.
  expect(all.alertQuality.map((r) => [r.name, r.service, r.detections, r.noise])).toEqual([
    ['CertificateExpiringSoon', 'cdn', 1, 1],
    ['HighErrorRate', 'payments', 1, 1],
    ['DiskWillFillIn4h', 'postgres', 4, 0.75],
    ['KafkaConsumerLag', 'kafka', 3, 2 / 3],
    ['HighErrorRate', 'checkout', 3, 0],
    ['HighLatencyP99', 'search', 1, 0],
    ['PodCrashLooping', 'notifications', 1, 0],
  ]);

  await page.goto(clock.url);
  await waitUntilLive(page);
  await page.getByTestId('nav-metrics').click();
  const card = page.getByTestId('card-alert-quality');
  await card.scrollIntoViewIfNeeded();
  const rows = page.getByTestId('card-alert-quality-rows').locator('tbody tr');
  await expect(rows).toHaveCount(all.alertQuality.length);
  await expect(rows.nth(0).locator('td')).toHaveText(['CertificateExpiringSoon', 'cdn', '1', '0', '0', '0', '1', '0', '100%']);
  await expect(rows.nth(2).locator('td')).toHaveText(['DiskWillFillIn4h', 'postgres', '4', '0', '0', '2', '1', '1', '75%']);
  await expect(rows.nth(4).locator('td')).toHaveText(['HighErrorRate', 'checkout', '3', '2', '1', '0', '0', '0', '0%']);
  // 4 false alarms and 3 minor of the 14 detections.
  await expect(page.getByTestId('alert-noise')).toHaveText(percent(7 / 14));
  await expect(card.locator('.recharts-yAxis .recharts-cartesian-axis-tick')).toHaveCount(all.alertQuality.length);

  // The accessibility audit sees the card empty; here it is read with rows in it.
  const audit = await new AxeBuilder({ page }).include('[data-testid="card-alert-quality"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const quality = await csvOf(page, () => page.getByTestId('card-alert-quality-csv').click());
  expect(quality.lines[0]).toBe('alert,service,detections,declared,attached,false_alarm,minor,undecided,noise_share');
  expect(quality.lines[3]).toBe('DiskWillFillIn4h,postgres,4,0,0,2,1,1,0.75');

  // The severity filter narrows the detections counted (critical alerts became SEV2).
  await page.getByTestId('metrics-sev-SEV2').click();
  const sev2 = unwrap(await clock.engine.call('metrics.report', { severities: ['SEV2'] }));
  await expect(rows).toHaveCount(sev2.alertQuality.length);
  expect(sev2.alertQuality.every((r) => r.name !== 'DiskWillFillIn4h')).toBe(true);
  await page.getByTestId('metrics-sev-SEV2').click();
  await expect(rows).toHaveCount(all.alertQuality.length);

  // MTTD: impact start (the alert's startsAt) → detected (when the webhook arrived), per severity.
  const ttd = all.responseTimes.SEV3.ttd;
  expect(ttd.n).toBeGreaterThanOrEqual(DETECTIONS.filter((d) => d[2] === 'warning').length);
  await page.getByTestId('response-ttd').click();
  await expect(page.getByTestId('card-response-times')).toContainText('MTTD: impact start → detection');
  await expect(page.getByTestId('response-counts')).toContainText(`SEV3 n=${ttd.n}`);

  await page.getByTestId('card-response-times').scrollIntoViewIfNeeded();
  await shoot(page, 'metrics-mttd');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'metrics-alert-quality');
  await clock.close();
});
