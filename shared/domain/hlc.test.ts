import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamped, formatStamp, HybridClock, LegacyStamper, nodeOf, parseStamp, wallOf } from './hlc';

describe('hybrid logical clock stamps', () => {
  it('writes stamps whose string order is their order', () => {
    fc.assert(
      fc.property(
        fc.record({ wall: fc.integer({ min: 0, max: 9_999_999_999_999 }), counter: fc.integer({ min: 0, max: 99_999 }), node: fc.constantFrom('a', 'b-1', 'ic-laptop-7f3a') }),
        fc.record({ wall: fc.integer({ min: 0, max: 9_999_999_999_999 }), counter: fc.integer({ min: 0, max: 99_999 }), node: fc.constantFrom('a', 'b-1', 'ic-laptop-7f3a') }),
        (x, y) => {
          const byFields = x.wall - y.wall || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
          const byString = formatStamp(x) < formatStamp(y) ? -1 : formatStamp(x) > formatStamp(y) ? 1 : 0;
          expect(Math.sign(byString)).toBe(Math.sign(byFields));
          expect(parseStamp(formatStamp(x))).toEqual(x);
          expect(nodeOf(formatStamp(x))).toBe(x.node);
          expect(wallOf(formatStamp(x))).toBe(x.wall);
        },
      ),
    );
  });

  it('never goes back, even when the wall clock does, and orders after whatever it received', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ send: fc.integer({ min: 0, max: 5_000 }) }), fc.record({ receive: fc.integer({ min: 0, max: 5_000 }), counter: fc.integer({ min: 0, max: 3 }) })), { maxLength: 60 }),
        (ops) => {
          let wall = 1_000;
          const clock = new HybridClock('here', () => wall);
          let last = '';
          for (const op of ops) {
            if ('send' in op) {
              wall = op.send;
              const stamp = clock.send();
              expect(stamp > last).toBe(true);
              last = stamp;
            } else {
              const seen = formatStamp({ wall: op.receive, counter: op.counter, node: 'there' });
              clock.receive(seen);
              const next = clock.send();
              expect(compareStamped({ hlc: next, id: '' }, { hlc: seen, id: '' })).toBeGreaterThan(0);
              expect(next > last).toBe(true);
              last = next;
            }
          }
        },
      ),
    );
  });

  it('borrows the next millisecond when a millisecond holds 100 000 events', () => {
    const clock = new HybridClock('busy', () => 5);
    let last = '';
    for (let i = 0; i < 100_001; i++) last = clock.send();
    expect(parseStamp(last)).toEqual({ wall: 6, counter: 0, node: 'busy' });
  });

  it('derives the same increasing stamps for an old journal on every console', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 50 }), (ats) => {
        const a = new LegacyStamper();
        const b = new LegacyStamper();
        const first = ats.map((at) => a.next(at));
        expect(ats.map((at) => b.next(at))).toEqual(first);
        for (let i = 1; i < first.length; i++) expect(first[i]! > first[i - 1]!).toBe(true);
      }),
    );
  });

  it('refuses a console id that could break the order', () => {
    expect(() => new HybridClock('Has Spaces', Date.now)).toThrow();
    expect(() => new HybridClock('-x', Date.now)).toThrow();
    expect(parseStamp('123-00000-a')).toBeNull();
  });
});
