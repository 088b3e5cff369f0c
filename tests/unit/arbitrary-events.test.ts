// The generator the export and import properties rely on: in its strict mode it must make only
// events the import gate accepts, and all of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEventShape } from '../../shared/domain/event-schema';
import { EVENT_TYPES } from '../../shared/domain/events';
import { arbitraryEventSequence } from '../support/arbitrary-events';

describe('arbitraryEventSequence', () => {
  it('makes journals the import gate accepts: an opening first, seq 1, 2, 3…, every event well-formed', () => {
    fc.assert(
      fc.property(arbitraryEventSequence('INC-fuzz', { strict: true }), (events) => {
        expect(['incident.declared', 'incident.detected']).toContain(events[0]!.type);
        events.forEach((event, i) => {
          expect(event.seq).toBe(i + 1);
          expect(event.incidentId).toBe('INC-fuzz');
          expect(checkEventShape(event), `${event.type} ${JSON.stringify(event.payload).slice(0, 200)}`).toBeNull();
        });
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      }),
      { numRuns: 150 },
    );
  });

  it('covers every event type', () => {
    const seen = new Set(fc.sample(arbitraryEventSequence('INC-fuzz'), { numRuns: 60, seed: 7 }).flat().map((e) => e.type));
    expect([...EVENT_TYPES].filter((t) => !seen.has(t))).toEqual([]);
  });
});
