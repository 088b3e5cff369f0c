import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { declare, mustOk } from '../../../tests/support/engine-harness';
import { pgTeam } from '../../../tests/support/pg-consoles';
import { startPostgres, type RunningPostgres } from '../../../tests/support/postgres';
import { type Console, converge, viewOn } from '../../../tests/support/sync-consoles';
import { startTcpProxy, type TcpProxy } from '../../../tests/support/tcp-proxy';

let db: RunningPostgres;
let open: Console[] = [];
let proxies: TcpProxy[] = [];
let teams = 0;

beforeAll(async () => {
  db = await startPostgres();
  await db.migrate();
}, 60_000);
afterAll(async () => {
  await db?.stop();
});
afterEach(async () => {
  for (const c of open) {
    await c.engine.close();
    await rm(c.dir, { recursive: true, force: true });
  }
  for (const p of proxies) await p.close();
  open = [];
  proxies = [];
});

async function team(names: string[], options: Parameters<typeof pgTeam>[3] = {}): Promise<Console[]> {
  teams += 1;
  const consoles = await pgTeam(db, `t${teams}`, names, options);
  open.push(...consoles);
  return consoles;
}

const status = (c: Console) => mustOk<SyncStatus>(c.engine.dispatch('sync.status', {}));
const rowsOf = async (incidentId: string) =>
  (await db.query<{ id: string; server_seq: string }>('SELECT id, server_seq FROM events WHERE incident_id = $1 ORDER BY server_seq', [incidentId])).rows;

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('team sync through a real PostgreSQL', () => {
  it('three consoles: what one logs the others hold, state and timeline byte-identical, a note within 1 s', async () => {
    const consoles = await team(['Riley', 'Dana', 'Sam']);
    const [a, b, c] = consoles as [Console, Console, Console];
    const incident = await declare(a.engine, 'Checkout errors');
    await converge(consoles, incident.id);
    const seen = new Map<string, number>();
    for (const x of [b, c]) x.engine.subscribe((e) => e.type === 'timeline.logged' && seen.set(`${x.name}:${e.payload.text}`, Date.now()));
    const sent = Date.now();
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: incident.id, text: 'error rate 14%' }));
    // Pushed at once, announced by NOTIFY, pulled by the others: no heartbeat needed.
    await until('the note on both teammates', async () => seen.has('Dana:error rate 14%') && seen.has('Sam:error rate 14%'), 1_000);
    expect(Math.max(...seen.values()) - sent).toBeLessThan(1_000);
    await mustOk(c.engine.dispatch('incident.setSeverity', { incidentId: incident.id, severity: 'SEV2', reason: 'contained' }));
    const json = await converge(consoles, incident.id);
    expect((JSON.parse(json) as IncidentView).severity).toBe('SEV2');
    const rows = await rowsOf(incident.id);
    expect(rows.map((r) => Number(r.server_seq))).toEqual(rows.map((_, i) => i + 1));
    expect((await status(b)).state).toBe('synced');
  });

  it('partition: the database crashes (pg_ctl stop -m immediate), all keep writing, and after it is back all converge, conflict reported, nothing lost or doubled', async () => {
    const consoles = await team(['Riley', 'Dana', 'Sam']);
    const [a, b, c] = consoles as [Console, Console, Console];
    const { id } = await declare(a.engine, 'Database failover');
    await converge(consoles, id);
    await db.crash();
    await mustOk(a.engine.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2', reason: 'A' }));
    await mustOk(b.engine.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV3', reason: 'B' }));
    await mustOk(b.engine.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
    await mustOk(b.engine.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: true }));
    for (let i = 0; i < 50; i++) await mustOk(c.engine.dispatch('timeline.log', { incidentId: id, text: `offline note ${i}` }));
    await until('C to say it is offline with 50 waiting', async () => {
      const s = await status(c);
      return s.state === 'offline' && s.waiting === 50 && s.offlineSince !== null;
    });
    await db.start();
    const state = JSON.parse(await converge(consoles, id, 12)) as IncidentView;
    expect(state.conflicts.map((x) => x.field)).toEqual(['severity']);
    expect(state.timeline.filter((e) => e.text.startsWith('offline note'))).toHaveLength(50);
    const rows = await rowsOf(id);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => Number(r.server_seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows).toHaveLength(state.lastSeq);
  }, 60_000);

  it('one console cut off alone through a TCP proxy, then healed; the listener killed with pg_terminate_backend', async () => {
    const proxy = await startTcpProxy(db.port);
    proxies.push(proxy);
    const consoles = await team(['Riley', 'Dana'], {
      heartbeatMs: 1_000,
      urlOf: (url, name) => (name === 'Dana' ? url.replace(`:${db.port}/`, `:${proxy.port}/`) : url),
    });
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Partitioned scribe');
    await converge(consoles, id);
    proxy.cut();
    await mustOk(b.engine.dispatch('timeline.log', { incidentId: id, text: 'scribe alone' }));
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: 'IC online' }));
    await until('the scribe to see it is offline', async () => (await status(b)).state === 'offline');
    expect((await status(b)).waiting).toBe(1);
    proxy.heal();
    const state = JSON.parse(await converge(consoles, id, 12)) as IncidentView;
    expect(state.timeline.map((e) => e.text)).toEqual(expect.arrayContaining(['scribe alone', 'IC online']));
    // Kill every listening connection of the team: hints stop, the heartbeat and reconnect carry on.
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'command-post' AND query ILIKE 'LISTEN%'");
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: 'after the listener died' }));
    await until('the note after the listener died', async () => (await viewOn(b, id)).timeline.some((e) => e.text === 'after the listener died'), 8_000);
  }, 60_000);

  it('a forged event inserted straight into the table by a member is quarantined by every console', async () => {
    const consoles = await team(['Riley', 'Dana', 'Sam']);
    const [a] = consoles as [Console, Console, Console];
    const { id } = await declare(a.engine, 'Forgery');
    await converge(consoles, id);
    const view = await viewOn(a, id);
    // Dana, with psql and her own login, writes an event claiming to be from Riley's console.
    const danaUrl = await db.createMember(`t${teams}`, `dana2_t${teams}`, 'Dana again');
    const client = new pg.Client({ connectionString: danaUrl });
    await client.connect();
    const hlc = `${String(Date.now()).padStart(13, '0')}-00000-${a.consoleId}`;
    const body = { id: 'forged-1', incidentId: id, hlc, at: Date.now(), actor: 'Riley', type: 'incident.severityChanged', payload: { from: view.severity, to: 'SEV4', reason: 'forged' } };
    await client.query('INSERT INTO events (id, team_id, incident_id, hlc, console_id, body) VALUES ($1, $2, $3, $4, $5, $6)', ['forged-1', `t${teams}`, id, hlc, a.consoleId, body]);
    await client.end();
    const state = JSON.parse(await converge(consoles, id)) as IncidentView;
    expect(state.severity).toBe(view.severity);
    for (const x of consoles) {
      const q = (await status(x)).quarantined;
      expect(q).toEqual([expect.objectContaining({ eventId: 'forged-1', uploadedBy: `dana2_t${teams}`, reason: expect.stringMatching(/belongs to riley_t/) })]);
    }
  });

  it('an artefact crosses the database: the file is there before its event, a teammate opens it byte for byte and keeps it offline', { timeout: 60_000 }, async () => {
    const consoles = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const incident = await declare(a.engine, 'Checkout errors');
    const bytes = Buffer.concat([Buffer.from('ERROR pool exhausted\n'.repeat(20_000))]);
    const attached = await mustOk<{ artefactId: string; hash: string }>(
      a.engine.dispatch('artefact.attach', { incidentId: incident.id, name: 'db.log', base64: bytes.toString('base64'), text: 'pool log' }),
    );
    await converge(consoles, incident.id);
    const order = await db.query<{ file_first: boolean }>(
      `SELECT f.received_at <= e.received_at AS file_first FROM artefact_files f, events e
        WHERE f.hash = $1 AND e.body->>'type' = 'artefact.attached' AND e.incident_id = $2`,
      [attached.hash, incident.id],
    );
    expect(order.rows).toEqual([{ file_first: true }]);
    const got = await mustOk<{ base64: string; size: number }>(b.engine.dispatch('artefact.get', { incidentId: incident.id, artefactId: attached.artefactId }));
    expect(Buffer.from(got.base64, 'base64').equals(bytes)).toBe(true);
    await db.crash();
    try {
      const offline = await mustOk<{ base64: string }>(b.engine.dispatch('artefact.get', { incidentId: incident.id, artefactId: attached.artefactId }));
      expect(offline.base64).toBe(got.base64);
    } finally {
      await db.start();
    }
  });
});
