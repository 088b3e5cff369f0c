import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { ActionItem } from '../../shared/domain/incident';
import { declare, mustOk, startEngine } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';

describe('post-mortem editing', () => {
  it('writes only what changed, and keeps a note when the entry is only re-included', async () => {
    await withTempDir(async (dir) => {
      const e = await startEngine(dir);
      const { id } = await declare(e);
      const entry = await mustOk<{ id: string }>(e.dispatch('timeline.log', { incidentId: id, text: 'Rolled back', kind: 'mitigation' }));
      const first = await mustOk<{ seq: number }>(e.dispatch('postmortem.update', { incidentId: id, rootCause: 'Config push' }));
      // Saving what is already there is fine and writes nothing.
      expect(await e.dispatch('postmortem.update', { incidentId: id, rootCause: 'Config push' })).toEqual({
        ok: true,
        value: { incidentId: id, seq: first.seq },
      });
      await mustOk(e.dispatch('postmortem.update', { incidentId: id, timelineEdit: { entryId: entry.id, annotation: 'took 9 min' } }));
      await mustOk(e.dispatch('postmortem.update', { incidentId: id, timelineEdit: { entryId: entry.id, included: false } }));
      const v = await mustOk<IncidentView>(e.dispatch('incident.get', { incidentId: id }));
      expect(v.postmortem.timelineEdits[entry.id]).toEqual({ included: false, annotation: 'took 9 min' });
      expect(v.timeline.find((t) => t.id === entry.id)!.text).toBe('Rolled back');
      await e.close();
    });
  });

  it('action.add answers the new item; an update that changes nothing writes nothing', async () => {
    await withTempDir(async (dir) => {
      const e = await startEngine(dir);
      const { id } = await declare(e);
      const item = await mustOk<ActionItem>(e.dispatch('action.add', { incidentId: id, title: 'Alert on pool saturation', owner: 'SRE', dueDate: '2026-12-10' }));
      expect(item).toMatchObject({ title: 'Alert on pool saturation', owner: 'SRE', dueDate: '2026-12-10', priority: 'P2', status: 'open' });
      const before = await mustOk<IncidentView>(e.dispatch('incident.get', { incidentId: id }));
      expect(await e.dispatch('action.update', { incidentId: id, actionId: item.id, owner: 'SRE' })).toEqual({
        ok: true,
        value: { incidentId: id, seq: before.lastSeq },
      });
      await mustOk(e.dispatch('action.update', { incidentId: id, actionId: item.id, status: 'done' }));
      expect(await e.dispatch('action.add', { incidentId: id, title: 'x', link: 'javascript:alert(1)' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: /http/ },
      });
      await e.close();
    });
  });
});
