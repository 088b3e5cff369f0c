import { mkdir, readFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { alertmanagerPayload } from '../support/alert-payloads';
import { freePort } from '../support/postgres';
import { connectEngine, unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { waitUntilLive } from './ui';

// Settings → Alert sources against the real browser host: the intake's address and token as the
// host keeps them, a new token that the intake honours at once, a followed Alertmanager that
// cannot be reached, and severity rules and routes that survive a reload.

async function openSources(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/settings/sources`);
  await waitUntilLive(page);
  await expect(page.getByTestId('settings-section-sources')).toBeVisible();
}

/** The token as whoever configures monitoring reads it: from the data directory. */
async function tokenOnDisk(dataDir: string): Promise<string> {
  return (await readFile(path.join(dataDir, 'intake-token'), 'utf8')).trim();
}

function postAlert(intakeUrl: string, token: string): Promise<Response> {
  return fetch(`${intakeUrl}/alertmanager`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(alertmanagerPayload()),
  });
}

test.beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
});

test('the intake address and token are the host’s; a new token stops the old one at once', async ({ page, host }) => {
  await openSources(page, host.url);
  const intake = page.getByTestId('intake-card');
  const intakeUrl = `http://127.0.0.1:${host.port}/intake`;
  await expect(intake.getByTestId('intake-url')).toHaveText(intakeUrl);

  const token = await tokenOnDisk(host.dataDir);
  await expect(intake.getByTestId('intake-token'), 'hidden until asked').not.toContainText(token);
  await expect(intake.getByTestId('intake-snippet')).not.toContainText(token);
  await intake.getByTestId('intake-token-show').click();
  await expect(intake.getByTestId('intake-token')).toHaveText(token);
  await expect(intake.getByTestId('intake-snippet')).toContainText(`url: ${intakeUrl}/alertmanager`);
  await expect(intake.getByTestId('intake-snippet')).toContainText(`credentials: ${token}`);
  await intake.getByTestId('intake-tab-pagerduty').click();
  await expect(intake.getByTestId('intake-snippet')).toContainText(`"routing_key":"${token}"`);
  await intake.getByTestId('intake-tab-grafana').click();
  await expect(intake.getByTestId('intake-snippet')).toContainText(`URL: ${intakeUrl}/grafana`);

  // Copy puts the real token on the clipboard even while it is hidden on screen.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await intake.getByTestId('intake-token-show').click();
  await intake.getByTestId('intake-tab-alertmanager').click();
  await intake.getByTestId('intake-snippet-copy').click();
  await expect(intake.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`credentials: ${token}`);
  await shoot(page, 'settings-sources');

  expect((await postAlert(intakeUrl, token)).status, 'the token works before the rotation').toBe(200);

  await intake.getByTestId('intake-rotate-start').click();
  await expect(intake.getByText('Alertmanager, Grafana and PagerDuty must be given the new one; the old one stops working now.')).toBeVisible();
  await expect(intake.getByTestId('intake-rotate-confirm')).toBeFocused();
  await shoot(page, 'settings-sources-rotate');
  await intake.getByTestId('intake-rotate-confirm').click();
  await expect(intake.getByTestId('intake-rotate-said')).toContainText('the old one no longer works');

  await expect.poll(() => tokenOnDisk(host.dataDir)).not.toBe(token);
  const fresh = await tokenOnDisk(host.dataDir);
  await intake.getByTestId('intake-token-show').click();
  await expect(intake.getByTestId('intake-token')).toHaveText(fresh);
  await expect(intake.getByTestId('intake-snippet')).toContainText(`credentials: ${fresh}`);

  const refused = await postAlert(intakeUrl, token);
  expect(refused.status, 'the old token stops at once').toBe(401);
  expect(((await refused.json()) as { message: string }).message).toMatch(/wrong intake token/);
  expect((await postAlert(intakeUrl, fresh)).status, 'the new one works').toBe(200);
});

test('the intake alone on another address: a port in use is refused beside the field, then it serves and stops', async ({ page, host }) => {
  // A port another program holds.
  const taken = createNetServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  const busyPort = (taken.address() as AddressInfo).port;
  try {
    await openSources(page, host.url);
    const listen = page.getByTestId('intake-listen');
    await expect(listen.getByTestId('intake-listen-status')).toHaveText('Off: the intake is served on 127.0.0.1 only.');

    await listen.getByTestId('intake-listen-input').fill('9095');
    await listen.getByTestId('intake-listen-save').click();
    await expect(listen.getByTestId('field-error')).toContainText('must be HOST:PORT');
    await listen.getByTestId('intake-listen-input').fill(`127.0.0.1:${busyPort}`);
    await listen.getByTestId('intake-listen-save').click();
    await expect(listen.getByTestId('field-error')).toContainText(`127.0.0.1:${busyPort}: the port is in use`);
    await expect(listen.getByTestId('intake-listen-input')).toHaveAttribute('aria-invalid', 'true');
    await expect(listen.getByTestId('intake-listen-status')).toHaveAttribute('data-state', 'off');
    await listen.getByTestId('intake-listen-status').scrollIntoViewIfNeeded();
    await shoot(page, 'settings-sources-listen-refused');

    const port = await freePort();
    await listen.getByTestId('intake-listen-input').fill(`127.0.0.1:${port}`);
    await listen.getByTestId('intake-listen-input').press('Enter');
    await expect(listen.getByTestId('intake-listen-status')).toHaveAttribute('data-state', 'serving');
    await expect(listen.getByTestId('intake-listen-status')).toContainText(`Serving the intake alone at http://127.0.0.1:${port}/intake`);
    await expect(listen.getByTestId('field-error')).toHaveCount(0);
    await listen.getByTestId('intake-listen-status').scrollIntoViewIfNeeded();
    await shoot(page, 'settings-sources-listen');

    const token = await tokenOnDisk(host.dataDir);
    expect((await postAlert(`http://127.0.0.1:${port}/intake`, token)).status, 'the intake answers there').toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status, 'never the window').toBe(404);

    // Kept across a reload, as the engine keeps it across a restart.
    await page.reload();
    await waitUntilLive(page);
    await expect(listen.getByTestId('intake-listen-input')).toHaveValue(`127.0.0.1:${port}`);
    await listen.getByTestId('intake-listen-stop').click();
    await expect(listen.getByTestId('intake-listen-status')).toHaveAttribute('data-state', 'off');
    await expect(listen.getByTestId('intake-listen-input')).toHaveValue('');
    await expect(fetch(`http://127.0.0.1:${port}/intake/alertmanager`)).rejects.toThrow();
  } finally {
    taken.close();
  }
});

test('a followed Alertmanager that cannot be reached says so, in the sync colours', async ({ page, host }) => {
  const port = await freePort();
  await openSources(page, host.url);
  const pull = page.getByTestId('pull-form');
  await expect(pull.getByTestId('pull-status-text')).toHaveText(/Not following any Alertmanager/);

  // What a person gets wrong is said beside the field, and nothing is saved.
  await pull.getByTestId('pull-url').fill('127.0.0.1:9093');
  await pull.getByTestId('pull-interval').fill('1');
  await pull.getByTestId('save-section').click();
  await expect(pull.getByTestId('field-error').and(pull.locator('[data-path="url"]'))).toContainText('http:// or https://');
  await expect(pull.getByTestId('field-error').and(pull.locator('[data-path="intervalSeconds"]'))).toContainText('from 2 to 300');
  await expect(page.getByTestId('settings-nav-sources').locator('.dot-error')).toBeVisible();

  await pull.getByTestId('pull-url').fill(`http://127.0.0.1:${port}`);
  await pull.getByTestId('pull-interval').fill('2');
  await pull.getByTestId('pull-auth').selectOption('bearer');
  await pull.getByTestId('pull-secret-change').click();
  await expect(pull.getByTestId('pull-secret')).toBeFocused();
  await pull.getByTestId('pull-secret').fill('am-token-123');
  await pull.getByTestId('pull-url').press('Control+s');
  await expect(pull.getByTestId('save-status')).toHaveText(/Saved at/);
  await expect(pull.getByTestId('pull-secret-state')).toHaveText('●●●●●●●● saved');

  await expect(pull.getByTestId('pull-status-text')).toHaveText(new RegExp(`^Failing: http://127\\.0\\.0\\.1:${port} cannot be reached.* — no good poll yet$`), { timeout: 15_000 });
  await expect(pull.getByTestId('pull-status')).toHaveAttribute('data-tone', 'error');
  // Said in the list too, where detections are looked for: not hearing is not "no alerts".
  await expect(page.getByTestId('pull-failing')).toContainText('Alertmanager not heard', { timeout: 15_000 });
  await expect(page.getByTestId('pull-failing')).toContainText('cannot be reached');

  const engine = await connectEngine(host);
  try {
    const view = unwrap(await engine.call('intake.sources', {}));
    expect(view.pull).toEqual({ url: `http://127.0.0.1:${port}`, auth: 'bearer', username: '', enabled: true, intervalSeconds: 2, hasSecret: true });
  } finally {
    await engine.close();
  }
  await shoot(page, 'settings-sources-failing');

  // Off is a choice: the address is kept, nothing polled.
  await pull.getByTestId('pull-enabled').uncheck();
  await pull.getByTestId('save-section').click();
  await expect(pull.getByTestId('pull-status')).toHaveAttribute('data-tone', 'off');
  await expect(pull.getByTestId('pull-status-text')).toHaveText(new RegExp(`^Off: http://127\\.0\\.0\\.1:${port} is not polled`));
});

test('a severity rule and a route are saved, in order, and are there after a reload', async ({ page, host }) => {
  await openSources(page, host.url);
  const form = page.getByTestId('alert-rules-form');
  const rules = form.getByTestId('severity-rules');
  const routes = form.getByTestId('alert-routes');
  await expect(rules.getByTestId('matcher-match')).toHaveCount(2);
  await expect(rules.getByTestId('matcher-match').first()).toHaveValue('severity=critical');

  await rules.getByTestId('severity-rule-add').click();
  await rules.getByTestId('matcher-match').last().fill('team=payments');
  await rules.getByTestId('matcher-severity').last().selectOption('SEV1');
  // First match wins: the new rule goes to the top, by keyboard.
  await rules.getByRole('button', { name: 'Move rule 3 up' }).click();
  await rules.getByRole('button', { name: 'Move rule 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(rules.getByTestId('matcher-match').first()).toHaveValue('team=payments');

  await routes.getByTestId('alert-route-add').click();
  await routes.getByTestId('matcher-match').last().fill('service');
  await expect(page.getByTestId('settings-nav-sources').locator('.dot-dirty')).toBeVisible();
  await form.getByTestId('save-section').click();
  await expect(routes.getByTestId('field-error')).toContainText('has no =');
  await shoot(page, 'settings-sources-rules-error');
  await routes.getByTestId('matcher-match').last().fill('service=checkout');
  await form.getByTestId('save-section').click();
  await expect(form.getByTestId('save-status')).toHaveText(/Saved at/);

  const engine = await connectEngine(host);
  try {
    const settings = unwrap(await engine.call('settings.get', {}));
    expect(settings.alertSeverityRules).toEqual([
      { match: { team: 'payments' }, severity: 'SEV1' },
      { match: { severity: 'critical' }, severity: 'SEV2' },
      { match: { severity: 'warning' }, severity: 'SEV3' },
    ]);
    expect(settings.alertRoutes).toEqual([{ match: { service: 'checkout' } }]);
  } finally {
    await engine.close();
  }

  await page.reload();
  await waitUntilLive(page);
  await expect(rules.getByTestId('matcher-match').first()).toHaveValue('team=payments');
  await expect(rules.getByTestId('matcher-severity').first()).toHaveValue('SEV1');
  await expect(routes.getByTestId('matcher-match')).toHaveValue('service=checkout');
  await expect(form.getByTestId('save-status')).toHaveText('All changes saved');
  await form.getByTestId('alert-route-add').scrollIntoViewIfNeeded();
  await shoot(page, 'settings-sources-rules');
});
