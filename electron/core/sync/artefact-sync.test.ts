// Artefact files through team sync (in-memory store with the database's rules): a file goes up
// before the event that names it, a teammate fetches it when it is opened and keeps it for
// offline, and bytes that are not the file the timeline names are refused with nothing stored.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import { declare, mustOk } from '../../../tests/support/engine-harness';
import { PNG_1X1 } from '../../../tests/support/image-bytes';
import { type Console, consolesPerTest, converge, viewOn } from '../../../tests/support/sync-consoles';
import { sha256 } from '../artefacts/artefact-store';
import { mismatch } from '../artefacts/artefact-fetch';

const { team } = consolesPerTest();

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const attachmentsOf = (c: Console, incidentId: string) => join(c.dir, 'incidents', incidentId, 'attachments');
const filesOn = async (c: Console, incidentId: string) => (await readdir(attachmentsOf(c, incidentId)).catch(() => [] as string[])).sort();

async function attach(c: Console, incidentId: string, name: string, bytes: Uint8Array | string, text = ''): Promise<{ artefactId: string; hash: string }> {
  return mustOk(c.engine.dispatch('artefact.attach', { incidentId, name, base64: b64(bytes), text }));
}

function getFile(c: Console, incidentId: string, artefactId: string) {
  return c.engine.dispatch('artefact.get', { incidentId, artefactId });
}

/** Riley's screenshot and log snippet on a new incident. */
async function screenshotAndLog(a: Console) {
  const { id } = await declare(a.engine, 'Checkout errors');
  const shot = await attach(a, id, 'p99.png', PNG_1X1, 'p99 at the deploy');
  const log = 'ERROR pool exhausted\n'.repeat(400);
  const snippet = await attach(a, id, 'db.log', log);
  return { id, shot, log, snippet };
}

describe('artefact files through team sync', () => {
  it('a screenshot and a snippet attached on one console open on another, byte for byte, fetched once and kept for offline', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id, shot, log, snippet } = await screenshotAndLog(a);
    await converge(consoles, id);
    expect(db.eventsBeforeFiles).toEqual([]);
    expect([...db.files.keys()].sort()).toEqual([`ops/${shot.hash}`, `ops/${snippet.hash}`].sort());
    // Dana holds the entries but not yet the files: they come when she opens them.
    expect(await filesOn(b, id)).toEqual([]);
    const image = await mustOk<{ base64: string; mime: string }>(getFile(b, id, shot.artefactId));
    expect(image.mime).toBe('image/png');
    expect(Buffer.from(image.base64, 'base64').equals(Buffer.from(PNG_1X1))).toBe(true);
    const text = await mustOk<{ base64: string }>(getFile(b, id, snippet.artefactId));
    expect(Buffer.from(text.base64, 'base64').toString()).toBe(log);
    expect(await filesOn(b, id)).toEqual([shot.hash, snippet.hash].sort());
    expect(db.fileGets.get(b.consoleId)).toBe(2);
    // Offline now: what she opened she still has, without asking the store again.
    db.setDown(true);
    await mustOk(getFile(b, id, shot.artefactId));
    expect(db.fileGets.get(b.consoleId)).toBe(2);
    // And what Riley made he always has, whatever the store does.
    await mustOk(getFile(a, id, snippet.artefactId));
    expect(db.fileGets.get(a.consoleId)).toBeUndefined();
  });

  it('attached while offline: the file waits with its event and goes up first; the same bytes twice are one file', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Queue backlog');
    await converge(consoles, id);
    db.setCut(a.consoleId, true);
    const first = await attach(a, id, 'lag.png', PNG_1X1, 'consumer lag');
    const second = await attach(a, id, 'lag-again.png', PNG_1X1, 'same graph, later');
    expect(second.hash).toBe(first.hash);
    await a.engine.syncNow();
    expect(db.files.size).toBe(0);
    db.setCut(a.consoleId, false);
    await converge(consoles, id);
    expect(db.eventsBeforeFiles).toEqual([]);
    expect(db.files.size).toBe(1);
    const view = await viewOn(b, id);
    expect(view.artefacts.map((x: ArtefactRecord) => x.name)).toEqual(['lag.png', 'lag-again.png']);
    await mustOk(getFile(b, id, second.artefactId));
  });

  it('the store unreachable: a clear "not here yet", and the file opens once sync is back', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'DNS flaps');
    const shot = await attach(a, id, 'resolver.png', PNG_1X1);
    await converge(consoles, id);
    db.setCut(b.consoleId, true);
    await b.engine.syncNow();
    const refused = await getFile(b, id, shot.artefactId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('resolver.png was attached on another console and is not here yet') } });
    expect(await filesOn(b, id)).toEqual([]);
    db.setCut(b.consoleId, false);
    await b.engine.syncNow();
    await mustOk(getFile(b, id, shot.artefactId));
  });

  it('a file that never reached the store (gone from the console that made it) is said so; the event still travels', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Disk pressure');
    await converge(consoles, id);
    db.setCut(a.consoleId, true);
    const shot = await attach(a, id, 'disk.png', PNG_1X1, 'disk at 97%');
    await rm(join(attachmentsOf(a, id), shot.hash));
    db.setCut(a.consoleId, false);
    await converge(consoles, id);
    expect(db.files.size).toBe(0);
    const refused = await getFile(b, id, shot.artefactId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('disk.png has not reached the team database yet') } });
    expect((await viewOn(b, id)).timeline.some((e) => e.text === 'disk at 97%')).toBe(true);
  });

  it("a teammate's printout and bundle carry files she never opened; with the store out of reach the printout names them", async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id, shot, snippet } = await screenshotAndLog(a);
    await mustOk(a.engine.dispatch('postmortem.update', { incidentId: id, rootCause: `Pool too small [[artefact:${shot.artefactId}]] [[artefact:${snippet.artefactId}]]` }));
    await converge(consoles, id);
    expect(await filesOn(b, id)).toEqual([]);

    // Out of reach first: the page still comes, naming both files and why.
    db.setCut(b.consoleId, true);
    await b.engine.syncNow();
    const offline = await mustOk<{ html: string; left: string[] }>(b.engine.dispatch('postmortem.print', { incidentId: id }));
    expect(offline.html).not.toContain('<img');
    expect(offline.left).toEqual([expect.stringMatching(/^p99\.png: p99\.png was attached on another console and is not here yet/), expect.stringMatching(/^db\.log: db\.log was attached/)]);
    const bare = await mustOk<{ contents: string[] }>(b.engine.dispatch('bundle.export', { incidentId: id }));
    expect(bare.contents.filter((f) => f.startsWith('attachments/'))).toEqual([]);

    db.setCut(b.consoleId, false);
    await b.engine.syncNow();
    const printed = await mustOk<{ html: string; left: string[] }>(b.engine.dispatch('postmortem.print', { incidentId: id }));
    expect(printed.left).toEqual([]);
    expect(printed.html).toContain(`<img src="data:image/png;base64,${b64(PNG_1X1)}" alt="p99.png">`);
    expect(printed.html).toContain('<pre>ERROR pool exhausted\nERROR pool exhausted\n');
    // Fetched once, checked, and kept: the bundle after it asks the store for nothing more.
    expect(await filesOn(b, id)).toEqual([shot.hash, snippet.hash].sort());
    const gets = db.fileGets.get(b.consoleId);
    const bundle = await mustOk<{ contents: string[] }>(b.engine.dispatch('bundle.export', { incidentId: id }));
    expect(bundle.contents.filter((f) => f.startsWith('attachments/')).sort()).toEqual([`attachments/${shot.hash.slice(0, 16)}-p99.png`, `attachments/${snippet.hash.slice(0, 16)}-db.log`].sort());
    expect(db.fileGets.get(b.consoleId)).toBe(gets);
  });

  it('bytes filed under the hash that are not the file are refused: a clear message, nothing stored, the entry kept', async () => {
    const { db, consoles } = await team(['Riley', 'Dana']);
    const [a, b] = consoles as [Console, Console];
    const { id } = await declare(a.engine, 'Checkout errors');
    const hash = sha256(PNG_1X1);
    // Planted before Riley pushes (as only a superuser could): his console sees the hash held and uploads nothing.
    db.tamperFile('ops', hash, Buffer.from('#!/bin/sh\nrm -rf /\n'));
    const shot = await attach(a, id, 'p99.png', PNG_1X1, 'p99 graph');
    await converge(consoles, id);
    const refused = await getFile(b, id, shot.artefactId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('The file of p99.png from the team database was refused') } });
    expect(await filesOn(b, id)).toEqual([]);
    expect((await viewOn(b, id)).timeline.some((e) => e.text === 'p99 graph')).toBe(true);
    // Riley's own copy is untouched and still served.
    await mustOk(getFile(a, id, shot.artefactId));
  });
});

describe('mismatch: the fetched bytes against the event that names them', () => {
  const record = (over: Partial<ArtefactRecord>): ArtefactRecord => ({
    id: 'a1',
    entryId: 'e1',
    hash: sha256(PNG_1X1),
    name: 'p99.png',
    mime: 'image/png',
    size: PNG_1X1.length,
    note: null,
    at: 0,
    by: 'Riley',
    ...over,
  });

  it('accepts the very file, and says which of size, hash or type is wrong otherwise', () => {
    expect(mismatch(PNG_1X1, record({}))).toBeNull();
    expect(mismatch(PNG_1X1, record({ size: 1 }))).toMatch(/^it is \d+ bytes, and the timeline says 1$/);
    const other = Uint8Array.from(PNG_1X1);
    other[other.length - 5] = other[other.length - 5]! ^ 1;
    expect(mismatch(other, record({}))).toMatch(/^its sha-256 is [0-9a-f]{12}…, not [0-9a-f]{12}…$/);
    // A teammate's event may name the right hash with another type: the bytes decide.
    expect(mismatch(PNG_1X1, record({ mime: 'application/pdf' }))).toBe('its bytes are image/png, and the timeline says application/pdf');
    const program = Buffer.from('MZ\x90\x00 a Windows program');
    expect(mismatch(program, record({ hash: sha256(program), size: program.length }))).toMatch(/^its bytes are refused/);
  });
});
