import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/incident';
import { TimelineOrder } from '../../../renderer/lib/timeline-order';

const entry = (id: string, at: number): TimelineEntry => ({
  id,
  at,
  loggedAt: at,
  text: id,
  kind: 'note',
  actor: 'scribe',
  attribution: null,
  workstreamId: null,
  pinned: false,
  struck: null,
  revisions: [],
  systemType: null,
  eventId: id,
});

const ids = (timeline: TimelineEntry[], positions: number[]) => positions.map((i) => timeline[i]!.id);

describe('TimelineOrder', () => {
  it('reads by time, ties in logged order, and places a backdated line where it happened', () => {
    const timeline = [entry('a', 10), entry('b', 20), entry('c', 20)];
    const order = new TimelineOrder();
    expect(ids(timeline, order.sync(timeline))).toEqual(['a', 'b', 'c']);
    timeline.push(entry('late', 15), entry('d', 30), entry('tie', 20));
    expect(ids(timeline, order.sync(timeline))).toEqual(['a', 'late', 'b', 'c', 'tie', 'd']);
  });

  it('sorts an unordered timeline once when it is first seen', () => {
    const timeline = [entry('x', 50), entry('y', 10), entry('z', 30)];
    expect(ids(timeline, new TimelineOrder().sync(timeline))).toEqual(['y', 'z', 'x']);
  });

  it('shows a replaced entry (an amendment) without reordering', () => {
    const timeline = [entry('a', 10), entry('b', 20)];
    const order = new TimelineOrder();
    order.sync(timeline);
    timeline[0] = { ...timeline[0]!, text: 'amended' };
    const positions = order.sync(timeline);
    expect(timeline[positions[0]!]!.text).toBe('amended');
  });

  it('starts over when handed a new timeline (a refetch)', () => {
    const order = new TimelineOrder();
    order.sync([entry('a', 10), entry('b', 20), entry('c', 30)]);
    const fresh = [entry('p', 5)];
    expect(ids(fresh, order.sync(fresh))).toEqual(['p']);
  });
});
