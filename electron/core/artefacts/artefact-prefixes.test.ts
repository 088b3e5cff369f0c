import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import type { TimelineEntry, Workstream } from '../../../shared/domain/incident';
import { declare, mustOk, snapshotTree, startEngine } from '../../../tests/support/engine-harness';
import { PNG_1X1 } from '../../../tests/support/image-bytes';
import { withTempDir } from '../../../tests/support/temp-dir';
import type { Engine } from '../engine-types';

const M = 60_000;
const png = Buffer.from(PNG_1X1).toString('base64');
const snippet = Buffer.from('ERROR pool exhausted\n'.repeat(50)).toString('base64');

async function withIncident(run: (e: Engine, id: string, dir: string, now: number) => Promise<void>) {
  await withTempDir(async (dir) => {
    const now = Date.UTC(2026, 10, 22, 14, 30);
    const engine = await startEngine(dir, () => now);
    try {
      const { id } = await declare(engine, 'Checkout 500s');
      await run(engine, id, dir, now);
    } finally {
      await engine.close();
    }
  });
}

const view = (e: Engine, id: string) => mustOk<IncidentView>(e.dispatch('incident.get', { incidentId: id }));
/** An entry without what tells any two entries apart: its id and its event's. */
const shape = ({ id: _id, eventId: _eventId, ...rest }: TimelineEntry) => rest;

describe('a line with files keeps its prefixes', () => {
  it('logs the entry as timeline.log would, @name, backdate and workstream, then attaches every file to it', async () => {
    await withIncident(async (e, id, _dir, now) => {
      const ws = await mustOk<Workstream>(e.dispatch('workstream.open', { incidentId: id, title: 'Payments rollback', owner: 'Dana' }));
      const prefixes = { kind: 'finding', attribution: 'Dana Reyes', occurredAt: now - 28 * M, workstreamId: ws.id } as const;
      const logged = await mustOk<TimelineEntry>(e.dispatch('timeline.log', { incidentId: id, text: 'checkout graph', ...prefixes }));
      const first = await mustOk<{ entryId: string }>(e.dispatch('artefact.attach', { incidentId: id, name: 'graph.png', base64: png, text: 'checkout graph', ...prefixes }));
      await mustOk(e.dispatch('artefact.attach', { incidentId: id, entryId: first.entryId, name: 'pool.log', base64: snippet }));

      const v = await view(e, id);
      const withFiles = v.timeline.find((t) => t.id === first.entryId)!;
      expect(shape(withFiles)).toEqual(shape(v.timeline.find((t) => t.id === logged.id)!));
      expect(shape(withFiles)).toMatchObject({ text: 'checkout graph', kind: 'finding', attribution: 'Dana Reyes', at: now - 28 * M, loggedAt: now, workstreamId: ws.id });
      expect(v.artefacts.map((a) => [a.name, a.entryId])).toEqual([
        ['graph.png', first.entryId],
        ['pool.log', first.entryId],
      ]);
      // One entry for the line, not one per file.
      expect(v.timeline.filter((t) => t.text === 'checkout graph')).toHaveLength(2);
    });
  });

  it('refuses a time ahead, an unknown workstream, and prefixes on an entry already logged, storing nothing', async () => {
    await withIncident(async (e, id, dir, now) => {
      const entry = await mustOk<TimelineEntry>(e.dispatch('timeline.log', { incidentId: id, text: 'db at 100% cpu' }));
      const before = await view(e, id);
      const files = await snapshotTree(dir);
      const tries: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ occurredAt: now + 10 * M }, 'INVALID_INPUT', /The entry time is in the future/],
        [{ workstreamId: 'nope' }, 'NOT_FOUND', /No such workstream/],
        [{ attribution: 'x'.repeat(500) }, 'TOO_LARGE', /Attribution is longer than/],
        [{ entryId: entry.id, attribution: 'Dana Reyes' }, 'INVALID_INPUT', /are for a new entry.*leave them out when attaching/],
        [{ entryId: entry.id, occurredAt: now - M }, 'INVALID_INPUT', /are for a new entry/],
        [{ entryId: entry.id, workstreamId: 'nope' }, 'INVALID_INPUT', /are for a new entry/],
      ];
      for (const [extra, code, message] of tries) {
        const refused = await e.dispatch('artefact.attach', { incidentId: id, name: 'graph.png', base64: png, text: 'keep me', ...extra });
        expect(refused.ok ? null : refused.error.code, JSON.stringify(extra)).toBe(code);
        expect(refused.ok ? '' : refused.error.message).toMatch(message);
      }
      expect(await readdir(join(dir, 'incidents', id, 'attachments')).catch(() => [])).toEqual([]);
      expect(await snapshotTree(dir)).toEqual(files);
      expect((await view(e, id)).lastSeq).toBe(before.lastSeq);
    });
  });
});
