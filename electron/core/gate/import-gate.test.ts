import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, ImportResult, IncidentView } from '../../../shared/contract/contract';
import type { IncidentEvent } from '../../../shared/domain/events';
import { declare, journalPath, mustOk, snapshotTree, startEngine } from '../../../tests/support/engine-harness';
import { bundleOf, importBytes, journalEvents, journalLines, noteEvent } from '../../../tests/support/import-files';
import { withTempDir } from '../../../tests/support/temp-dir';
import { HybridClock } from '../../../shared/domain/hlc';
import { IncidentLog } from '../journal/incident-log';

// Each test here is a finding of the security review of imports (issue 9), reproduced as an
// attacker would, and failed on the code before the gate.

const SCRIBE = 'Lee (scribe)';

/** An engine with one SEV1, its IC's note on the timeline, and the incident's journal. */
async function warRoom(dir: string) {
  const engine = await startEngine(dir);
  const view = await declare(engine);
  await mustOk(engine.dispatch('timeline.log', { incidentId: view.id, text: '/d roll back release 4711' }));
  return { engine, id: view.id, events: await journalEvents(dir, view.id) };
}

describe('finding 2: an acknowledged note is never lost to an imported second opening', () => {
  it('refuses a scribe log that opens the incident again, and the next note survives a reopen', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      // The opening last: before the fix it took a sequence number the state never counted.
      const opening = { ...events[0]!, id: randomUUID(), seq: 2, at: Date.now() + 1000, actor: SCRIBE } as IncidentEvent;
      const log = journalLines([noteEvent(id, SCRIBE, 1, 'offline note'), opening]);
      const refused = await importBytes(engine, 'scribe.jsonl', log);
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'acknowledged after the import' }));
      // As after a kill -9: the journal is read as the crash left it, no closing snapshot.
      const again = await startEngine(dir);
      const view = await mustOk<IncidentView>(again.dispatch('incident.get', { incidentId: id }));
      // Before the fix the note reused a sequence number and was cut on reopen as a torn tail.
      expect(view.timeline.map((t) => t.text)).toContain('acknowledged after the import');
      expect(view.integrity.status).toBe('ok');
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/opens the incident a second time/) } });
      await again.close();
      await engine.close();
    });
  });

  it('takes sequence numbers from the journal alone: an event that changes nothing still takes its place', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      await engine.close();
      const log = await IncidentLog.open(join(dir, 'incidents', id), { now: Date.now, onCommitted: () => undefined, clock: new HybridClock('test', Date.now) });
      // A second opening changes no state; the note after it must not reuse its number.
      const [second] = await log.commit([{ ...events[0]!, id: randomUUID() }]);
      const [note] = await log.commit([noteEvent(id, 'test-ic', 999, 'after the second opening')]);
      expect(note!.seq).toBe(second!.seq + 1);
      await log.close();
      const reopened = await IncidentLog.open(join(dir, 'incidents', id), { now: Date.now, onCommitted: () => undefined, clock: new HybridClock('test', Date.now) });
      expect(reopened.integrity.status).toBe('ok');
      expect(reopened.state!.timeline.map((t) => t.text)).toContain('after the second opening');
      await reopened.close();
    });
  });
});

describe('finding 3: a scribe log carries only its author’s timeline entries', () => {
  it('refuses every forgery and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      const icNote = events.find((e) => e.type === 'timeline.logged')!;
      const icEntryId = (icNote.payload as { entryId: string }).entryId;
      const at = Date.now();
      const base = { incidentId: id, at, actor: SCRIBE };
      const forgeries: Array<[string, Record<string, unknown>]> = [
        ['close', { ...base, type: 'incident.statusChanged', payload: { from: 'investigating', to: 'closed', reason: '', reviewNeeded: false } }],
        ['strike in the IC’s name', { ...base, actor: 'test-ic', type: 'timeline.struck', payload: { entryId: icEntryId, reason: 'forged' } }],
        ['strike the IC’s note', { ...base, type: 'timeline.struck', payload: { entryId: icEntryId, reason: 'mine now' } }],
        ['approve', { ...base, type: 'update.approved', payload: { draftId: 'd1', kind: 'external', bodyHash: 'abc' } }],
        [
          'send',
          {
            ...base,
            type: 'update.sent',
            payload: { updateId: 'u1', draftId: 'd1', audience: 'external', kind: 'external', channel: 'status page', recipients: 'all', body: 'All good', dueAt: null },
          },
        ],
        ['empty the tiers', { ...base, type: 'escalation.policySet', payload: { severity: 'SEV1', tiers: [] } }],
        ['a system line', { ...base, type: 'timeline.logged', payload: { entryId: 'x1', text: 'Status → Closed', kind: 'system', occurredAt: at, attribution: null, workstreamId: null } }],
      ];
      const before = await snapshotTree(dir);
      for (const [name, forged] of forgeries) {
        const file = journalLines([noteEvent(id, SCRIBE, 1, 'cover'), { ...forged, id: randomUUID(), seq: 2 }]);
        const result = await importBytes(engine, `${name}.jsonl`, file);
        expect(result, name).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/scribe log cannot be imported/) } });
      }
      expect(await snapshotTree(dir)).toEqual(before);
      await engine.close();
    });
  });

  it('takes a scribe’s own notes, amendments and strikes, marked with their origin', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      const note = noteEvent(id, SCRIBE, 1, 'DB CPU at 95%');
      const entryId = (note.payload as { entryId: string }).entryId;
      const amend = { id: randomUUID(), incidentId: id, seq: 2, at: Date.now(), actor: SCRIBE, type: 'timeline.amended', payload: { entryId, text: 'DB CPU at 99%', kind: 'finding' } };
      const result = await mustOk<ImportResult>(importBytes(engine, 'lee.jsonl', journalLines([note, amend])));
      expect(result).toMatchObject({ added: 2, preview: null });
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      const entry = view.timeline.find((t) => t.id === entryId)!;
      expect(entry).toMatchObject({ text: 'DB CPU at 99%', actor: SCRIBE, origin: { source: 'scribe-log', file: 'lee.jsonl', by: 'test-ic' } });
      await engine.close();
    });
  });

  it('shows a bundle that would change an incident already here, and writes it only when confirmed', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      const at = Date.now();
      const closing = { id: randomUUID(), incidentId: id, seq: 10, at, actor: 'Mallory', type: 'incident.statusChanged', payload: { from: 'investigating', to: 'closed', reason: '', reviewNeeded: false } };
      const bundle = bundleOf(journalLines([...events, closing]));
      const before = await snapshotTree(dir);
      const preview = await mustOk<ImportResult>(importBytes(engine, 'other.zip', bundle));
      expect(preview).toMatchObject({ added: 0, alreadyHad: events.length, preview: { events: 1, changes: [{ kind: 'status', text: 'Status investigating → closed', actor: 'Mallory' }] } });
      expect(preview.confirmToken).toMatch(/^[0-9a-f]{64}$/);
      expect(await snapshotTree(dir)).toEqual(before);
      // A token for another file commits nothing.
      const other = await mustOk<ImportResult>(importBytes(engine, 'other.zip', bundleOf(journalLines([...events, { ...closing, id: randomUUID() }])), preview.confirmToken!));
      expect(other).toMatchObject({ added: 0, preview: { events: 1 } });
      expect(await snapshotTree(dir)).toEqual(before);
      const done = await mustOk<ImportResult>(importBytes(engine, 'other.zip', bundle, preview.confirmToken!));
      expect(done).toMatchObject({ added: 1, preview: null });
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      expect(view.status).toBe('closed');
      expect(view.timeline.at(-1)).toMatchObject({ actor: 'Mallory', origin: { source: 'bundle', file: 'other.zip' } });
      await engine.close();
    });
  });
});

describe('finding 4: unknown keys never reach the state', () => {
  it('refuses extra payload keys, an own __proto__, and a due date that is no day', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      const at = Date.now();
      const action = (item: Record<string, unknown>) => ({ id: randomUUID(), incidentId: id, seq: 9, at, actor: 'test-ic', type: 'action.added', payload: { item } });
      const item = { id: 'a1', title: 'Fix', owner: 'Ana', dueDate: '2026-12-01', priority: 'P1', status: 'open', link: '' };
      const poisoned: Array<[string, Record<string, unknown>, RegExp]> = [
        ['extra key', action({ ...item, extra: 'x' }), /Unrecognized key/i],
        ['no such day', action({ ...item, dueDate: '2026-13-45' }), /not a calendar date/],
        ['envelope key', { ...action(item), sneaky: true }, /Unrecognized key/i],
        ['__proto__', JSON.parse(JSON.stringify(action(item)).replace('"item":{', '"item":{"__proto__":{"polluted":true},')), /Unrecognized key/i],
      ];
      const before = await snapshotTree(dir);
      for (const [name, event, message] of poisoned) {
        const result = await importBytes(engine, `${name}.zip`, bundleOf(journalLines([...events, event])));
        expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } });
      }
      expect(await snapshotTree(dir)).toEqual(before);
      expect(await engine.dispatch('bundle.export', { incidentId: id })).toMatchObject({ ok: true });
      await engine.close();
    });
  });
});

describe('finding 5: ids are compared without case, and an incident folder is never moved aside', () => {
  it('refuses inc-x while INC-x is here, and INC-x is still listed after a restart', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      const lower = id.toLowerCase();
      const renamed = events.map((e) => ({ ...e, incidentId: lower }));
      const result = await importBytes(engine, 'lower.zip', bundleOf(journalLines(renamed)));
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/differs from it only in case/) } });
      await engine.close();
      const again = await startEngine(dir);
      const list = await mustOk<Array<{ id: string }>>(again.dispatch('incident.list', {}));
      expect(list.map((i) => i.id)).toEqual([id]);
      await again.close();
    });
  });

  it('never renames a folder whose journal holds a record, even one it did not open', async () => {
    await withTempDir(async (dir) => {
      const { engine, id, events } = await warRoom(dir);
      const exported = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id }));
      await engine.close();
      // The folder is hidden from the registry (as on a case-insensitive disk, under another
      // case of the id), then put back once the engine is running.
      const folder = join(dir, 'incidents', id);
      await rename(folder, join(dir, 'hidden'));
      const e = await startEngine(dir);
      await rename(join(dir, 'hidden'), folder);
      const result = await importBytes(e, exported.fileName, Buffer.from(exported.base64, 'base64'));
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already holds an incident journal/) } });
      expect(await readdir(join(dir, 'incidents'))).toEqual([id]);
      expect((await journalEvents(dir, id)).length).toBe(events.length);
      await e.close();
    });
  });

  it('still sets aside a folder a crash left with no record in it', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      const exported = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId: id }));
      await engine.close();
      const target = join(dir, 'target');
      const e = await startEngine(target);
      await mkdir(join(target, 'incidents', id), { recursive: true });
      await writeFile(journalPath(target, id), '{"crc":"0000');
      await mustOk(importBytes(e, exported.fileName, Buffer.from(exported.base64, 'base64')));
      expect((await readdir(join(target, 'incidents'))).some((n) => n.startsWith(`.unfinished-${id}`))).toBe(true);
      await e.close();
    });
  });
});

describe('finding 6: one id pattern, checked at the gate', () => {
  it('refuses an event id with a quote, so merging by id cannot be fooled', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      const quoted = { ...noteEvent(id, SCRIBE, 1, 'x'), id: 'abc"def' };
      const before = await snapshotTree(dir);
      for (let i = 0; i < 3; i++) {
        const result = await importBytes(engine, 'quoted.jsonl', journalLines([quoted]));
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not an event id/) } });
      }
      expect(await snapshotTree(dir)).toEqual(before);
      await engine.close();
    });
  });

  it('adds a file’s events once, however many times it is imported', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      const file = journalLines([noteEvent(id, SCRIBE, 1, 'one'), noteEvent(id, SCRIBE, 2, 'two')]);
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await mustOk<ImportResult>(importBytes(engine, 'lee.jsonl', file)));
      expect(results.map((r) => r.added)).toEqual([2, 0, 0]);
      await engine.close();
    });
  });
});

describe('finding 7: concurrent imports of one file', () => {
  it('write its events once', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      const notes = Array.from({ length: 49 }, (_, i) => noteEvent(id, SCRIBE, i + 1, `note ${i}`));
      const file = journalLines(notes);
      const results = await Promise.all([1, 2, 3].map(() => mustOk<ImportResult>(importBytes(engine, 'lee.jsonl', file))));
      expect(results.map((r) => r.added).sort()).toEqual([0, 0, 49]);
      const ids = (await journalEvents(dir, id)).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      await engine.close();
    });
  });
});

describe('an import while scribes keep logging', () => {
  it('is answered at once, not when the journal falls quiet', async () => {
    await withTempDir(async (dir) => {
      const { engine, id } = await warRoom(dir);
      let logging = true;
      const writers = [1, 2, 3, 4].map(async (w) => {
        for (let n = 0; logging; n++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `writer ${w} note ${n}` }));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      const result = await mustOk<ImportResult>(importBytes(engine, 'lee.jsonl', journalLines([noteEvent(id, SCRIBE, 1, 'offline')])));
      const took = performance.now() - started;
      logging = false;
      await Promise.all(writers);
      expect(result.added).toBe(1);
      // Before, the import waited for the writer to fall idle, which four busy writers never let happen.
      expect(took).toBeLessThan(2_000);
      expect(await engine.dispatch('bundle.export', { incidentId: id })).toMatchObject({ ok: true });
      await engine.close();
    });
  });
});
