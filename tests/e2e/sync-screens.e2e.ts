import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import type { Page } from '@playwright/test';
import type { IncidentView } from '../../shared/contract/contract';
import { freePort, startPostgres, type RunningPostgres } from '../support/postgres';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { dashboardPng } from './dashboard-png';
import { unwrap } from './engine-client';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { expectSyncState, headerPill, openTeamConsole, railPill, type TeamConsole } from './sync-hosts';
import { logEntry, waitUntilLive } from './ui';

// Team sync as people see it: two browser hosts on one real PostgreSQL, a database that is not
// there, one that refuses, Settings against a real database, and a conflict after an outage.
// Saves test-results/screens/sync-*.png and settings-sync-*.png for people to look at.

test.setTimeout(180_000);

let db: RunningPostgres;
let teams = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = await startPostgres();
  await db.migrate();
  await mkdir(SCREENS, { recursive: true });
});

test.afterAll(async () => {
  await db?.stop();
});

/** A new team on `on` with one member login per name; answers each member's URL with `?team=`. */
async function newTeam(on: RunningPostgres, names: string[]): Promise<{ team: string; urls: string[]; logins: string[] }> {
  teams += 1;
  const team = `t${teams}`;
  await on.query('SELECT command_post_add_team($1, $2)', [team, `Team ${teams}`]);
  const urls: string[] = [];
  const logins: string[] = [];
  for (const name of names) {
    const login = `${name.split(' ')[0]!.toLowerCase()}_${team}`;
    logins.push(login);
    urls.push(`${await on.createMember(team, login, name)}?team=${team}`);
  }
  return { team, urls, logins };
}

async function declareThrough(page: Page, title: string, share: boolean): Promise<void> {
  await page.getByTestId('declare-button').click();
  const dialog = page.getByTestId('declare-dialog');
  await expect(dialog).toBeVisible();
  const shareBox = page.getByTestId('declare-share');
  await expect(shareBox, 'shared by default while sync is on').toBeChecked();
  if (!share) await shareBox.uncheck();
  await page.getByTestId('declare-title').fill(title);
  await page.getByTestId('declare-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('incident-title')).toHaveText(title);
}

/** The audit of accessibility.e2e.ts on a screen only a syncing console shows: no serious or critical finding. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForTimeout(300);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${screen} is accessible`).toEqual([]);
}

async function stopAll(consoles: (TeamConsole | null)[]): Promise<void> {
  for (const c of consoles) await c?.stop();
}

test('two browser hosts on one database: what one logs, the other shows', async ({ browser }) => {
  const { team, urls, logins } = await newTeam(db, ['Riley Chen', 'Dana Whitfield']);
  let riley: TeamConsole | null = null;
  let dana: TeamConsole | null = null;
  try {
    riley = await openTeamConsole(browser, 'Riley Chen', urls[0]!);
    dana = await openTeamConsole(browser, 'Dana Whitfield', urls[1]!);
    await expectSyncState(riley.page, 'synced');
    await expectSyncState(dana.page, 'synced');
    await expect(railPill(riley.page)).toHaveText('Team sync: Synced');

    // Declaring shares by default: the box is there and ticked.
    await riley.page.getByTestId('declare-button').click();
    await riley.page.getByTestId('declare-title').fill('Checkout API returning 502s for EU customers');
    await expect(riley.page.getByTestId('declare-share')).toBeChecked();
    await shoot(riley.page, 'sync-declare-share');
    await riley.page.keyboard.press('Escape');
    await declareThrough(riley.page, 'Checkout API returning 502s for EU customers', true);
    await expect(riley.page.getByTestId('incident-shared')).toBeVisible();
    await expect(riley.page.getByTestId('share-incident')).toHaveCount(0);

    const onDana = dana.page.getByTestId('incident-list-item').filter({ hasText: 'Checkout API returning 502s' });
    await expect(onDana, 'the teammate sees the shared incident arrive').toBeVisible({ timeout: 20_000 });
    await expect(onDana.getByTestId('incident-sharing')).toHaveText('Shared');
    await onDana.click();
    await expect(dana.page.getByTestId('incident-title')).toHaveText('Checkout API returning 502s for EU customers');

    await logEntry(riley.page, 'Edge error rate 38% in eu-west-1 since 03:02');
    await expect(dana.page.getByTestId('timeline-entry').filter({ hasText: 'Edge error rate 38% in eu-west-1' })).toBeVisible({ timeout: 15_000 });
    await logEntry(dana.page, 'Rolling back payments gateway release 4711');
    await expect(riley.page.getByTestId('timeline-entry').filter({ hasText: 'Rolling back payments gateway' })).toBeVisible({ timeout: 15_000 });
    await expectSyncState(riley.page, 'synced');
    await expectSyncState(dana.page, 'synced');
    await expect(headerPill(riley.page)).toHaveText('Team sync: Synced');
    await shoot(riley.page, 'sync-synced-war-room');
    await shoot(dana.page, 'sync-synced-teammate');

    // Kept local at declaration, shared later in one click from the header.
    await declareThrough(riley.page, 'Search latency p99 above 4 s', false);
    await expect(riley.page.getByTestId('incident-shared')).toHaveCount(0);
    const localRow = riley.page.getByTestId('incident-list-item').filter({ hasText: 'Search latency p99' });
    await expect(localRow.getByTestId('incident-sharing')).toHaveText('Local');
    await shoot(riley.page, 'sync-local-incident');
    await riley.page.getByTestId('share-incident').click();
    await expect(riley.page.getByTestId('incident-shared')).toBeVisible();
    await expect(localRow.getByTestId('incident-sharing')).toHaveText('Shared');
    await expect(dana.page.getByTestId('incident-list-item').filter({ hasText: 'Search latency p99' })).toBeVisible({ timeout: 20_000 });

    // A teammate with psql writes a row that claims to come from Riley's console: every console sets it aside.
    const rileyConsole = unwrap(await riley.engine.call('sync.status', {})).consoleId;
    const sharedId = unwrap(await riley.engine.call('incident.list', {})).find((i) => i.title.startsWith('Checkout API'))!.id;
    const forgerUrl = await db.createMember(team, `mallory_${team}`, 'Mallory');
    const forger = new pg.Client({ connectionString: forgerUrl });
    forger.on('error', () => undefined);
    await forger.connect();
    const hlc = `${String(Date.now()).padStart(13, '0')}-00000-${rileyConsole}`;
    const body = { id: 'forged-1', incidentId: sharedId, hlc, at: Date.now(), actor: 'Riley Chen', type: 'incident.severityChanged', payload: { from: 'SEV1', to: 'SEV4', reason: 'forged' } };
    await forger.query('INSERT INTO events (id, team_id, incident_id, hlc, console_id, body) VALUES ($1, $2, $3, $4, $5, $6)', ['forged-1', team, sharedId, hlc, rileyConsole, body]);
    await forger.end();
    await expect.poll(async () => unwrap(await riley!.engine.call('sync.status', {})).quarantined.length, { timeout: 30_000 }).toBe(1);

    await railPill(riley.page).click();
    const details = riley.page.getByTestId('sync-details');
    await expect(details).toBeVisible();
    await expect(details).toContainText(`Team${team}`);
    await expect(details).toContainText(`Login${logins[0]}`);
    await expect(details).toContainText(rileyConsole);
    await expect(riley.page.getByTestId('sync-quarantined-event')).toHaveCount(1);
    await expect(riley.page.getByTestId('sync-quarantined-event')).toContainText('forged-1');
    await expect(riley.page.getByTestId('sync-quarantined-event')).toContainText(`mallory_${team}`);
    await shoot(riley.page, 'sync-synced-details');
    await expectAccessible(riley.page, 'sync details with set-aside events');
    await riley.page.keyboard.press('Escape');
  } finally {
    await stopAll([riley, dana]);
  }
});

test("a teammate's screenshot and log snippet: fetched from the database when shown, full size in the viewer, kept on this console", async ({ browser }) => {
  const { urls } = await newTeam(db, ['Riley Chen', 'Dana Whitfield']);
  let riley: TeamConsole | null = null;
  let dana: TeamConsole | null = null;
  try {
    riley = await openTeamConsole(browser, 'Riley Chen', urls[0]!);
    dana = await openTeamConsole(browser, 'Dana Whitfield', urls[1]!);
    await declareThrough(riley.page, 'Checkout p99 above 3 s after deploy 4711', true);
    const incidentId = unwrap(await riley.engine.call('incident.list', {})).find((i) => i.title.startsWith('Checkout p99'))!.id;
    const chart = dashboardPng(640, 360, 'amber');
    const shot = unwrap(
      await riley.engine.call('artefact.attach', { incidentId, name: 'checkout-p99.png', base64: Buffer.from(chart).toString('base64'), text: 'Grafana: checkout p99 at 3.4 s since the deploy' }),
    );
    const log = Array.from({ length: 80 }, (_, i) => `03:${String(2 + (i % 50)).padStart(2, '0')}:11 ERROR payments-gw pool exhausted (waiting=${40 + i})`).join('\n');
    unwrap(await riley.engine.call('artefact.attach', { incidentId, name: 'payments-gw.log', base64: Buffer.from(log).toString('base64'), text: 'payments-gw log at the deploy' }));

    await dana.page.getByTestId('incident-list-item').filter({ hasText: 'Checkout p99' }).click({ timeout: 20_000 });
    const row = dana.page.getByTestId('timeline-entry').filter({ hasText: 'Grafana: checkout p99' });
    await expect(row.getByTestId('artefact-thumb').locator('img'), "the teammate's screenshot is fetched and shown").toHaveJSProperty('naturalWidth', 640, { timeout: 20_000 });
    const snippetRow = dana.page.getByTestId('timeline-entry').filter({ hasText: 'payments-gw log at the deploy' });
    await expect(snippetRow.getByTestId('artefact-snippet')).toContainText('ERROR payments-gw pool exhausted');
    await shoot(dana.page, 'sync-artefacts-teammate');
    await row.getByTestId('artefact-thumb').click();
    await expect(dana.page.getByTestId('artefact-image')).toHaveJSProperty('naturalWidth', 640);
    await shoot(dana.page, 'sync-artefacts-teammate-viewer');
    await dana.page.keyboard.press('Escape');
    // Kept on Dana's console by its hash, for when the database is out of reach.
    const held = await readdir(path.join(dana.dataDir, 'incidents', incidentId, 'attachments'));
    expect(held).toContain(shot.hash);
  } finally {
    await stopAll([riley, dana]);
  }
});

test('offline: the database port is closed, work goes on and waits', async ({ browser }) => {
  const port = await freePort();
  let riley: TeamConsole | null = null;
  try {
    riley = await openTeamConsole(browser, 'Riley Chen', `postgres://riley:secret@127.0.0.1:${port}/command_post?team=dev`);
    const page = riley.page;
    await expectSyncState(page, 'offline');
    await expect(railPill(page)).toHaveText(/^Team sync: Offline since \d\d:\d\d$/);

    // Nothing local waits for the team database.
    await declareThrough(page, 'Checkout API returning 502s for EU customers', true);
    await expect(page.getByTestId('incident-shared')).toBeVisible();
    await logEntry(page, 'Edge error rate 38% in eu-west-1 since 03:02');

    // The laptop restarts, still without the database: what waits is counted, and each note adds one.
    await riley.restart();
    await expect(page.getByTestId('incident-title')).toHaveText('Checkout API returning 502s for EU customers');
    const label = /^Team sync: Offline since \d\d:\d\d · (\d+) waiting$/;
    await expect(headerPill(page)).toHaveText(label, { timeout: 30_000 });
    const before = Number(label.exec((await headerPill(page).textContent()) ?? '')![1]);
    expect(before, 'the declaration and the note wait').toBeGreaterThan(1);
    await logEntry(page, 'Rolling back payments gateway release 4711');
    await expect(headerPill(page), 'the note waits too').toHaveText(new RegExp(`· ${before + 1} waiting$`));
    await shoot(page, 'sync-offline-war-room');
    await expectAccessible(page, 'war room offline');

    await headerPill(page).click();
    await expect(page.getByTestId('sync-details-text')).toContainText(`Work goes on here and is sent when it is back; ${before + 1} events waiting.`);
    await expect(page.getByTestId('sync-details')).toContainText('Last syncednot yet');
    await shoot(page, 'sync-offline-details');
  } finally {
    await stopAll([riley]);
  }
});

test('offline: work on an incident shared while offline is counted as waiting at once', async ({ browser }) => {
  // The database has never answered this console: what it makes still waits, and says so.
  const port = await freePort();
  let riley: TeamConsole | null = null;
  try {
    riley = await openTeamConsole(browser, 'Riley Chen', `postgres://riley:secret@127.0.0.1:${port}/command_post?team=dev`);
    await expectSyncState(riley.page, 'offline');
    await declareThrough(riley.page, 'Checkout API returning 502s for EU customers', true);
    await logEntry(riley.page, 'Edge error rate 38% in eu-west-1 since 03:02');
    await expect(headerPill(riley.page)).toHaveText(/Offline since \d{2}:\d{2} · \d+ waiting$/, { timeout: 5_000 });
    await shoot(riley.page, 'sync-offline-never-connected');
  } finally {
    await stopAll([riley]);
  }
});

test('error: a host name that does not resolve', async ({ browser }) => {
  let riley: TeamConsole | null = null;
  try {
    riley = await openTeamConsole(browser, 'Riley Chen', 'postgres://riley:secret@no-such-host.invalid:5432/command_post?team=dev');
    const page = riley.page;
    await expectSyncState(page, 'error');
    await expect(railPill(page)).toHaveText('Team sync: Sync error: unknown host');

    // Nothing local waits for the team database.
    await declareThrough(page, 'Card payments declined in APAC', true);
    await logEntry(page, 'Decline rate 22% for Visa in ap-south-1');
    await expect(headerPill(page)).toHaveText('Team sync: Sync error: unknown host');
    await shoot(page, 'sync-error-war-room');
    await expectAccessible(page, 'war room with a sync error');

    await headerPill(page).click();
    await expect(page.getByTestId('sync-details-text')).toContainText('Check the host name in the connection URL: this console was started with --sync-url');
    await shoot(page, 'sync-error-details');

    // Started with --sync-url: Settings shows the connection and says why it cannot be changed there.
    await page.getByTestId('sync-open-settings').click();
    await expect(page.getByTestId('sync-from-command-line')).toBeVisible();
    await expect(page.getByTestId('sync-from-command-line')).toContainText('riley@no-such-host.invalid:5432/command_post');
    await expect(page.getByTestId('sync-url')).toHaveCount(0);
    await expect(page.getByTestId('save-section')).toHaveCount(0);
    await shoot(page, 'settings-sync-command-line');
  } finally {
    await stopAll([riley]);
  }
});

test('Settings → Team sync against a real database: a wrong password, then the right one', async ({ page, host }) => {
  const { team, urls, logins } = await newTeam(db, ['Dana Whitfield']);
  const withPassword = new URL(urls[0]!);
  const password = decodeURIComponent(withPassword.password);
  withPassword.password = '';
  withPassword.searchParams.delete('team');
  // This machine's clock runs 7 minutes ahead of the database's.
  await host.restart({ clockOffsetMs: 7 * 60_000 });
  await page.goto(`${host.url}#/settings/sync`);
  await waitUntilLive(page);
  await expect(page.getByTestId('settings-section-sync')).toBeVisible();

  await page.getByTestId('sync-url').fill(withPassword.toString());
  await page.getByTestId('sync-team').fill(team);
  await page.getByTestId('sync-password-change').click();
  await page.getByTestId('sync-password').fill('not-the-password');
  await page.getByTestId('sync-test').click();
  await expect(page.getByTestId('sync-test-answer')).toHaveText(`✕ Not connected: Wrong user name or password for ${logins[0]}@127.0.0.1:${db.port}/command_post.`, { timeout: 20_000 });

  await page.getByTestId('sync-enabled').check();
  await page.getByTestId('save-section').click();
  await expectSyncState(page, 'error');
  await expect(railPill(page)).toHaveText('Team sync: Sync error: wrong password');
  await expect(page.getByTestId('sync-announcer'), 'the change of state is announced once').toHaveText('Team sync: Sync error: wrong password.');
  await expect(page.getByTestId('sync-password-state')).toHaveText('●●●●●●●● saved');
  await shoot(page, 'settings-sync-wrong-password');

  await page.getByTestId('sync-password-change').click();
  await page.getByTestId('sync-password').fill(password);
  await page.getByTestId('sync-test').click();
  const answer = page.getByTestId('sync-test-answer');
  await expect(answer).toContainText(`✓ Connected as ${logins[0]} to team ${team}, schema 2`, { timeout: 20_000 });
  await expect(answer).toContainText("This machine's clock is 7 min ahead of the team database: times you log may look wrong to teammates.");
  await shoot(page, 'settings-sync-test-ok');
  await expectAccessible(page, 'team sync settings with a test answer');

  await page.getByTestId('save-section').click();
  await expectSyncState(page, 'synced');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved at/);
  await expect(page.getByTestId('settings-nav-sync')).toContainText('Synced');
  await shoot(page, 'settings-sync-on');

  await railPill(page).click();
  await expect(page.getByTestId('sync-skew')).toContainText('7 min ahead of the team database');
  await shoot(page, 'sync-details-skew');
  await page.keyboard.press('Escape');

  // Off again: incidents stay here, the password stays saved for next time.
  await page.getByTestId('sync-enabled').uncheck();
  await page.getByTestId('save-section').click();
  await expectSyncState(page, 'off');
  await expect(page.getByTestId('sync-password-state')).toHaveText('●●●●●●●● saved');
});

test('a conflict after a database outage: reported on both consoles, settled in one click', async ({ browser }) => {
  const own = await startPostgres();
  let riley: TeamConsole | null = null;
  let dana: TeamConsole | null = null;
  try {
    await own.migrate();
    const { urls } = await newTeam(own, ['Riley Chen', 'Dana Whitfield']);
    riley = await openTeamConsole(browser, 'Riley Chen', urls[0]!);
    dana = await openTeamConsole(browser, 'Dana Whitfield', urls[1]!);
    await expectSyncState(riley.page, 'synced');
    await expectSyncState(dana.page, 'synced');
    const incident = unwrap(await riley.engine.call('incident.declare', { title: 'Checkout API returning 502s for EU customers', severity: 'SEV2', operatorIsIc: true }));
    await expect.poll(async () => (await dana!.engine.call('incident.get', { incidentId: incident.id })).ok, { timeout: 20_000 }).toBe(true);
    await riley.page.goto(`${riley.host.url}#/incident/${incident.id}`);
    await dana.page.goto(`${dana.host.url}#/incident/${incident.id}`);
    await expect(riley.page.getByTestId('incident-title')).toHaveText(incident.title);
    await expect(dana.page.getByTestId('incident-title')).toHaveText(incident.title);
    await expectSyncState(riley.page, 'synced');
    await expectSyncState(dana.page, 'synced');

    await own.crash();
    await expectSyncState(riley.page, 'offline');
    await expectSyncState(dana.page, 'offline');
    await logEntry(riley.page, 'Team database down: carrying on locally');
    await expect(headerPill(riley.page), 'a note logged while the database is down waits').toHaveText(/^Team sync: Offline since \d\d:\d\d · 1 waiting$/);
    await shoot(riley.page, 'sync-offline-one-waiting');
    // Each raises or lowers the severity without seeing the other: Riley first, Dana after.
    unwrap(await riley.engine.call('incident.setSeverity', { incidentId: incident.id, severity: 'SEV1', reason: 'EU checkout fully down' }));
    await new Promise((r) => setTimeout(r, 50));
    unwrap(await dana.engine.call('incident.setSeverity', { incidentId: incident.id, severity: 'SEV3', reason: 'only one PSP affected' }));

    await own.start();
    const sentence = /^Severity conflict: Dana Whitfield set SEV3 at \d\d:\d\d(:\d\d)? on [a-z0-9-]+; Riley Chen had set SEV1 at \d\d:\d\d(:\d\d)? on [a-z0-9-]+\. SEV3 is in force\.$/;
    for (const c of [riley, dana]) {
      await expect(c.page.getByTestId('conflict-sentence'), `${c.name} is told`).toHaveText(sentence, { timeout: 60_000 });
      await expect(c.page.getByTestId('incident-severity')).toHaveText('SEV3');
    }
    await expect(riley.page.getByTestId('conflict-keep')).toHaveText('Keep SEV3');
    await expect(riley.page.getByTestId('conflict-change')).toHaveText('Set SEV1');
    await expectSyncState(riley.page, 'synced');
    await shoot(riley.page, 'sync-conflict');
    await expectAccessible(riley.page, 'war room with a conflict');

    await riley.page.getByTestId('conflict-change').click();
    for (const c of [riley, dana]) {
      await expect(c.page.getByTestId('conflict-banner'), `settled on ${c.name}'s console too`).toHaveCount(0, { timeout: 30_000 });
      await expect(c.page.getByTestId('incident-severity')).toHaveText('SEV1');
    }
    const settled = unwrap(await dana.engine.call('incident.get', { incidentId: incident.id })) as IncidentView;
    expect(settled.conflicts.map((c) => c.settled?.value)).toEqual(['SEV1']);

    // Down again: Riley resolves and closes; Dana, who cannot know, logs one more line after that.
    await expectSyncState(riley.page, 'synced');
    await expectSyncState(dana.page, 'synced');
    await own.crash();
    await expectSyncState(riley.page, 'offline');
    await expectSyncState(dana.page, 'offline');
    unwrap(await riley.engine.call('incident.setStatus', { incidentId: incident.id, status: 'resolved', reason: 'rollback complete' }));
    unwrap(await riley.engine.call('incident.setStatus', { incidentId: incident.id, status: 'closed', reason: '', reviewNeeded: true }));
    await new Promise((r) => setTimeout(r, 50));
    await logEntry(dana.page, 'PSP confirms their side is healthy again');
    await own.start();
    for (const c of [riley, dana]) {
      const late = c.page.getByTestId('timeline-entry').filter({ hasText: 'PSP confirms their side is healthy again' });
      await expect(late.getByTestId('entry-after-close'), `marked on ${c.name}'s console`).toHaveText('logged after close, on another console', { timeout: 60_000 });
    }
    await expectSyncState(riley.page, 'synced');
    await shoot(riley.page, 'sync-after-close');
    await expectAccessible(riley.page, 'timeline with a line logged after close');
  } finally {
    await stopAll([riley, dana]);
    await own.stop();
  }
});
