import type { Page } from '@playwright/test';
import type { CommandInput } from '../../shared/contract/contract';
import { DEFAULT_CHECKLISTS } from '../../shared/guidance/checklists';
import { connectEngine, type EngineClient, unwrap } from './engine-client';
import { expect, test, TEST_OPERATOR, type Host } from './fixtures';
import { shoot } from './screens';
import { waitUntilLive } from './ui';
import { entryRow, seedSettings, submitDialog } from './war-room-ui';

// The next-steps panel: each kind of step that the engine can set up, its one button, the
// dialog it opens, and the step gone once that dialog is done. Then the response checklist,
// and a checklist edited in Settings reaching the war room.

const MINUTE = 60_000;

async function withEngine<T>(host: Host, work: (engine: EngineClient) => Promise<T>): Promise<T> {
  const engine = await connectEngine(host);
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

async function declare(host: Host, input: Partial<CommandInput<'incident.declare'>> = {}): Promise<string> {
  return withEngine(host, async (engine) => {
    const incident = unwrap(await engine.call('incident.declare', { title: 'Checkout API returning 502s for EU customers', severity: 'SEV2', ...input }));
    return incident.id;
  });
}

async function openWarRoom(page: Page, host: Host, incidentId: string): Promise<void> {
  await page.goto(`${host.url}#/incident/${encodeURIComponent(incidentId)}`);
  await waitUntilLive(page);
  await expect(page.getByTestId('war-room')).toBeVisible();
}

const step = (page: Page, id: string) => page.getByTestId('next-step').and(page.locator(`[data-step="${id}"]`));

test('the next-steps panel’s actions each do what they say: roles, the IC as tech lead, the external update', async ({ page, host }) => {
  await seedSettings(host);
  const id = await declare(host, { severity: 'SEV1' });
  await openWarRoom(page, host, id);
  await expect(page.getByTestId('response-warnings'), 'the old warnings strip is gone').toHaveCount(0);

  // The external update has a deadline, so it is on top, urgent, with Alt+N on its button.
  const steps = page.getByTestId('next-step');
  const external = step(page, 'first-external-update');
  await expect(steps.first()).toHaveAttribute('data-step', 'first-external-update');
  await expect(external, 'SEV1: the first external update is due in 5 minutes').toContainText(/No external update yet: [45]:\d\d left/);
  await expect(external).toHaveAttribute('data-severity', 'urgent');
  await expect(external.getByTestId('next-step-action')).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
  await page.keyboard.press('Alt+n');
  const draft = page.getByTestId('draft-dialog');
  await expect(draft).toHaveAttribute('data-kind', 'external');
  await page.keyboard.press('Escape');
  await expect(draft).toBeHidden();

  // Nobody is IC: urgent, next in line.
  const noIc = step(page, 'role-empty:incident-commander');
  await expect(steps.nth(1)).toHaveAttribute('data-step', 'role-empty:incident-commander');
  await expect(noIc).toHaveAttribute('data-severity', 'urgent');
  await noIc.getByTestId('next-step-action').click();
  const assign = page.getByTestId('assign-dialog');
  await expect(assign.getByTestId('assign-role')).toHaveValue('incident-commander');
  await page.getByTestId('person-name').fill(TEST_OPERATOR);
  await submitDialog(page, 'assign-dialog');
  await expect(step(page, 'role-empty:incident-commander')).toHaveCount(0);

  // An empty required role: its own Assign.
  await step(page, 'role-empty:technical-lead').getByTestId('next-step-action').click();
  await expect(assign.getByTestId('assign-role')).toHaveValue('technical-lead');
  await page.getByTestId('person-name').fill(TEST_OPERATOR);
  await submitDialog(page, 'assign-dialog');
  await expect(step(page, 'role-empty:technical-lead')).toHaveCount(0);

  // The IC (the operator, who can then approve the update) took the technical lead too: hand it off.
  const collision = step(page, 'ic-holds-tech-lead');
  await expect(collision).toContainText('The incident commander is also technical lead');
  await collision.getByTestId('next-step-action').click();
  const handoff = page.getByTestId('handoff-dialog');
  await expect(handoff).toContainText('Hand off technical lead');
  await handoff.getByTestId('person-name').fill('Dev Patel');
  await submitDialog(page, 'handoff-dialog');
  await expect(collision).toHaveCount(0);
  await expect(page.getByTestId('role-technical-lead').getByTestId('role-holder')).toHaveText('Dev Patel');

  // The first external update: the draft dialog for that audience; sending it ends the step.
  await external.getByTestId('next-step-action').click();
  await expect(draft).toHaveAttribute('data-kind', 'external');
  await draft.getByTestId('public-impact').fill('Some customers in Europe cannot check out');
  await draft.getByTestId('public-impact').press('Enter');
  await draft.getByTestId('draft-approve').click();
  await page.getByTestId('draft-recipients').fill('status page');
  await draft.getByTestId('draft-send').click();
  await expect(draft).toBeHidden();
  await expect(external).toHaveCount(0);
});

test('the next-steps panel’s actions each do what they say: a detection, a missed check-in, a long mitigation, a review', async ({ page, host }) => {
  await seedSettings(host);

  // Detected, not declared: the declare-or-dismiss step opens the promote dialog.
  const detection = await withEngine(host, async (engine) =>
    unwrap(await engine.call('incident.detect', { title: 'HighErrorRate — checkout', severity: 'SEV3' })).id,
  );
  await openWarRoom(page, host, detection);
  await expect(page.getByTestId('next-step')).toHaveCount(1);
  await step(page, 'declare').getByTestId('next-step-action').click();
  await submitDialog(page, 'promote-dialog');
  await expect(page.getByTestId('incident-status')).toHaveText('Investigating');
  await expect(step(page, 'declare')).toHaveCount(0);

  // A workstream whose check-in passed two minutes ago.
  const id = await declare(host, { severity: 'SEV3', operatorIsIc: true });
  const checkIn = await withEngine(host, async (engine) => {
    unwrap(await engine.call('workstream.open', { incidentId: id, title: 'Roll back checkout-api', owner: 'Alex Kim', checkInAt: Date.now() - 2 * MINUTE }));
    const incident = unwrap(await engine.call('incident.get', { incidentId: id }));
    return `check-in:${incident.workstreams[0]!.id}`;
  });
  await openWarRoom(page, host, id);
  await expect(step(page, checkIn)).toContainText(/Roll back checkout-api: check-in missed by 2:\d\d/);
  await step(page, checkIn).getByTestId('next-step-action').click();
  const report = page.getByTestId('workstream-update-dialog');
  await expect(report).toContainText('Report: Roll back checkout-api');
  await report.getByTestId('checkin-10').click();
  await submitDialog(page, 'workstream-update-dialog');
  await expect(step(page, checkIn)).toHaveCount(0);

  // Mitigated 40 minutes ago and still not resolved: the status change to resolved.
  await withEngine(host, async (engine) => {
    unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'mitigated', reason: 'Rolled back', at: Date.now() - 40 * MINUTE }));
  });
  const resolve = step(page, 'resolve-after-mitigation');
  await expect(resolve).toContainText('Mitigated 40 min ago and still not resolved');
  await resolve.getByTestId('next-step-action').click();
  await expect(page.getByTestId('status-dialog')).toContainText('Mitigated → Resolved');
  await submitDialog(page, 'status-dialog');
  await expect(page.getByTestId('incident-status')).toHaveText('Resolved');
  await expect(resolve).toHaveCount(0);

  // Nothing pressing: said, not a blank box.
  await expect(page.getByTestId('next-step')).toHaveCount(0);
  await expect(page.getByTestId('next-steps-quiet')).toHaveText(/^Nothing pressing/);

  // Closed with a review needed and none scheduled: the step goes to the post-mortem's review.
  // (Closed with no decision at all cannot be set up: the engine refuses to close without one.)
  await withEngine(host, async (engine) => {
    unwrap(await engine.call('incident.setStatus', { incidentId: id, status: 'closed', reason: '', reviewNeeded: true }));
  });
  const review = step(page, 'review-unscheduled');
  await review.getByTestId('next-step-action').click();
  await expect(page.getByTestId('pm-review')).toBeVisible();
  await expect(page.getByTestId('pm-reviewAt')).toBeFocused();
  await page.getByTestId('pm-review-use-proposal').click();
  await expect(page.getByTestId('pm-reviewAt')).not.toHaveValue('');
  await openWarRoom(page, host, id);
  await expect(page.getByTestId('next-steps-quiet')).toBeVisible();
  await expect(review).toHaveCount(0);
});

test('the response checklist: the step opens it, a tick is logged on the timeline with who and when', async ({ page, host }) => {
  await seedSettings(host);
  const id = await declare(host, { severity: 'SEV3', operatorIsIc: true });
  await openWarRoom(page, host, id);

  const checklist = page.getByTestId('checklist');
  const items = DEFAULT_CHECKLISTS.SEV3;
  await expect(checklist.getByTestId('checklist-progress')).toHaveText(`0 of ${items.length}`);
  await expect(checklist.getByTestId('checklist-item'), 'folded until asked for').toHaveCount(0);

  // The same steps are in the palette, found by what is wrong.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('checklist');
  await expect(page.getByTestId('palette-option').first()).toHaveText(/^Work through the SEV3 checklist/);
  await page.keyboard.press('Escape');

  await step(page, 'checklist').getByTestId('next-step-action').click();
  await expect(checklist.getByTestId('checklist-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(checklist.getByTestId('checklist-check-0')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(checklist.getByTestId('checklist-check-0')).toBeChecked();
  await expect(checklist.getByTestId('checklist-progress')).toHaveText(`1 of ${items.length}`);
  await expect(checklist.getByTestId('checklist-item').first().getByTestId('checklist-who')).toContainText(TEST_OPERATOR);
  await expect(entryRow(page, `Checklist: ✓ ${items[0]}`)).toBeVisible();
  await expect(step(page, 'checklist'), 'something is ticked: the checklist step is done').toHaveCount(0);

  // Folded again from the keyboard: the progress stays in sight.
  await checklist.getByTestId('checklist-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(checklist.getByTestId('checklist-item')).toHaveCount(0);
  await expect(checklist.getByTestId('checklist-progress')).toHaveText(`1 of ${items.length}`);
});

test('a checklist edited in Settings is the one the war room shows', async ({ page, host }) => {
  await seedSettings(host);
  const id = await declare(host, { severity: 'SEV3', operatorIsIc: true });
  await page.goto(`${host.url}#/settings/checklists`);
  await waitUntilLive(page);

  const editor = page.getByTestId('checklist-editor');
  await page.getByTestId('checklist-tab-SEV3').click();
  await expect(editor.getByTestId('checklist-edit-item')).toHaveCount(DEFAULT_CHECKLISTS.SEV3.length);

  // An empty item is refused beside the item, before anything is sent.
  await editor.getByTestId('checklist-add').click();
  await expect(editor.getByTestId(`checklist-item-${DEFAULT_CHECKLISTS.SEV3.length}`)).toBeFocused();
  await expect(page.getByTestId('settings-nav-checklists').locator('.dot-dirty')).toBeVisible();
  await page.getByTestId('save-section').click();
  await expect(editor.getByTestId('field-error')).toHaveText(`Item ${DEFAULT_CHECKLISTS.SEV3.length + 1} is empty`);
  await expect(page.getByTestId('save-status')).toHaveText('Not saved — see the marked fields');
  await shoot(page, 'settings-checklists');

  await editor.getByTestId(`checklist-item-${DEFAULT_CHECKLISTS.SEV3.length}`).fill('Status page checked for the provider');
  await expect(editor.getByTestId('field-error')).toHaveCount(0);
  // Moved to the top, the second default item removed.
  for (let i = DEFAULT_CHECKLISTS.SEV3.length; i > 0; i--) await editor.getByTestId(`checklist-up-${i}`).click();
  await editor.getByTestId('checklist-remove-2').click();
  const expected = ['Status page checked for the provider', DEFAULT_CHECKLISTS.SEV3[0]!, ...DEFAULT_CHECKLISTS.SEV3.slice(2)];
  for (const [i, text] of expected.entries()) await expect(editor.getByTestId(`checklist-item-${i}`)).toHaveValue(text);
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at/);

  await openWarRoom(page, host, id);
  const checklist = page.getByTestId('checklist');
  await checklist.getByTestId('checklist-toggle').click();
  await expect(checklist.getByTestId('checklist-item')).toHaveText(expected);
  await expect(checklist.getByTestId('checklist-progress')).toHaveText(`0 of ${expected.length}`);

  // Reset to the seeds' list, saved: the war room follows.
  await page.goto(`${host.url}#/settings/checklists`);
  await page.getByTestId('checklist-tab-SEV3').click();
  await page.getByTestId('checklist-reset').click();
  await expect(page.getByTestId('checklist-edit-item')).toHaveCount(DEFAULT_CHECKLISTS.SEV3.length);
  await page.getByTestId('save-section').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at/);
  await expect(page.getByTestId('checklist-reset')).toBeDisabled();
});

test('screens: the war room with its next steps and checklist', async ({ page, host }) => {
  await seedSettings(host);
  const id = await declare(host, { severity: 'SEV1', operatorIsIc: true, summary: 'EU checkout failing at 38% since deploy 2026.11.22-3' });
  await withEngine(host, async (engine) => {
    unwrap(await engine.call('workstream.open', { incidentId: id, title: 'Roll back checkout-api eu-west-1', owner: 'Dev Patel', kind: 'mitigate', checkInAt: Date.now() - MINUTE }));
    unwrap(await engine.call('workstream.open', { incidentId: id, title: 'Payments provider connection counts', owner: 'Maria Santos', checkInAt: Date.now() + 12 * MINUTE }));
    for (const item of DEFAULT_CHECKLISTS.SEV1.slice(0, 3)) unwrap(await engine.call('checklist.tick', { incidentId: id, item, done: true }));
    unwrap(await engine.call('timeline.log', { incidentId: id, text: 'Grafana: checkout-api 5xx at 38% in eu-west-1' }));
  });
  await openWarRoom(page, host, id);
  await page.getByTestId('checklist-toggle').click();
  await expect(page.getByTestId('next-step').first()).toBeVisible();
  await shoot(page, 'war-room-next-steps');
  // Whatever the panel holds, the scribe's box stays on screen.
  await expect(page.getByTestId('entry-input')).toBeInViewport();
});
