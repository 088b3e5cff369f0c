import fc from 'fast-check';
import { formatStamp } from './hlc';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from './events';
import { ENTRY_KINDS, SEVERITIES } from './incident';
import { applyEvent, replay } from './reducer';

const T0 = Date.UTC(2026, 10, 22, 2, 14);

function declared(seq = 1): IncidentEvent {
  return {
    id: 'e-declare',
    incidentId: 'INC-1',
    seq,
    hlc: formatStamp({ wall: T0, counter: 0, node: 'test' }),
    at: T0,
    actor: 'ic',
    type: 'incident.declared',
    payload: { title: 'Login failures', severity: 'SEV2', detectionSource: 'alert', summary: '', impactStartedAt: T0 - 600_000, detectedAt: null },
  };
}

function logged(seq: number, text: string, kind: (typeof ENTRY_KINDS)[number] = 'note', occurredAt = T0 + seq): IncidentEvent {
  return {
    id: `e${seq}`,
    incidentId: 'INC-1',
    seq,
    hlc: formatStamp({ wall: T0 + seq * 1000, counter: 0, node: 'test' }),
    at: T0 + seq * 1000,
    actor: 'scribe',
    type: 'timeline.logged',
    payload: { entryId: `entry-${seq}`, text, kind, occurredAt, attribution: null, workstreamId: null },
  };
}

describe('reducer', () => {
  it('a declaration opens an investigating incident with its clocks and a system entry', () => {
    const state = applyEvent(null, declared())!;
    expect(state).toMatchObject({ id: 'INC-1', status: 'investigating', severity: 'SEV2', lastSeq: 1 });
    expect(state.timestamps).toMatchObject({ declaredAt: T0, detectedAt: T0, impactStartedAt: T0 - 600_000, acknowledgedAt: null });
    expect(state.timeline).toEqual([expect.objectContaining({ kind: 'system', eventId: 'e-declare' })]);
  });

  it('a logged entry keeps when it happened apart from when it was written', () => {
    const state = replay([declared(), logged(2, 'backfilled', 'finding', T0 - 5_000)])!;
    expect(state.timeline[1]).toEqual({
      id: 'entry-2',
      at: T0 - 5_000,
      loggedAt: T0 + 2_000,
      text: 'backfilled',
      kind: 'finding',
      actor: 'scribe',
      attribution: null,
      workstreamId: null,
      pinned: false,
      struck: null,
      revisions: [],
      systemType: null,
      eventId: 'e2',
    });
  });

  it('ignores what does not fit: notes before a declaration, a note already there, a second declaration', () => {
    expect(applyEvent(null, logged(2, 'orphan'))).toBeNull();
    const state = replay([declared(), logged(2, 'a')])!;
    const copy = structuredClone(state);
    applyEvent(state, { ...logged(4, 'other incident'), incidentId: 'INC-2' });
    expect(state).toEqual(copy);
    // A second copy of an entry, or a second opening, changes nothing but is counted: the count
    // is the journal's length, whatever the events did.
    applyEvent(state, { ...logged(2, 'a again'), id: 'e2-copy' });
    applyEvent(state, declared(3));
    expect(state).toEqual({ ...copy, lastSeq: 4, lastStamp: declared(3).hlc, updatedAt: declared(3).at });
  });

  it('keeps its invariants over any sequence of events', () => {
    const entry = fc.record({
      text: fc.string({ minLength: 1, maxLength: 40 }),
      kind: fc.constantFrom(...ENTRY_KINDS.filter((k) => k !== 'system')),
      backdate: fc.integer({ min: -86_400_000, max: 0 }),
      replayOld: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...SEVERITIES), fc.array(entry, { maxLength: 60 }), (severity, entries) => {
        const events: IncidentEvent[] = [{ ...declared(), payload: { ...declared().payload, severity } } as IncidentEvent];
        let seq = 1;
        for (const e of entries) {
          seq += 1;
          if (e.replayOld && seq > 2) events.push({ ...logged(seq - 1, 'stale copy'), id: `stale-${seq}` });
          events.push(logged(seq, e.text, e.kind, T0 + e.backdate));
        }
        const state = replay(events)!;
        // One entry per distinct note, plus the declaration; ids unique; every event counted.
        expect(state.timeline).toHaveLength(entries.length + 1);
        expect(new Set(state.timeline.map((t) => t.id)).size).toBe(state.timeline.length);
        expect(state.lastSeq).toBe(events.length);
        expect(state.severity).toBe(severity);
        expect(state.timeline.filter((t) => t.text === 'stale copy')).toHaveLength(0);
        // Replaying in two halves (snapshot, then tail) equals replaying at once.
        const cut = Math.floor(events.length / 2);
        const head = structuredClone(replay(events.slice(0, cut)));
        expect(replay(events.slice(cut), head)).toEqual(state);
      }),
    );
  });
});
