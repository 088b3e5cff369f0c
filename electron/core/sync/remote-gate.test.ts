import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/domain/hlc';
import { admitRow } from './remote-gate';
import type { PulledRow } from './sync-port';

const T = Date.UTC(2026, 10, 30, 3, 14);
const stamp = (node: string) => formatStamp({ wall: T, counter: 0, node });
const note = (over: Record<string, unknown> = {}) => ({
  id: 'ev-1',
  incidentId: 'INC-20261130-abcdef',
  hlc: stamp('dana-laptop'),
  at: T,
  actor: 'Dana',
  type: 'timeline.logged',
  payload: { entryId: 'en-1', text: 'rolled back', kind: 'note', occurredAt: T, attribution: null, workstreamId: null },
  ...over,
});
const row = (body: unknown, over: Partial<PulledRow> = {}): PulledRow => ({
  serverSeq: 7,
  id: 'ev-1',
  incidentId: 'INC-20261130-abcdef',
  hlc: stamp('dana-laptop'),
  consoleId: 'dana-laptop',
  uploadedBy: 'dana',
  consoleLogin: 'dana',
  receivedAt: T,
  body,
  ...over,
});

describe('the gate for rows from the team database', () => {
  it('admits a teammate’s note as it was made', () => {
    const admitted = admitRow(row(note()));
    expect(admitted).toMatchObject({ ok: true, event: { id: 'ev-1', actor: 'Dana', hlc: stamp('dana-laptop') } });
  });

  it.each([
    ['not an object', row('a string'), /holds no event object/],
    ['an array', row([note()]), /holds no event object/],
    ['a journal position', row(note({ seq: 3 })), /journal position/],
    ['a receipt', row(note({ received: { serverSeq: 1, uploadedBy: 'x', at: T } })), /receipt/],
    ['an unknown key', row(note({ extra: true })), /not a valid event/],
    ['a bad payload', row(note({ payload: { text: 1 } })), /not a valid event/],
    ['no stamp', row(note({ hlc: undefined })), /no clock stamp/],
    ['another id', row(note(), { id: 'ev-2' }), /row's id/],
    ['another incident', row(note(), { incidentId: 'INC-20261130-zzzzzz' }), /filed under/],
    ['another stamp', row(note(), { hlc: stamp('elsewhere') }), /stamp is not the event's/],
    ['an unregistered console', row(note(), { consoleLogin: null }), /not registered/],
    ['someone else’s console', row(note(), { uploadedBy: 'mallory' }), /belongs to dana/],
    ['a stamp of another console', row(note({ hlc: stamp('riley-laptop') }), { hlc: stamp('riley-laptop') }), /stamped by console riley-laptop/],
    ['a system line', row(note({ payload: { ...note().payload, kind: 'system' } })), /system line/],
    [
      'a missed deadline by a person',
      row(note({ type: 'deadline.missed', payload: { key: 'cadence:internal:1', kind: 'cadence', dueAt: T, label: 'Internal update overdue' } })),
      /recorded by the engine/,
    ],
    [
      'a scribe log carrying a decision',
      row(note({ type: 'incident.severityChanged', payload: { from: 'SEV2', to: 'SEV1', reason: '' }, origin: { source: 'scribe-log', file: 'x.jsonl', by: 'Dana', at: T } })),
      /scribe log/,
    ],
  ])('quarantines %s', (_what, input, reason) => {
    const admitted = admitRow(input);
    expect(admitted.ok).toBe(false);
    if (!admitted.ok) expect(admitted.reason).toMatch(reason);
  });

  it('admits an imported event stamped elsewhere, and one from a journal older than stamps', () => {
    const imported = note({ hlc: stamp('scribe-laptop'), origin: { source: 'scribe-log', file: 'notes.jsonl', by: 'Dana', at: T } });
    expect(admitRow(row(imported, { hlc: stamp('scribe-laptop') })).ok).toBe(true);
    expect(admitRow(row(note({ hlc: stamp('legacy') }), { hlc: stamp('legacy') })).ok).toBe(true);
  });
});
