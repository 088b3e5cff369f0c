import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { IncidentLog } from '../journal/incident-log';
import type { IncidentView } from '../../../shared/contract/contract';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { declare, journalPath, mustOk } from '../../../tests/support/engine-harness';
import { MemoryDatabase } from '../../../tests/support/memory-sync';
import { type Console, consolesPerTest, converge, memoryUrl, openConsole, viewOn } from '../../../tests/support/sync-consoles';

const URL_OF = memoryUrl;

const { team, keep, replace } = consolesPerTest();

const status = (c: Console) => mustOk<SyncStatus>(c.engine.dispatch('sync.status', {}));

describe('team sync (in-memory store)', () => {
  it('an event committed while sync reads which events it holds is not taken again when it comes back', async () => {
    // The read of the journal's ids is held open for a while: what the console writes meanwhile
    // is announced after the read, and used to be missing from the set, so its own rows pulled
    // back were committed a second time.
    const read = IncidentLog.prototype.eventIds;
    const spy = vi.spyOn(IncidentLog.prototype, 'eventIds').mockImplementation(async function (this: IncidentLog) {
      const ids = await read.call(this);
      await new Promise((r) => setTimeout(r, 80));
      return ids;
    });
    try {
      const { consoles } = await team(['Riley', 'Dana']);
      const [a] = consoles as [Console, Console];
      const { id } = await declare(a.engine, 'Checkout errors');
      for (let i = 0; i < 8; i++) {
        await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: `note ${i}` }));
        await new Promise((r) => setTimeout(r, 25));
      }
      await converge(consoles, id);
      for (const c of consoles) {
        const ids = (await readFile(journalPath(c.dir, id), 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { event: { id: string } }).event.id);
        expect(ids.length, `${c.name}'s journal holds each event once`).toBe(new Set(ids).size);
      }
      expect((await viewOn(a, id)).timeline.filter((e) => e.text.startsWith('note ')).length).toBe(8);
    } finally {
      spy.mockRestore();
    }
  });

  it('a closed incident left as its summary at start still pushes what was never pushed, and takes in what others wrote', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Cache stampede');
    await converge(consoles, id);
    db.setDown(true);
    await mustOk(a.engine.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
    await mustOk(a.engine.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false }));
    await a.engine.syncNow().catch(() => undefined);
    await a.engine.close();
    db.setDown(false);
    // Restarted: the closed incident is a summary, its last two events not pushed yet.
    const again = await openConsole('Riley', (c) => db.port(c), URL_OF('riley'), { dir: a.dir, consoleId: a.consoleId });
    replace(a, again);
    await again.engine.syncNow();
    await b.engine.syncNow();
    expect((await viewOn(b, id)).status).toBe('closed');
    await mustOk(b.engine.dispatch('incident.setStatus', { incidentId: id, status: 'investigating', reason: 'back again' }));
    const state = JSON.parse(await converge([again, b], id)) as IncidentView;
    expect(state.status).toBe('investigating');
  });

  it('what one console logs, the others hold, with identical state and timeline', async () => {
    const { consoles } = await team(['Riley', 'Dana', 'Sam']);
    const [a, b, c] = consoles as [Console, Console, Console];
    const incident = await declare(a.engine, 'Checkout errors');
    expect(incident.shared).toBe(true);
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: incident.id, text: 'error rate 14%' }));
    await converge(consoles, incident.id);
    await mustOk(b.engine.dispatch('timeline.log', { incidentId: incident.id, text: 'rolled back 4711' }));
    await mustOk(c.engine.dispatch('incident.setSeverity', { incidentId: incident.id, severity: 'SEV2', reason: 'contained' }));
    const state = JSON.parse(await converge(consoles, incident.id)) as IncidentView;
    expect(state.severity).toBe('SEV2');
    expect(state.timeline.map((e) => e.text)).toEqual(expect.arrayContaining(['error rate 14%', 'rolled back 4711']));
    expect(state.conflicts).toEqual([]);
    // The incident shows in every list, marked shared.
    for (const x of consoles) {
      const list = await mustOk<Array<{ id: string; shared: boolean }>>(x.engine.dispatch('incident.list', {}));
      expect(list).toEqual([expect.objectContaining({ id: incident.id, shared: true })]);
      expect((await status(x)).state).toBe('synced');
    }
  });

  it('partition: all keep writing while the store is down, then converge with the conflict reported and nothing lost', async () => {
    const { db, consoles } = await team(['Riley', 'Dana', 'Sam']);
    const [a, b, c] = consoles as [Console, Console, Console];
    const { id } = await declare(a.engine, 'Database failover');
    await converge(consoles, id);
    db.setDown(true);
    await mustOk(a.engine.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2', reason: 'A thinks smaller' }));
    await mustOk(b.engine.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV3', reason: 'B thinks smaller still' }));
    await mustOk(b.engine.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
    await mustOk(b.engine.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: true }));
    for (let i = 0; i < 50; i++) await mustOk(c.engine.dispatch('timeline.log', { incidentId: id, text: `offline note ${i}` }));
    await a.engine.syncNow().catch(() => undefined);
    const offline = await status(c);
    expect(offline.state).toBe('offline');
    expect(offline.waiting).toBe(50);
    expect(offline.offlineSince).not.toBeNull();
    db.setDown(false);
    const state = JSON.parse(await converge(consoles, id)) as IncidentView;
    // The order of stamps picked the severity; the other one is reported, with who and where.
    expect(state.conflicts).toHaveLength(1);
    const [conflict] = state.conflicts;
    expect(conflict!.field).toBe('severity');
    expect([conflict!.chosen.console, conflict!.other.console].sort()).toEqual([a.consoleId, b.consoleId].sort());
    expect(state.severity).toBe(conflict!.chosen.value);
    // Fifty notes, every one kept, those after the close marked.
    const notes = state.timeline.filter((e) => e.text.startsWith('offline note'));
    expect(notes).toHaveLength(50);
    expect(state.status).toBe('closed');
    // Every note after the close (in the order of stamps) is marked, and none before it.
    const close = state.timeline.findIndex((e) => e.systemType === 'incident.statusChanged' && e.text.includes('→ Closed'));
    expect(close).toBeGreaterThan(0);
    expect(notes.filter((n) => (state.timeline.indexOf(n) > close) !== (n.afterClose === true))).toEqual([]);
    // The store holds each event once, numbered without gaps.
    const seqs = db.rows.filter((r) => r.incidentId === id).map((r) => r.serverSeq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(new Set(db.rows.map((r) => r.id)).size).toBe(db.rows.length);
    expect(db.rows.filter((r) => r.incidentId === id)).toHaveLength(state.lastSeq);
    // The IC settles it in one action; every console sees it settled.
    await mustOk(a.engine.dispatch('conflict.settle', { incidentId: id, conflictId: conflict!.id, value: 'SEV1' }));
    const settled = JSON.parse(await converge(consoles, id)) as IncidentView;
    expect(settled.severity).toBe('SEV1');
    expect(settled.conflicts[0]!.settled).toMatchObject({ by: 'Riley', value: 'SEV1' });
  });

  it('a push whose acknowledgement is lost is pushed again and adds nothing', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Lost ack');
    await converge(consoles, id);
    db.loseAckOf.add(a.consoleId);
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: 'pushed twice' }));
    await converge(consoles, id);
    expect(db.rows.filter((r) => (r.body as { payload?: { text?: string } }).payload?.text === 'pushed twice')).toHaveLength(1);
    const seqs = db.rows.filter((r) => r.incidentId === id).map((r) => r.serverSeq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('a forged row is quarantined by every console, reported, and sync goes on with the rest', async () => {
    const { db, consoles } = await team(['Riley', 'Dana', 'Sam']);
    const [a, b] = consoles as [Console, Console, Console];
    const { id } = await declare(a.engine, 'Forgery');
    await converge(consoles, id);
    const view = await viewOn(a, id);
    // Dana inserts, by hand, an event claiming to come from Riley's console.
    const forged = { id: 'forged-1', incidentId: id, hlc: `${Date.now()}-00000-${a.consoleId}`.padStart(0), at: Date.now(), actor: 'Riley', type: 'incident.severityChanged', payload: { from: view.severity, to: 'SEV4', reason: 'x' } };
    forged.hlc = `${String(Date.now()).padStart(13, '0')}-00000-${a.consoleId}`;
    db.insertRaw('ops', { id: forged.id, incidentId: id, hlc: forged.hlc, consoleId: a.consoleId, uploadedBy: 'dana', body: forged });
    // And a row that is no event at all.
    db.insertRaw('ops', { id: 'junk-1', incidentId: id, hlc: forged.hlc, consoleId: b.consoleId, uploadedBy: 'dana', body: 'not an event' });
    await mustOk(b.engine.dispatch('timeline.log', { incidentId: id, text: 'after the forgery' }));
    const state = JSON.parse(await converge(consoles, id)) as IncidentView;
    expect(state.severity).toBe(view.severity);
    expect(state.timeline.some((e) => e.text === 'after the forgery')).toBe(true);
    for (const c of consoles) {
      const s = await status(c);
      const reasons = s.quarantined.map((q) => `${q.eventId}: ${q.reason}`);
      expect(reasons).toEqual([expect.stringMatching(/^forged-1: uploaded by dana from console riley-console, which belongs to riley/), expect.stringMatching(/^junk-1: the row holds no event object/)]);
    }
  });

  it('a teammate’s hour offline lands in its place: a late event re-reduces, and the window is told', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Late notes');
    await converge(consoles, id);
    db.setCut(b.consoleId, true);
    await mustOk(b.engine.dispatch('timeline.log', { incidentId: id, text: 'written offline first' }));
    await new Promise((r) => setTimeout(r, 5));
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: 'written online later' }));
    await a.engine.syncNow();
    db.setCut(b.consoleId, false);
    const state = JSON.parse(await converge(consoles, id)) as IncidentView;
    const texts = state.timeline.map((e) => e.text);
    expect(texts.indexOf('written offline first')).toBeLessThan(texts.indexOf('written online later'));
  });

  it('keeps a local incident local, and shares it later with its whole journal', async () => {
    const { consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const local = await mustOk<IncidentView>(a.engine.dispatch('incident.declare', { title: 'Just mine', severity: 'SEV3', share: false }));
    expect(local.shared).toBe(false);
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: local.id, text: 'private so far' }));
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect((await b.engine.dispatch('incident.get', { incidentId: local.id })).ok).toBe(false);
    await mustOk(a.engine.dispatch('incident.share', { incidentId: local.id }));
    const state = JSON.parse(await converge(consoles, local.id)) as IncidentView;
    expect(state.timeline.some((e) => e.text === 'private so far')).toBe(true);
  });

  it('says why it cannot sync: wrong password, not a member', async () => {
    const db = new MemoryDatabase();
    db.addMember('riley', 'ops');
    const wrong = await openConsole('Riley', (c) => db.port(c), 'postgres://riley:wrong@memory.test/db?team=ops');
    const outsider = await openConsole('Eve', (c) => db.port(c), 'postgres://eve:pw@memory.test/db?team=ops');
    keep(wrong, outsider);
    await wrong.engine.syncNow();
    await outsider.engine.syncNow();
    await new Promise((r) => setTimeout(r, 100));
    expect(await status(wrong)).toMatchObject({ state: 'error', problem: { code: 'auth' } });
    expect(await status(outsider)).toMatchObject({ state: 'error', problem: { code: 'permission' } });
    // Local work is never blocked.
    await declare(wrong.engine, 'Still works');
  });

  it('warns about a clock more than five minutes from the database, and writes all the same', async () => {
    const { db, consoles } = await team(['Riley']);
    const [a] = consoles as [Console];
    db.now = () => Date.now() - 7 * 60_000;
    // Reconnect so the console compares clocks again.
    db.setCut(a.consoleId, true);
    await a.engine.syncNow();
    db.setCut(a.consoleId, false);
    await a.engine.syncNow();
    const s = await status(a);
    expect(s.skewMs).toBeGreaterThan(6 * 60_000);
    const { id } = await declare(a.engine, 'Skewed but writing');
    await a.engine.syncNow();
    expect(db.rows.some((r) => r.incidentId === id)).toBe(true);
    expect((await status(a)).state).toBe('synced');
  });

  it('counts what waits for an incident shared while the database was never reached', async () => {
    const db = new MemoryDatabase();
    db.addMember('riley', 'ops');
    db.setDown(true);
    const a = await openConsole('Riley', (c) => db.port(c), URL_OF('riley'));
    keep(a);
    const { id } = await declare(a.engine, 'Declared offline');
    await mustOk(a.engine.dispatch('timeline.log', { incidentId: id, text: 'one' }));
    await a.engine.syncNow();
    const s = await status(a);
    expect(s.state).toBe('offline');
    // Every event of the incident: the declaration, its policies, and the note.
    const events = (await viewOn(a, id)).lastSeq;
    expect(s.waiting).toBe(events);
    db.setDown(false);
    await a.engine.syncNow();
    expect(db.rows.filter((r) => r.incidentId === id)).toHaveLength(events);
    expect((await status(a)).waiting).toBe(0);
  });
});
