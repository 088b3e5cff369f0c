import { crc32 } from 'node:zlib';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { IncidentEvent } from '../../../shared/domain/events';
import { formatStamp } from '../../../shared/domain/hlc';
import { declare, journalPath, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';
import { encodeRecord } from './record';

const T0 = Date.UTC(2026, 10, 30, 3, 0);

/** A record as written before stamps existed: no `hlc` key at all. */
function legacyRecord(event: IncidentEvent): string {
  const { id, incidentId, seq, at, actor, type, payload } = event;
  const body = JSON.stringify({ id, incidentId, seq, at, actor, type, payload });
  return `{"crc":"${crc32(body).toString(16).padStart(8, '0')}","event":${body}}\n`;
}

const eventsOf = async (dir: string, id: string) =>
  (await readFile(journalPath(dir, id), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { event: IncidentEvent }).event);

describe('the order of events', () => {
  it('opens a journal written before stamps existed as it was, with stamps derived the same way every time', async () => {
    await withTempDir(async (dir) => {
      let clock = T0;
      const engine = await startEngine(dir, () => clock);
      const { id } = await declare(engine, 'Old journal');
      for (let i = 0; i < 20; i++) {
        // The clock goes back now and then (a laptop corrected by NTP): the journal's order stays.
        clock += i % 5 === 4 ? -30_000 : 10_000;
        await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `note ${i}` }));
      }
      await mustOk(engine.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2', reason: '' }));
      const before = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      await engine.close();
      const events = await eventsOf(dir, id);
      await writeFile(journalPath(dir, id), events.map(legacyRecord).join(''));
      await rm(join(dir, 'incidents', id, 'snapshot.json'), { force: true });
      const again = await startEngine(dir, () => clock);
      const after = await mustOk<IncidentView>(again.dispatch('incident.get', { incidentId: id }));
      expect(after.timeline.map((e) => e.text)).toEqual(before.timeline.map((e) => e.text));
      expect({ ...after, lastStamp: '', setBy: null }).toEqual({ ...before, lastStamp: '', setBy: null });
      await again.close();
      const third = await startEngine(dir, () => clock);
      expect((await mustOk<IncidentView>(third.dispatch('incident.get', { incidentId: id }))).lastStamp).toBe(after.lastStamp);
      // New events are stamped after every derived one.
      await mustOk(third.dispatch('timeline.log', { incidentId: id, text: 'after the upgrade' }));
      const now = await mustOk<IncidentView>(third.dispatch('incident.get', { incidentId: id }));
      expect(now.timeline.at(-1)!.text).toBe('after the upgrade');
      expect(now.lastStamp > after.lastStamp).toBe(true);
      await third.close();
    });
  });

  it('a journal whose tail holds a late event is replayed from zero on open, to the state it had', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0 + 60_000);
      const { id } = await declare(engine, 'Snapshot then late');
      for (let i = 0; i < 5; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `n${i}` }));
      await engine.close(); // writes a snapshot at the end of the journal
      // A teammate's note stamped before everything since the declaration, appended after the snapshot.
      const events = await eventsOf(dir, id);
      const note = events.find((e) => e.type === 'timeline.logged')!;
      const late = { ...note, id: 'late-1', seq: events.length + 1, hlc: formatStamp({ wall: T0 + 60_000, counter: 0, node: 'zz-late' }), actor: 'Dana', payload: { ...note.payload, entryId: 'late-entry', text: 'from the past' } } as IncidentEvent;
      // Sorts right after the opening's stamp: same wall, counter 0, node after the console's.
      await writeFile(journalPath(dir, id), `${await readFile(journalPath(dir, id), 'utf8')}${encodeRecord(late)}`);
      const again = await startEngine(dir, () => T0 + 60_000);
      const view = await mustOk<IncidentView>(again.dispatch('incident.get', { incidentId: id }));
      const texts = view.timeline.map((e) => e.text);
      expect(texts).toContain('from the past');
      expect(texts.indexOf('from the past')).toBeLessThan(texts.indexOf('n0'));
      expect(view.lastSeq).toBe(events.length + 1);
      // Writing goes on at the next sequence number.
      await mustOk(again.dispatch('timeline.log', { incidentId: id, text: 'next' }));
      expect((await eventsOf(dir, id)).map((e) => e.seq)).toEqual(Array.from({ length: events.length + 2 }, (_, i) => i + 1));
      await again.close();
    });
  });

  it('a late event re-reduces the same from disk, from memory and after a read-ahead, as a fresh open does', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => T0 + 120_000);
      const { id } = await declare(engine, 'Three ways');
      for (let i = 0; i < 30; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `n${i}` }));
      await engine.close();
      const { IncidentRegistry } = await import('../incident-registry');
      const { HybridClock } = await import('../../../shared/domain/hlc');
      const registry = await IncidentRegistry.open(dir, () => T0 + 120_000, () => undefined, new HybridClock('here', () => T0 + 120_000));
      const log = await registry.get(id);
      const template = (await eventsOf(dir, id)).find((e) => e.type === 'timeline.logged')!;
      const lateNote = (i: number) => {
        const { seq: _seq, ...rest } = { ...template, id: `late-${i}`, hlc: formatStamp({ wall: T0 + 120_000, counter: 0, node: `zz-${i}` }), payload: { ...template.payload, entryId: `late-entry-${i}`, text: `late ${i}` } };
        return rest as never;
      };
      await log.commit([lateNote(1)]); // from disk
      await log.commit([lateNote(2)]); // in memory
      const inMemory = JSON.stringify(log.state);
      expect(log.rebuilds).toBe(2);
      await registry.close();
      const again = await IncidentRegistry.open(dir, () => T0 + 120_000, () => undefined, new HybridClock('here', () => T0 + 120_000));
      const reopened = await again.get(id);
      expect(JSON.stringify(reopened.state)).toBe(inMemory);
      await reopened.warmOrder();
      await reopened.commit([lateNote(3)]); // after a read-ahead
      const warmed = JSON.stringify(reopened.state);
      await again.close();
      const third = await IncidentRegistry.open(dir, () => T0 + 120_000, () => undefined, new HybridClock('here', () => T0 + 120_000));
      expect(JSON.stringify((await third.get(id)).state)).toBe(warmed);
      const texts = (await third.get(id)).state!.timeline.map((e) => e.text);
      expect(texts.slice(1, 4)).toEqual(['late 1', 'late 2', 'late 3']);
      await third.close();
    });
  });
});
