import { appendFile, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import { declare, journalPath, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';

async function seed(dir: string, notes: number): Promise<string> {
  const engine = await startEngine(dir);
  const incident = await declare(engine);
  for (let i = 0; i < notes; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: incident.id, text: `note ${i}` }));
  await engine.close();
  return incident.id;
}

async function reopen(dir: string, id: string) {
  const engine = await startEngine(dir);
  const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
  return { engine, view };
}

describe('incident journal on open', () => {
  it('cuts a torn last line, keeps its bytes aside, reports it, and writes again', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 3);
      await appendFile(journalPath(dir, id), '{"crc":"0000');
      const { engine, view } = await reopen(dir, id);
      expect(view.integrity.status).toBe('repaired');
      // declaration + 3 policy events + 3 notes, then the torn line
      expect(view.integrity.problems[0]).toMatchObject({ kind: 'torn-tail', line: 8 });
      expect(view.timeline.map((e) => e.text)).toEqual(expect.arrayContaining(['note 0', 'note 1', 'note 2']));
      const files = await readdir(join(dir, 'incidents', id));
      expect(files.some((f) => f.startsWith('journal.torn-'))).toBe(true);
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'after repair' }));
      await engine.close();
      const again = await reopen(dir, id);
      expect(again.view.integrity.status).toBe('ok');
      expect(again.view.timeline.at(-1)?.text).toBe('after repair');
      await again.engine.close();
    });
  });

  it('keeps a last record whose newline was never written', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 2);
      const path = journalPath(dir, id);
      const bytes = await readFile(path);
      await truncate(path, bytes.length - 1);
      const { engine, view } = await reopen(dir, id);
      expect(view.timeline.at(-1)?.text).toBe('note 1');
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'next' }));
      await engine.close();
      const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(4 + 2 + 1);
      expect(lines.map((l) => JSON.parse(l).event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });
  });

  it('reports a damaged record in the middle by file and line, keeps the rest, and refuses writes', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 4);
      const path = journalPath(dir, id);
      const lines = (await readFile(path, 'utf8')).split('\n');
      const damaged = lines.findIndex((l) => l.includes('"note 1"'));
      lines[damaged] = lines[damaged]!.replace('note 1', 'note X');
      await writeFile(path, lines.join('\n'));
      const before = await readFile(path);
      const { engine, view } = await reopen(dir, id);
      expect(view.integrity.status).toBe('corrupt');
      // The snapshot no longer matches the changed journal, so it is set aside too.
      const corrupt = view.integrity.problems.find((p) => p.kind === 'corrupt-record')!;
      expect(corrupt).toMatchObject({ file: path, line: damaged + 1 });
      expect(corrupt.detail).toMatch(new RegExp(`line ${damaged + 1} `));
      expect(view.integrity.problems.map((p) => p.kind)).toEqual(['snapshot-ignored', 'corrupt-record']);
      expect(view.timeline.map((e) => e.text)).toEqual(expect.arrayContaining(['note 0', 'note 2', 'note 3']));
      expect(view.timeline.map((e) => e.text)).not.toContain('note X');
      const refused = await engine.dispatch('timeline.log', { incidentId: id, text: 'must not land' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'JOURNAL_CORRUPT' } });
      expect(refused.ok === false && refused.error.message).toMatch(new RegExp(`line ${damaged + 1} `));
      expect(await readFile(path)).toEqual(before);

      const recovered = await mustOk<IncidentView>(engine.dispatch('journal.recover', { incidentId: id }));
      expect(recovered.integrity.status).toBe('repaired');
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'after recovery' }));
      await engine.close();
      const files = await readdir(join(dir, 'incidents', id));
      const aside = files.find((f) => f.startsWith('journal.corrupt-'));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir, 'incidents', id, aside!))).toEqual(before);
      const again = await reopen(dir, id);
      expect(again.view.integrity.status).toBe('ok');
      expect(again.view.timeline.map((e) => e.text)).toEqual(
        expect.arrayContaining(['note 0', 'note 2', 'note 3', 'after recovery']),
      );
      await again.engine.close();
    });
  });

  it('treats an out-of-order sequence number as damage', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 3);
      const path = journalPath(dir, id);
      const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
      [lines[1], lines[2]] = [lines[2]!, lines[1]!];
      await writeFile(path, `${lines.join('\n')}\n`);
      const { engine, view } = await reopen(dir, id);
      expect(view.integrity.status).toBe('corrupt');
      expect(view.integrity.problems.find((p) => p.kind === 'corrupt-record')!.detail).toMatch(/sequence/);
      await engine.close();
    });
  });
});

describe('snapshots', () => {
  it('snapshot plus tail gives the same state as a full replay', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 2_500); // past the snapshot threshold, then a tail
      const engine = await startEngine(dir);
      for (let i = 0; i < 30; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `tail ${i}` }));
      // Crash-like stop: no close, so no snapshot on the way out; the tail stays in the journal only.
      const snapshotPath = join(dir, 'incidents', id, 'snapshot.json');
      const header = JSON.parse((await readFile(snapshotPath, 'utf8')).split('\n')[0]!);
      expect(header.lastSeq).toBeLessThan(2_532);

      const viaSnapshot = await reopen(dir, id);
      await viaSnapshot.engine.close();
      await writeFile(snapshotPath, 'garbage');
      const viaReplay = await reopen(dir, id);
      await viaReplay.engine.close();
      expect(viaReplay.view.integrity.problems[0]).toMatchObject({ kind: 'snapshot-ignored' });
      const { integrity: _a, ...a } = viaSnapshot.view;
      const { integrity: _b, ...b } = viaReplay.view;
      expect(a).toEqual(b);
      expect(a.timeline.filter((e) => e.kind === 'note')).toHaveLength(2_500 + 30);
      await engine.close();
    });
  });

  it('ignores a snapshot that does not match its journal', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 5);
      const snapshotPath = join(dir, 'incidents', id, 'snapshot.json');
      const [header, body] = (await readFile(snapshotPath, 'utf8')).split('\n');
      const h = JSON.parse(header!);
      h.journalBytes -= 10;
      await writeFile(snapshotPath, `${JSON.stringify(h)}\n${body}`);
      const { engine, view } = await reopen(dir, id);
      expect(view.integrity.problems.map((p) => p.kind)).toEqual(['snapshot-ignored']);
      expect(view.timeline.filter((e) => e.kind === 'note')).toHaveLength(5);
      await engine.close();
    });
  });
});

describe('snapshots under load', () => {
  it('are written while eight writers log flat out, and reopening uses them', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await mustOk<{ id: string }>(engine.dispatch('incident.declare', { title: 'load', severity: 'SEV3' }));
      let n = 0;
      const writer = async () => {
        while (n < 6_000) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `n${n++}` }));
      };
      await Promise.all(Array.from({ length: 8 }, writer));
      const snapshotPath = join(dir, 'incidents', id, 'snapshot.json');
      const header = JSON.parse((await readFile(snapshotPath, 'utf8')).split('\n')[0]!);
      expect(header.lastSeq).toBeGreaterThanOrEqual(2_000);
      await engine.close();
      // Closing writes a final snapshot at the last event.
      const last = JSON.parse((await readFile(snapshotPath, 'utf8')).split('\n')[0]!);
      const { engine: again, view } = await reopen(dir, id);
      expect(last.lastSeq).toBe(view.lastSeq);
      expect(view.integrity).toEqual({ status: 'ok', problems: [] });
      expect(view.timeline.filter((e) => e.kind === 'note')).toHaveLength(6_000);
      await again.close();
    });
  });

  it('after opening from a snapshot and a tail, the next close snapshots the tail too', async () => {
    await withTempDir(async (dir) => {
      const id = await seed(dir, 2_100);
      const snapshotPath = join(dir, 'incidents', id, 'snapshot.json');
      const engine = await startEngine(dir);
      for (let i = 0; i < 5; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `t${i}` }));
      await engine.close();
      const header = JSON.parse((await readFile(snapshotPath, 'utf8')).split('\n')[0]!);
      expect(header.lastSeq).toBe(4 + 2_100 + 5);
      await writeFile(join(dir, 'incidents', id, 'snapshot.json.123.456.tmp'), 'left by a crash');
      const { engine: again } = await reopen(dir, id);
      expect((await readdir(join(dir, 'incidents', id))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await again.close();
    });
  });
});

describe('snapshot encoding', () => {
  it('timeline rows round-trip every entry field, amended and struck ones included', async () => {
    const { StateSerializer, fromStored } = await import('./state-serializer');
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await mustOk<{ id: string }>(engine.dispatch('incident.declare', { title: 'x', severity: 'SEV2' }));
      const e = await mustOk<{ id: string }>(engine.dispatch('timeline.log', { incidentId: id, text: 'a', attribution: 'scribe' }));
      await mustOk(engine.dispatch('timeline.amend', { incidentId: id, entryId: e.id, text: 'b', kind: 'finding' }));
      await mustOk(engine.dispatch('timeline.strike', { incidentId: id, entryId: e.id, reason: 'wrong' }));
      const view = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      const { integrity: _, ...state } = view;
      expect(fromStored(JSON.parse(new StateSerializer().serialize(state)))).toEqual(state);
      await engine.close();
    });
  });
});
