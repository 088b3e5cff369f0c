import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { bundleOf, journalLines } from '../support/import-files';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { waitUntilLive } from './ui';

const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');

test('a bundle that would change an incident here is previewed, and merged only on confirmation', async ({ page, host }) => {
  const engine = await connectEngine(host);
  const incident = unwrap(await engine.call('incident.declare', { title: 'Checkout 502s in EU', severity: 'SEV1' }));
  unwrap(await engine.call('timeline.log', { incidentId: incident.id, text: 'Edge error rate 30%' }));
  const exported = unwrap(await engine.call('bundle.export', { incidentId: incident.id }));
  const journal = new TextDecoder().decode(unzipSync(Buffer.from(exported.base64, 'base64'))['incident.jsonl']);
  const events = journal.trim().split('\n').map((l) => JSON.parse(l).event as Record<string, unknown>);
  const at = Date.now();
  const base = { incidentId: incident.id, at, actor: 'Mallory' };
  const crafted = [
    ...events,
    { ...base, id: randomUUID(), seq: 90, type: 'timeline.logged', payload: { entryId: randomUUID(), text: 'Looks fine to me', kind: 'note', occurredAt: at, attribution: null, workstreamId: null } },
    { ...base, id: randomUUID(), seq: 91, type: 'incident.statusChanged', payload: { from: 'investigating', to: 'closed', reason: '', reviewNeeded: false } },
  ];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'command-post-gate-'));
  const file = path.join(dir, 'from-mallory.zip');
  await writeFile(file, bundleOf(journalLines(crafted)));

  await page.goto(host.url);
  await waitUntilLive(page);
  await page.getByTestId('import-file-input').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-preview-events')).toHaveText('2');
  await expect(page.getByTestId('import-preview-changes')).toContainText('Status investigating → closed');
  await expect(page.getByTestId('import-preview-changes')).toContainText('Mallory');
  await expect(page.getByTestId('import-cancel')).toBeFocused();
  await mkdir(SCREENS, { recursive: true });
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SCREENS, `import-preview-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // Cancel writes nothing.
  await page.getByTestId('import-cancel').click();
  await expect(preview).toBeHidden();
  expect(unwrap(await engine.call('incident.get', { incidentId: incident.id })).status).toBe('investigating');

  // Confirm writes exactly the previewed file, each event marked with its origin.
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toContainText(`Added 2 events / already had ${events.length}`);
  await page.getByTestId('import-open').click();
  const row = page.getByTestId('timeline-entry').filter({ hasText: 'Looks fine to me' });
  await expect(row.getByTestId('entry-origin')).toContainText('imported · from-mallory.zip');
  expect(unwrap(await engine.call('incident.get', { incidentId: incident.id })).status).toBe('closed');
  await page.screenshot({ path: path.join(SCREENS, 'import-origin-1366x768.png') });

  await rm(dir, { recursive: true, force: true });
  await engine.close();
});
