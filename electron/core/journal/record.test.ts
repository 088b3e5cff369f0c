import fc from 'fast-check';
import { formatStamp } from '../../../shared/domain/hlc';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/domain/events';
import { decodeRecord, encodeRecord, peekSeq, checkRecord } from './record';

const event = (seq: number, text = 'db primary failing over'): IncidentEvent => ({
  id: `e${seq}`,
  incidentId: 'INC-1',
  seq,
  hlc: formatStamp({ wall: 1_795_000_000_000 + seq, counter: 0, node: 'test' }),
  at: 1_795_000_000_000 + seq,
  actor: 'alice',
  type: 'timeline.logged',
  payload: { entryId: `n${seq}`, text, kind: 'note', occurredAt: 1_795_000_000_000, attribution: null, workstreamId: null },
});

const line = (e: IncidentEvent) => Buffer.from(encodeRecord(e).trimEnd());

describe('journal record', () => {
  it('round-trips an event through one JSON line', () => {
    const text = encodeRecord(event(3));
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(text).event.seq).toBe(3);
    expect(decodeRecord(line(event(3)))).toEqual({ ok: true, event: event(3) });
  });

  it('round-trips any text, including newlines, quotes and unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 1e9 }), (text, seq) => {
        const decoded = decodeRecord(line(event(seq, text)));
        expect(decoded).toEqual({ ok: true, event: event(seq, text) });
        const checked = checkRecord(line(event(seq, text)));
        expect(checked.ok && peekSeq(checked.body)).toBe(seq);
      }),
    );
  });

  it('finds the envelope seq even when the payload has its own "seq" key', () => {
    const base = event(7) as Extract<IncidentEvent, { type: 'timeline.logged' }>;
    const e: IncidentEvent = { ...base, payload: { ...base.payload, text: '"seq":99' } };
    const checked = checkRecord(line(e));
    expect(checked.ok && peekSeq(checked.body)).toBe(7);
  });

  it('refuses a flipped byte, a cut line and foreign JSON', () => {
    const good = line(event(1));
    const flipped = Buffer.from(good);
    flipped[40] = flipped[40]! ^ 0x01;
    expect(decodeRecord(flipped)).toMatchObject({ ok: false, reason: 'checksum does not match' });
    expect(decodeRecord(good.subarray(0, good.length - 5)).ok).toBe(false);
    expect(decodeRecord(Buffer.from('{"hello":"world"}')).ok).toBe(false);
    expect(decodeRecord(Buffer.from('')).ok).toBe(false);
  });

  it('refuses any single-byte change to a record', () => {
    const good = line(event(12));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Buffer.from(good);
        bad[at] = bad[at]! ^ xor;
        const decoded = decodeRecord(bad);
        // The only tolerable outcome of a change is a refusal.
        expect(decoded.ok).toBe(false);
      }),
    );
  });
});
