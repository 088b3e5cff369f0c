import { expect, test } from './fixtures';
import { declareIncident, logEntry, waitUntilLive } from './ui';
import { entryRow, rowAction, seedSettings, submitDialog } from './war-room-ui';

test('roles: assign from the roster, hand off with a briefing; empty roles and the IC as tech lead are next steps', async ({ page, host }) => {
  await seedSettings(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1', '', { takeIc: false });

  const steps = page.getByTestId('next-steps');
  // The panel shows four steps until asked for the rest.
  await steps.getByTestId('next-steps-more').click();
  const emptyRoles = () => steps.locator('[data-step^="role-empty:"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')));
  await expect
    .poll(emptyRoles, { message: 'SEV1 requires IC, TL, comms lead and scribe' })
    .toEqual(['role-empty:incident-commander', 'role-empty:technical-lead', 'role-empty:communications-lead', 'role-empty:scribe']);
  await expect(steps.locator('[data-step="role-empty:incident-commander"]')).toHaveAttribute('data-severity', 'urgent');
  await expect(page.getByTestId('role-incident-commander')).toContainText('Empty — required');

  await page.getByTestId('role-incident-commander').getByTestId('assign-button').click();
  const assign = page.getByTestId('assign-dialog');
  await expect(assign.getByTestId('roster-person').first(), 'usual incident commanders come first').toContainText('Dana Whitfield');
  await assign.getByTestId('roster-person').filter({ hasText: 'Dana Whitfield' }).click();
  await expect(assign.getByTestId('person-contact')).toHaveValue('+1 415 555 0142 · @dana');
  await submitDialog(page, 'assign-dialog');
  await expect(page.getByTestId('role-incident-commander').getByTestId('role-holder')).toHaveText('Dana Whitfield');
  await expect(entryRow(page, 'Dana Whitfield is Incident commander (+1 415 555 0142 · @dana)')).toBeVisible();
  await expect.poll(emptyRoles).toEqual(['role-empty:technical-lead', 'role-empty:communications-lead', 'role-empty:scribe']);

  // The IC takes the technical lead too, typed rather than picked: the collision is called out.
  await page.getByTestId('role-technical-lead').getByTestId('assign-button').click();
  await page.getByTestId('person-name').fill('Dana Whitfield');
  await submitDialog(page, 'assign-dialog');
  const collision = steps.locator('[data-step="ic-holds-tech-lead"]');
  await expect(collision).toContainText('both incident commander and technical lead');

  await page.getByTestId('role-technical-lead').getByTestId('handoff-button').click();
  const handoff = page.getByTestId('handoff-dialog');
  await expect(handoff.getByTestId('roster-person').first(), 'usual technical leads first').toContainText(/Alex Kim|Dev Patel|Marcus Lee/);
  await handoff.getByTestId('roster-person').filter({ hasText: 'Dev Patel' }).click();
  await handoff.getByTestId('briefing-situation').fill('EU checkout failing at 38%; deploy 2026.11.22-3 suspected');
  await handoff.getByTestId('briefing-actions').fill('Rollback of eu-west-1 under way');
  await handoff.getByTestId('briefing-decisions').fill('Whether to roll back us-east-1 as well');
  await handoff.getByTestId('briefing-next').fill('Internal update at 22:15');
  await submitDialog(page, 'handoff-dialog');

  await expect(page.getByTestId('role-technical-lead').getByTestId('role-holder')).toHaveText('Dev Patel');
  const briefing = entryRow(page, 'Technical lead handed off from Dana Whitfield to Dev Patel.');
  await expect(briefing).toContainText('Situation: EU checkout failing at 38%; deploy 2026.11.22-3 suspected');
  await expect(briefing).toContainText('Actions under way: Rollback of eu-west-1 under way');
  await expect(briefing).toContainText('Open decisions: Whether to roll back us-east-1 as well');
  await expect(briefing).toContainText('Next update: Internal update at 22:15');
  await expect(collision).toHaveCount(0);

  // Responders and release.
  await page.getByTestId('add-responder').click();
  await page.getByTestId('responder-dialog').getByTestId('roster-person').filter({ hasText: 'Maria Santos' }).click();
  await page.getByTestId('responder-expertise').fill('Payments on-call');
  await submitDialog(page, 'responder-dialog');
  await expect(page.getByTestId('responder')).toContainText('Maria Santos');
  await page.getByTestId('role-technical-lead').getByTestId('release-button').click();
  await submitDialog(page, 'release-dialog');
  await expect(page.getByTestId('role-technical-lead')).toContainText('Empty — required');
});

test('workstreams: open with a check-in, filter the timeline by one, log against it, report and block', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search latency p99 above 4 s', 'SEV2');
  await logEntry(page, 'Latency graphs attached to the channel');

  await page.getByTestId('open-workstream').click();
  await page.getByTestId('workstream-title').fill('Roll back search-indexer');
  await page.getByTestId('workstream-owner').fill('Alex Kim');
  await page.getByTestId('workstream-next').fill('Pin indexer to 4.12.1 in eu-west-1');
  await page.getByTestId('checkin-10').click();
  await submitDialog(page, 'workstream-open-dialog');

  const card = page.getByTestId('workstream-card').filter({ hasText: 'Roll back search-indexer' });
  await expect(card).toContainText('Alex Kim');
  await expect(card).toContainText('Pin indexer to 4.12.1 in eu-west-1');
  await expect(card.getByTestId('workstream-checkin')).toHaveText(/check-in (9:5\d|10:00)/);
  await expect(card.getByTestId('workstream-checkin')).toHaveAttribute('data-tone', 'calm');

  // Selecting it narrows the timeline to its lines, and the entry box logs against it.
  await expect(card).not.toHaveAttribute('aria-current', 'true');
  await card.getByTestId('workstream-select').click();
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('entry-workstream')).toContainText('Roll back search-indexer');
  await expect(entryRow(page, 'Latency graphs attached')).toHaveCount(0);
  await expect(entryRow(page, 'Workstream opened: Roll back search-indexer')).toBeVisible();
  await logEntry(page, 'Indexer pinned in eu-west-1; p99 falling');
  await expect(entryRow(page, 'Indexer pinned in eu-west-1')).toContainText('Roll back search-indexer');
  await expect(page.getByTestId('timeline-count')).toHaveText(/^2 of \d+$/);

  await card.getByTestId('workstream-select').click();
  await expect(card).not.toHaveAttribute('aria-current', 'true');
  await expect(entryRow(page, 'Latency graphs attached')).toBeVisible();
  await expect(page.getByTestId('entry-workstream')).toHaveCount(0);

  await card.getByTestId('workstream-report').click();
  await expect(entryRow(page, 'Workstream Roll back search-indexer: reported in')).toBeVisible();

  await card.getByTestId('workstream-update').click();
  const update = page.getByTestId('workstream-update-dialog');
  await update.getByLabel('Blocked').check();
  await update.getByTestId('workstream-next').fill('Waiting on the search team to approve the pin');
  await submitDialog(page, 'workstream-update-dialog');
  await expect(card).toHaveAttribute('data-status', 'blocked');
  await expect(entryRow(page, 'Workstream Roll back search-indexer: now blocked; next: Waiting on the search team')).toBeVisible();

  // The filter menu narrows the same way the card does.
  await page.getByTestId('filter-workstream').selectOption({ label: 'Roll back search-indexer' });
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(entryRow(page, 'Latency graphs attached')).toHaveCount(0);
  await page.getByTestId('filter-clear').click();
  await expect(entryRow(page, 'Latency graphs attached')).toBeVisible();
});

test('status: identified, mitigated, resolved, closed with a review decision, then reopened', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Login failures after certificate rotation', 'SEV2');
  const status = page.getByTestId('incident-status');

  await expect(page.getByTestId('status-to-closed'), 'closing needs a resolution first').toBeDisabled();
  for (const [to, label, reason] of [
    ['identified', 'Identified', 'Intermediate certificate missing from the bundle'],
    ['mitigated', 'Mitigated', 'Old certificate restored on the edge'],
    ['resolved', 'Resolved', 'New bundle with the intermediate deployed'],
  ] as const) {
    await page.getByTestId(`status-to-${to}`).click();
    await page.getByTestId('status-reason').fill(reason);
    await submitDialog(page, 'status-dialog');
    await expect(status).toHaveText(label);
    await expect(entryRow(page, reason)).toBeVisible();
  }
  await expect(page.getByTestId('clock-ttm')).not.toHaveText(/—/);
  await expect(page.getByTestId('clock-ttr')).not.toHaveText(/—/);
  await expect(page.getByTestId('status-to-mitigated'), 'a resolved incident is closed or reopened').toBeDisabled();

  await page.getByTestId('status-to-closed').click();
  const close = page.getByTestId('status-dialog');
  await expect(close.getByTestId('review-needed')).toContainText('Post-incident review needed?');
  await expect(close.getByTestId('dialog-submit'), 'no default: the IC must choose').toBeDisabled();
  await close.getByLabel('Yes').check();
  await submitDialog(page, 'status-dialog');
  await expect(status).toHaveText('Closed');
  await expect(page.getByTestId('incident-outcome')).toHaveText('Post-incident review needed');
  await expect(entryRow(page, 'Status Resolved → Closed; post-incident review needed')).toBeVisible();

  await page.getByTestId('status-reopen').click();
  await page.getByTestId('status-reason').fill('Errors are back for Safari users');
  await submitDialog(page, 'status-dialog');
  await expect(status).toHaveText('Investigating');
  await expect(entryRow(page, 'Reopened (was Closed) — Errors are back for Safari users')).toBeVisible();
  await expect(page.getByTestId('clock-ttr'), 'resolution cleared: the clock runs again').toHaveClass(/is-running/);
});

test('severity changes only with a reason, which goes on the timeline', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Card payments declined in APAC', 'SEV2');

  await page.getByTestId('incident-severity').click();
  const dialog = page.getByTestId('severity-dialog');
  await dialog.getByLabel('SEV1').check();
  await expect(dialog.getByTestId('dialog-submit')).toBeDisabled();
  await page.getByTestId('severity-reason').fill('Decline rate now 60% across all card brands');
  await submitDialog(page, 'severity-dialog');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await expect(entryRow(page, 'Severity SEV2 → SEV1')).toContainText('Decline rate now 60% across all card brands');
  // The SEV1 policy took over: the external clock now runs on the SEV1 first-post rule.
  await expect(entryRow(page, 'External updates every 20 min, first within 5 min — SEV1 policy')).toBeVisible();
});

test('backfilling impact start moves the clocks and says so on the timeline', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Nightly export job failing for two tenants', 'SEV3');
  await expect(page.getByTestId('clock-ttd')).toHaveText(/—/);

  await page.getByTestId('milestones-button').click();
  const dialog = page.getByTestId('times-dialog');
  const impact = new Date(Date.now() - 25 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${impact.getFullYear()}-${pad(impact.getMonth() + 1)}-${pad(impact.getDate())}T${pad(impact.getHours())}:${pad(impact.getMinutes())}:00`;
  await dialog.getByTestId('time-impactStartedAt').fill(local);
  await page.getByTestId('times-reason').fill('Export errors in the logs from 02:35');
  await dialog.getByTestId('set-impactStartedAt').click();
  await expect(dialog.getByTestId('set-impactStartedAt')).toHaveText('Set ✓');
  await expect(dialog.getByTestId('milestone-impactStartedAt')).not.toContainText('—');
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('clock-ttd')).toHaveText(/^TTD2[45]:\d\d$/);
  await expect(page.getByTestId('incident-elapsed')).toHaveText(/^00:2[45]:\d\d$/);
  await expect(entryRow(page, 'Impact start set to')).toContainText('Export errors in the logs from 02:35');
});

test('amend keeps the original, strike keeps the line, pinned lines filter', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Cache cluster evictions spiking', 'SEV3');
  await logEntry(page, 'Eviction rate 40k/s on cache-eu-2');
  await logEntry(page, 'Restarted cache-eu-9');
  await page.getByTestId('entry-input').fill('/d Fail over cache-eu-2 to the standby');
  await page.getByTestId('entry-input').press('Enter');
  await expect(entryRow(page, 'Fail over cache-eu-2 to the standby')).toContainText('Decision');

  await rowAction(page, 'Eviction rate 40k/s', 'amend');
  await page.getByTestId('amend-text').fill('Eviction rate 40k/s on cache-eu-2 and cache-eu-3');
  await submitDialog(page, 'amend-dialog');
  const amended = entryRow(page, 'and cache-eu-3');
  await expect(amended.getByTestId('entry-revisions'), 'the original stays visible').toContainText('was: Eviction rate 40k/s on cache-eu-2');
  await expect(amended).toContainText('edited');

  await rowAction(page, 'Restarted cache-eu-9', 'strike');
  await page.getByTestId('strike-reason').fill('wrong node; nothing was restarted');
  await submitDialog(page, 'strike-dialog');
  const struck = entryRow(page, 'Restarted cache-eu-9');
  await expect(struck).toBeVisible();
  await expect(struck.locator('.tl-line')).toHaveClass(/is-struck/);
  await expect(struck).toContainText('struck: wrong node; nothing was restarted');

  await rowAction(page, 'Fail over cache-eu-2', 'pin');
  await expect(entryRow(page, 'Fail over cache-eu-2')).toContainText('Pinned');
  await page.getByTestId('filter-pinned').click();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
  await expect(page.getByTestId('timeline-count')).toHaveText(/^1 of \d+$/);
  await page.getByTestId('filter-pinned').click();

  // Type and free-text filters narrow the same list.
  await page.getByTestId('filter-kind').selectOption('decision');
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-text').fill('cache-eu-3');
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
  await expect(page.getByTestId('timeline-entry')).toContainText('and cache-eu-3');
});

test('a detection is declared or dismissed instead of running the full process', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);

  for (const title of ['Synthetic check failing for /health in ap-south-1', 'Disk 85% on db-replica-3']) {
    await page.getByTestId('declare-button').click();
    await page.getByTestId('declare-title').fill(title);
    await page.getByTestId('declare-dialog').getByLabel('SEV3').check();
    await page.getByTestId('declare-detect-only').check();
    await expect(page.getByTestId('declare-submit')).toHaveText('Record detection');
    await page.getByTestId('declare-submit').click();
    await expect(page.getByTestId('incident-title')).toHaveText(title);
  }
  await expect(page.getByTestId('incident-status')).toHaveText('Detected');
  await expect(page.getByTestId('cadence-internal'), 'no clocks before declaration').toHaveCount(0);
  await expect(page.getByTestId('open-workstream')).toHaveCount(0);

  await page.getByTestId('dismiss-button').click();
  await page.getByTestId('dismiss-dialog').getByLabel(/Resolved by on-call/).check();
  await page.getByTestId('dismiss-reason').fill('Log rotation freed the space');
  await submitDialog(page, 'dismiss-dialog');
  await expect(page.getByTestId('incident-status')).toHaveText('Closed');
  await expect(page.getByTestId('incident-outcome')).toContainText('Resolved by on-call (minor) — Log rotation freed the space');

  // Detections wait in the triage queue, not in the list below it.
  await expect(page.getByTestId('incident-list-item').filter({ hasText: 'Synthetic check failing' })).toHaveCount(0);
  await page.getByTestId('triage-item').filter({ hasText: 'Synthetic check failing' }).getByTestId('triage-open').click();
  await page.getByTestId('dismiss-button').click();
  await submitDialog(page, 'dismiss-dialog');
  await expect(page.getByTestId('incident-outcome')).toContainText('Dismissed as a false alarm');

  // And one that turns out to be real.
  await page.getByTestId('declare-button').click();
  await page.getByTestId('declare-title').fill('EU checkout error rate creeping up');
  await page.getByTestId('declare-detect-only').check();
  await page.getByTestId('declare-submit').click();
  await expect(page.getByTestId('incident-status')).toHaveText('Detected');
  await page.getByTestId('promote-button').click();
  await page.getByTestId('promote-dialog').getByLabel('SEV1').check();
  await submitDialog(page, 'promote-dialog');
  await expect(page.getByTestId('incident-status')).toHaveText('Investigating');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await expect(page.getByTestId('cadence-external')).toBeVisible();
});
