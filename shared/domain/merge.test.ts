import fc from 'fast-check';
import { formatStamp } from './hlc';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from './events';
import { mergeLogs } from './merge';

const eventId = fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `e${i}`));
// Events with the same id are the same event: derive the rest of it from the id.
const toEvent = (e: { id: string }): IncidentEvent => {
  const n = Number(e.id.slice(1));
  return {
    id: e.id,
    incidentId: 'INC-1',
    seq: 1 + (n % 7),
    hlc: formatStamp({ wall: 1000 + ((n * 37) % 50), counter: n % 7, node: 'test' }),
    at: 1000 + ((n * 37) % 50),
    actor: n % 2 ? 'scribe' : 'ic',
    type: 'timeline.logged',
    payload: { entryId: `x${n}`, text: `note ${n}`, kind: 'note', occurredAt: 1000, attribution: null, workstreamId: null },
  };
};
const log = fc.array(eventId, { maxLength: 25 }).map((ids) => ids.map((id) => toEvent({ id })));

describe('merging logs', () => {
  it('is the union in time order, without duplicates', () => {
    const a = [toEvent({ id: 'e1' }), toEvent({ id: 'e2' })];
    const b = [toEvent({ id: 'e2' }), toEvent({ id: 'e3' })];
    const merged = mergeLogs(a, b);
    expect(merged.map((e) => e.id).sort()).toEqual(['e1', 'e2', 'e3']);
    expect(merged.map((e) => e.at)).toEqual([...merged.map((e) => e.at)].sort((x, y) => x - y));
  });

  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(log, log, log, (a, b, c) => {
        expect(mergeLogs(a, b)).toEqual(mergeLogs(b, a));
        expect(mergeLogs(mergeLogs(a, b), c)).toEqual(mergeLogs(a, mergeLogs(b, c)));
        expect(mergeLogs(mergeLogs(a, b), b)).toEqual(mergeLogs(a, b));
        expect(mergeLogs(a, a)).toEqual(mergeLogs(a, []));
      }),
    );
  });
});
