import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../domain/incident';
import { instantOf } from '../time/zone';
import { at, berlin, BERLIN, nightOfTheRollback } from '../../tests/support/role-incidents';
import type { PersonStint } from './responder-stints';
import { formatHours, hoursByWeek, incidentsWorked, longStretches, recoveryNotes, timeOnIncidents } from './responder-toll';
import { spanLength } from './spans';
import type { WorkingHours } from './working-hours';

const M = 60_000;
const H = 60 * M;
const LA = 'America/Los_Angeles';

const OFFICE_BERLIN: WorkingHours = { timeZone: BERLIN, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const OFFICE_LA: WorkingHours = { timeZone: LA, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

function stint(incidentId: string, from: number, to: number | null, handedOff = false): PersonStint {
  return { incidentId, name: 'Dana', role: 'responder', from, to, handedOff };
}

describe('hours on incidents per week', () => {
  it('splits at Monday midnight on the person’s own clock', () => {
    // Sunday 29 Nov 22:00 to Monday 30 Nov 02:00 in Berlin; in Los Angeles it is all Sunday afternoon.
    const stints = [stint('a', berlin(11, 29, 22), berlin(11, 30, 2))];
    expect(hoursByWeek(stints, BERLIN, 0)).toEqual([
      { week: '2026-W48', ms: 2 * H },
      { week: '2026-W49', ms: 2 * H },
    ]);
    expect(hoursByWeek(stints, LA, 0)).toEqual([{ week: '2026-W48', ms: 4 * H }]);
  });

  it('counts overlapping stints once, a short Sunday in spring as 23 hours, and the 53rd week of 2026', () => {
    const stints = [stint('a', berlin(3, 29, 0), berlin(3, 30, 1)), stint('b', berlin(3, 29, 6), berlin(3, 29, 9))];
    expect(hoursByWeek(stints, BERLIN, 0)).toEqual([
      { week: '2026-W13', ms: 23 * H },
      { week: '2026-W14', ms: 1 * H },
    ]);
    expect(hoursByWeek([stint('c', instantOf({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0 }, BERLIN), null)], BERLIN, instantOf({ year: 2027, month: 1, day: 1, hour: 1, minute: 30, second: 0 }, BERLIN))).toEqual([
      { week: '2026-W53', ms: H },
    ]);
  });

  it('loses no time and counts none twice, whatever the stints and zone', () => {
    const base = Date.UTC(2026, 9, 20);
    const stintArb = fc.record({ from: fc.integer({ min: 0, max: 20 * 24 * H }), length: fc.integer({ min: 0, max: 30 * H }), open: fc.boolean() });
    fc.assert(
      fc.property(fc.array(stintArb, { maxLength: 8 }), fc.constantFrom(BERLIN, LA, 'UTC', 'Australia/Lord_Howe'), (raw, zone) => {
        const now = base + 22 * 24 * H;
        const stints = raw.map((s, k) => stint(`i${k}`, base + s.from, s.open ? null : base + s.from + s.length));
        const weeks = hoursByWeek(stints, zone, now);
        expect(weeks.reduce((sum, w) => sum + w.ms, 0)).toBe(spanLength(timeOnIncidents(stints, now)));
        expect(new Set(weeks.map((w) => w.week)).size).toBe(weeks.length);
      }),
    );
  });
});

describe('incidents worked', () => {
  it('lists each incident once, in the order the person joined', () => {
    expect(incidentsWorked([stint('b', at(12), at(13)), stint('a', at(10), at(11)), stint('b', at(9), at(10))])).toEqual(['b', 'a']);
    expect(incidentsWorked([])).toEqual([]);
  });
});

describe('long stretches without a handoff', () => {
  it('joins overlapping stints on two incidents into one stretch', () => {
    expect(longStretches([stint('a', at(10), at(13)), stint('b', at(12), at(15, 30))], at(23))).toEqual([
      { from: at(10), to: at(15, 30), ms: 5.5 * H, incidents: ['a', 'b'], ended: 'stepped-off' },
    ]);
  });

  it('ends a stretch at a handoff even when the person takes another part at once', () => {
    const handedOff = [stint('a', at(10), at(14), true), stint('a', at(14), at(16))];
    expect(longStretches(handedOff, at(23))).toEqual([{ from: at(10), to: at(14), ms: 4 * H, incidents: ['a'], ended: 'handoff' }]);
    const released = [stint('a', at(10), at(14)), stint('a', at(14), at(16))];
    expect(longStretches(released, at(23))).toEqual([{ from: at(10), to: at(16), ms: 6 * H, incidents: ['a'], ended: 'stepped-off' }]);
  });

  it('treats any gap as a break, keeps a stint still on running to now, and respects the threshold', () => {
    expect(longStretches([stint('a', at(10), at(12)), stint('a', at(12, 1), at(15))], at(23))).toEqual([]);
    expect(longStretches([stint('a', at(10), null)], at(15))).toEqual([{ from: at(10), to: at(15), ms: 5 * H, incidents: ['a'], ended: 'still-on' }]);
    expect(longStretches([stint('a', at(10), at(12))], at(23), 2)).toHaveLength(1);
    expect(longStretches([stint('a', at(10), at(12))], at(23), 2.5)).toHaveLength(0);
  });
});

describe('recovery notes after a SEV1 or SEV2 closes', () => {
  const hours = { dana: OFFICE_BERLIN, Lee: OFFICE_LA };

  it('gives one line per person in the order they joined, with time outside working hours where hours are set', () => {
    // Dana 15:00–20:20 Berlin, her own 18:00–19:00 as responder inside it: 5 h 20, of which 17:00–20:20 outside.
    // Lee 20:20–21:00 Berlin is 11:20–12:00 in Los Angeles. Sam has no hours set.
    expect(recoveryNotes(nightOfTheRollback(), hours, at(23))).toEqual([
      'Dana: 5 h 20 on incident, 3 h 20 outside working hours — plan recovery',
      'Sam: 30 min on incident',
      'Lee: 40 min on incident, all within working hours',
    ]);
  });

  it('suggests recovery after a long incident even within working hours', () => {
    const longDay = { Dana: { ...OFFICE_BERLIN, start: '08:00', end: '22:00' } };
    expect(recoveryNotes(nightOfTheRollback('SEV2'), longDay, at(23))[0]).toBe('Dana: 5 h 20 on incident, all within working hours — plan recovery');
  });

  it('writes nothing for a SEV3, an incident not yet closed, or a drill', () => {
    expect(recoveryNotes(nightOfTheRollback('SEV3'), hours, at(23))).toEqual([]);
    expect(recoveryNotes(nightOfTheRollback('SEV1', false), hours, at(23))).toEqual([]);
    expect(recoveryNotes({ ...nightOfTheRollback(), drill: {} as IncidentState['drill'] }, hours, at(23))).toEqual([]);
  });

  it('writes durations to the minute', () => {
    expect([5 * H + 20 * M, 3 * H, 40 * M, 5 * H + 5 * M, 20_000, 0].map(formatHours)).toEqual(['5 h 20', '3 h', '40 min', '5 h 05', '0 min', '0 min']);
  });
});
