import { describe, expect, it } from 'vitest';
import type { IncidentState, TimelineEntry } from '../../../shared/domain/incident';
import { EMPTY_FILTER, isEmptyFilter, type TimelineFilter } from '../../../shared/domain/timeline-query';
import { TimelineIndex } from './timeline-index';

const entry = (id: string, over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id,
  at: 0,
  loggedAt: 0,
  text: id,
  kind: 'note',
  actor: 'sam',
  attribution: null,
  workstreamId: null,
  pinned: false,
  struck: null,
  revisions: [],
  systemType: null,
  eventId: id,
  ...over,
});

const stateOf = (timeline: TimelineEntry[]) => ({ timeline }) as unknown as IncidentState;
const ids = (index: TimelineIndex, filter: TimelineFilter = EMPTY_FILTER, edits = 0) => index.positions(filter, edits).map((i) => index.entry(i).id);

describe('the reading order', () => {
  it('reads by time, ties in logged order, and places a backdated line where it happened, in a new generation', () => {
    const state = stateOf([entry('a', { at: 10 }), entry('b', { at: 20 }), entry('c', { at: 20 })]);
    const index = new TimelineIndex(state);
    expect(ids(index)).toEqual(['a', 'b', 'c']);
    const first = index.generation;
    state.timeline.push(entry('d', { at: 30 }), entry('tie', { at: 30 }));
    expect(ids(index)).toEqual(['a', 'b', 'c', 'd', 'tie']);
    expect(index.generation, 'appending at the end moves no position').toBe(first);
    state.timeline.push(entry('late', { at: 15 }));
    expect(ids(index)).toEqual(['a', 'late', 'b', 'c', 'd', 'tie']);
    expect(index.generation).not.toBe(first);
  });

  it('sorts an unordered timeline once when it is first seen', () => {
    expect(ids(new TimelineIndex(stateOf([entry('x', { at: 50 }), entry('y', { at: 10 }), entry('z', { at: 30 })])))).toEqual(['y', 'z', 'x']);
  });

  it('gives a new index (a re-reduce) a generation no index had', () => {
    const timeline = [entry('a')];
    expect(new TimelineIndex(stateOf(timeline)).generation).not.toBe(new TimelineIndex(stateOf(timeline)).generation);
  });
});

describe('the timeline filter in the engine', () => {
  const timeline = () => [
    entry('a', { kind: 'system', text: 'Incident declared', actor: 'Command Post' }),
    entry('b', { kind: 'decision', attribution: 'technical-lead', text: 'Roll back eu-west-1' }),
    entry('c', { workstreamId: 'ws1', actor: 'dana', text: 'Pool at 100%', pinned: true }),
    entry('d', { text: 'Now 40k/s', revisions: [{ text: 'Was 30k/s', kind: 'note', replacedAt: 1, replacedBy: 'sam' }] }),
  ];

  it('keeps the reading order and narrows by each part', () => {
    const index = new TimelineIndex(stateOf(timeline()));
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(ids(index, { ...EMPTY_FILTER, kind: 'scribe' })).toEqual(['b', 'c', 'd']);
    expect(ids(index, { ...EMPTY_FILTER, kind: 'decision' })).toEqual(['b']);
    expect(ids(index, { ...EMPTY_FILTER, attribution: 'technical-lead' })).toEqual(['b']);
    expect(ids(index, { ...EMPTY_FILTER, actor: 'dana' })).toEqual(['c']);
    expect(ids(index, { ...EMPTY_FILTER, workstreamId: 'ws1' })).toEqual(['c']);
    expect(ids(index, { ...EMPTY_FILTER, pinnedOnly: true })).toEqual(['c']);
    expect(ids(index, { ...EMPTY_FILTER, text: '  ROLL ' })).toEqual(['b']);
    expect(ids(index, { ...EMPTY_FILTER, text: '30k' }), 'what it said before it was amended').toEqual(['d']);
  });

  it('extends a filtered order with new lines, and redoes it after an edit', () => {
    const state = stateOf(timeline());
    const index = new TimelineIndex(state);
    const pinned = { ...EMPTY_FILTER, pinnedOnly: true };
    expect(ids(index, pinned)).toEqual(['c']);
    state.timeline.push(entry('e', { pinned: true }));
    expect(ids(index, pinned)).toEqual(['c', 'e']);
    // A pin replaces the entry in place; the edit count says the filtered order is stale.
    state.timeline[1] = { ...state.timeline[1]!, pinned: true };
    expect(ids(index, pinned, 0), 'without the edit counted, the old order stands').toEqual(['c', 'e']);
    expect(ids(index, pinned, 1)).toEqual(['b', 'c', 'e']);
  });

  it('collects authors and attributions, reading only new entries', () => {
    const state = stateOf(timeline());
    const index = new TimelineIndex(state);
    expect([...index.facets.actors].sort()).toEqual(['dana', 'sam']);
    expect([...index.facets.attributions]).toEqual(['technical-lead']);
    state.timeline.push(entry('e', { actor: 'lena', attribution: 'Maria' }));
    index.sync();
    expect(index.facets.actors.has('lena')).toBe(true);
    expect(index.facets.attributions.has('Maria')).toBe(true);
    expect(index.facets.authors.get('sam')).toBe(2);
    expect(index.facets.authors.has('Command Post')).toBe(false);
  });
});
