import type { DraftKind } from '../../shared/domain/incident';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { expect, test, TEST_OPERATOR } from './fixtures';
import { declareIncident, waitUntilLive } from './ui';
import { entryRow, incidentIdOnScreen, seedSettings } from './war-room-ui';

const FORMAT_FILES: Record<string, string> = { txt: '.txt', md: '.md', html: '.html', statuspage: '.statuspage.json' };

// By default external and resolution updates need the IC's approval; internal and executive do not.
const CASES: { kind: DraftKind; needsApproval: boolean; format: keyof typeof FORMAT_FILES; extra: [string, string]; expect: string }[] = [
  { kind: 'internal', needsApproval: false, format: 'md', extra: ['needs', 'A payments provider contact'], expect: 'Needs: A payments provider contact' },
  { kind: 'external', needsApproval: true, format: 'statuspage', extra: ['affected', 'EU checkout'], expect: 'Affected: EU checkout' },
  { kind: 'executive', needsApproval: false, format: 'html', extra: ['businessRisk', '€40k per hour of EU orders'], expect: 'Business risk: €40k per hour of EU orders' },
  { kind: 'resolution', needsApproval: true, format: 'txt', extra: ['cause', 'A pool limit too low for EU traffic'], expect: 'Cause: A pool limit too low for EU traffic' },
];

for (const c of CASES) {
  test(`${c.kind} update: pre-filled, ${c.needsApproval ? 'approved, ' : ''}exported as ${c.format}, sent`, async ({ page, host }) => {
    await page.goto(host.url);
    await waitUntilLive(page);
    await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1', 'EU checkout failing at 38%');
    const incidentId = await incidentIdOnScreen(page);

    await page.getByTestId(`draft-${c.kind}`).click();
    const dialog = page.getByTestId('draft-dialog');
    await expect(dialog).toHaveAttribute('data-kind', c.kind);
    const body = page.getByTestId('draft-body');
    if (c.kind === 'external' || c.kind === 'resolution') {
      // Customers read what they notice, never the internal title.
      await expect(body).not.toHaveValue(/Checkout API returning 502s/);
      await expect(page.getByTestId('template-problems')).toContainText('No customer-facing impact yet');
      await dialog.getByTestId('public-impact').fill('Some customers in Europe cannot check out');
      await dialog.getByTestId('public-impact').press('Enter');
      await expect(body).toHaveValue(/— Some customers in Europe cannot check out/);
    } else {
      await expect(body).toHaveValue(/Checkout API returning 502s for EU customers/);
    }
    await expect(page.getByTestId('template-problems')).toHaveCount(0);

    await dialog.getByTestId(`extra-${c.extra[0]}`).fill(c.extra[1]);
    await expect(body, 'the field flows into the text while it is untouched').toHaveValue(new RegExp(c.expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    const download = page.waitForEvent('download');
    await dialog.getByTestId(`draft-export-${c.format}`).click();
    expect((await download).suggestedFilename()).toBe(`${incidentId}-${c.kind}-update${FORMAT_FILES[c.format]}`);
    await expect(dialog.getByTestId('draft-exported')).toContainText(`${c.kind}-update`);

    if (c.needsApproval) {
      await expect(dialog.getByTestId('approval-state')).toContainText('Needs the IC');
      await dialog.getByTestId('draft-send').click();
      await expect(dialog.getByTestId('dialog-error')).toContainText('approval');
      await dialog.getByTestId('draft-approve').click();
      await expect(dialog.getByTestId('approval-state')).toContainText('Approved');
      // The operator declared with "I am the IC" on, so the approval is theirs as IC.
      await expect(entryRow(page, `update draft approved as IC by ${TEST_OPERATOR}`)).toHaveCount(1);
    } else {
      await expect(dialog.getByTestId('draft-approve')).toHaveCount(0);
    }
    await page.getByTestId('draft-recipients').fill('#inc-checkout-eu');
    await dialog.getByTestId('draft-send').click();
    await expect(dialog).toBeHidden();
    await expect(entryRow(page, `update sent via`).filter({ hasText: c.kind })).toBeVisible();
  });
}

test('"Mark as sent" clicked while the approval\'s answer is still out is kept, and sends once it is in', async ({ page, host }) => {
  // The engine's answer to update.approve held back, while the approval's event goes straight
  // through: the dialog says "Approved" before the approving command has returned.
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    const approvals = new Set<unknown>();
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as { id: unknown; command: string };
      if (request.command === 'update.approve') approvals.add(request.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as { id?: unknown };
      if ('id' in reply && approvals.has(reply.id)) setTimeout(() => ws.send(message), 1_500);
      else ws.send(message);
    });
  });
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Checkout API returning 502s for EU customers', 'SEV1', 'EU checkout failing at 38%');
  await page.getByTestId('draft-external').click();
  const dialog = page.getByTestId('draft-dialog');
  await dialog.getByTestId('public-impact').fill('Some customers in Europe cannot check out');
  await dialog.getByTestId('public-impact').press('Enter');
  await page.getByTestId('draft-recipients').fill('status page');
  await dialog.getByTestId('draft-approve').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('Approved');
  // Well inside the 1.5 s the answer is held: the form is still busy with the approval.
  await dialog.getByTestId('draft-send').click();
  await expect(dialog).toBeHidden();
  await expect(entryRow(page, 'update sent via').filter({ hasText: 'external' })).toHaveCount(1);
  await expect(page.getByTestId('dialog-error')).toHaveCount(0);
});

test('an edit after approval needs approval again, and a refusal keeps the text', async ({ page, host }) => {
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Login failures after certificate rotation', 'SEV2');

  await page.getByTestId('draft-external').click();
  const dialog = page.getByTestId('draft-dialog');
  await dialog.getByTestId('draft-approve').click();
  await expect(dialog.getByTestId('approval-state')).toContainText('Approved');

  const body = page.getByTestId('draft-body');
  await body.press('Control+End');
  await body.pressSequentially(' Sorry for the trouble.');
  await expect(dialog.getByTestId('approval-state')).toHaveText('Text changed since approval — approve again');
  await dialog.getByTestId('draft-send').click();
  await expect(dialog.getByTestId('dialog-error')).toContainText('changed after it was approved');
  await expect(body, 'nothing typed is lost').toHaveValue(/Sorry for the trouble\.$/);

  // Closing the dialog keeps the draft too, until it is sent.
  await page.keyboard.press('Escape');
  await page.getByTestId('draft-external').click();
  await expect(body).toHaveValue(/Sorry for the trouble\.$/);
  await dialog.getByTestId('draft-approve').click();
  await dialog.getByTestId('draft-send').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('draft-external').click();
  await expect(body, 'a sent draft starts afresh').not.toHaveValue(/Sorry for the trouble/);
});

test('a broken template shows its problems in the dialog instead of failing', async ({ page, host }) => {
  await seedSettings(host, { templates: { ...DEFAULT_SETTINGS.templates, internal: 'Update on {{title}}\nOwner: {{owner}}\nBroken: {{ title' } }, []);
  await page.goto(host.url);
  await waitUntilLive(page);
  await declareIncident(page, 'Search latency p99 above 4 s', 'SEV3');
  await page.getByTestId('draft-internal').click();
  const problems = page.getByTestId('template-problems');
  await expect(problems).toContainText('Unknown placeholder {{owner}} on line 2');
  await expect(problems).toContainText('Malformed placeholder on line 3');
  await expect(page.getByTestId('draft-body')).toHaveValue(/^Update on Search latency p99 above 4 s/);
});
