import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf } from '../time/zone';
import { outsideHoursMs, type WorkingHours, workingHoursProblems, workingSpans } from './working-hours';

const H = 3_600_000;
const BERLIN = 'Europe/Berlin';
const LA = 'America/Los_Angeles';
const OFFICE: WorkingHours = { timeZone: BERLIN, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const at = (zone: string, year: number, month: number, day: number, hour: number, minute = 0) => instantOf({ year, month, day, hour, minute, second: 0 }, zone);

describe('time outside working hours', () => {
  it('counts before and after the working day', () => {
    // Monday 23 Nov 2026, 08:00–18:00 in Berlin.
    expect(outsideHoursMs({ from: at(BERLIN, 2026, 11, 23, 8), to: at(BERLIN, 2026, 11, 23, 18) }, OFFICE)).toBe(2 * H);
  });

  it('counts across midnight: Tuesday 16:00 to Wednesday 10:00 is 2 h at work and 16 h outside', () => {
    const span = { from: at(BERLIN, 2026, 11, 24, 16), to: at(BERLIN, 2026, 11, 25, 10) };
    expect(outsideHoursMs(span, OFFICE)).toBe(16 * H);
    expect(workingSpans(span, OFFICE)).toEqual([
      { from: at(BERLIN, 2026, 11, 24, 16), to: at(BERLIN, 2026, 11, 24, 17) },
      { from: at(BERLIN, 2026, 11, 25, 9), to: at(BERLIN, 2026, 11, 25, 10) },
    ]);
  });

  it('counts a weekend with the spring clock change in Berlin as the 34 real hours outside it was', () => {
    // Saturday 28 Mar 22:00 CET to Monday 30 Mar 10:00 CEST is 35 real hours, not 36.
    const span = { from: at(BERLIN, 2026, 3, 28, 22), to: at(BERLIN, 2026, 3, 30, 10) };
    expect(span.to - span.from).toBe(35 * H);
    expect(outsideHoursMs(span, OFFICE)).toBe(34 * H);
  });

  it('gives a short working night on the spring change day: 00:00–06:00 is 5 real hours', () => {
    const nights: WorkingHours = { timeZone: BERLIN, days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '06:00' };
    // Sunday 29 Mar 2026 in Berlin is 23 hours long.
    const sunday = { from: at(BERLIN, 2026, 3, 29, 0), to: at(BERLIN, 2026, 3, 30, 0) };
    expect(sunday.to - sunday.from).toBe(23 * H);
    expect(outsideHoursMs(sunday, nights)).toBe(18 * H);
  });

  it('follows a night shift past midnight and through the autumn clock change', () => {
    // Saturday 22:00 to Sunday 06:00 across 25 Oct 2026 in Berlin: 9 real hours of shift.
    const saturdayNights: WorkingHours = { timeZone: BERLIN, days: [6], start: '22:00', end: '06:00' };
    const span = { from: at(BERLIN, 2026, 10, 24, 20), to: at(BERLIN, 2026, 10, 25, 8) };
    expect(span.to - span.from).toBe(13 * H);
    expect(outsideHoursMs(span, saturdayNights)).toBe(4 * H);
    // Sunday is not a listed day, but Saturday's shift reaches into it.
    expect(outsideHoursMs({ from: at(BERLIN, 2026, 10, 25, 1), to: at(BERLIN, 2026, 10, 25, 4) }, saturdayNights)).toBe(0);
    // Sunday night is not a shift.
    expect(outsideHoursMs({ from: at(BERLIN, 2026, 10, 25, 23), to: at(BERLIN, 2026, 10, 26, 1) }, saturdayNights)).toBe(2 * H);
  });

  it('reads hours in the person’s own zone: one stint, Los Angeles and Berlin, across the US spring change', () => {
    const pacific: WorkingHours = { ...OFFICE, timeZone: LA };
    // Friday 6 Mar 16:00 PST to Monday 9 Mar 10:00 PDT (US clocks go forward on the 8th): 65 real hours.
    const span = { from: at(LA, 2026, 3, 6, 16), to: at(LA, 2026, 3, 9, 10) };
    expect(span).toEqual({ from: Date.UTC(2026, 2, 7, 0), to: Date.UTC(2026, 2, 9, 17) });
    expect(outsideHoursMs(span, pacific)).toBe(63 * H);
    // The same instants in Berlin: the stint starts at 01:00 Saturday and ends at 18:00 Monday.
    expect(outsideHoursMs(span, OFFICE)).toBe(57 * H);
  });

  it('takes equal start and end as the whole day, and no days as never at work', () => {
    const span = { from: at(BERLIN, 2026, 11, 27, 12), to: at(BERLIN, 2026, 11, 29, 12) };
    expect(outsideHoursMs(span, { ...OFFICE, start: '00:00', end: '00:00' })).toBe(36 * H);
    expect(outsideHoursMs(span, { ...OFFICE, days: [] })).toBe(48 * H);
    expect(outsideHoursMs({ from: span.to, to: span.from }, OFFICE)).toBe(0);
  });

  it('refuses hours it cannot read, and says why', () => {
    const bad: WorkingHours = { timeZone: 'Mars/Olympus', days: [0, 8], start: '9:00', end: '24:00' };
    expect(workingHoursProblems(bad)).toEqual(['"Mars/Olympus" is not a time zone', 'days are 1 (Monday) to 7 (Sunday)', 'start "9:00" is not HH:MM', 'end "24:00" is not HH:MM']);
    expect(workingHoursProblems(OFFICE)).toEqual([]);
    expect(() => outsideHoursMs({ from: 0, to: H }, bad)).toThrow(RangeError);
  });

  it('adds up: time outside over a span is the sum over any split of it, and never more than the span', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const hours = fc.record({
      timeZone: fc.constantFrom(BERLIN, LA, 'UTC', 'Asia/Kolkata'),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
      start: hhmm,
      end: hhmm,
    });
    const base = Date.UTC(2026, 2, 1);
    const instant = fc.integer({ min: 0, max: 240 * H }).map((ms) => base + ms);
    fc.assert(
      fc.property(hours, instant, instant, instant, (h, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        const whole = outsideHoursMs({ from: x, to: z }, h);
        expect(whole).toBe(outsideHoursMs({ from: x, to: y }, h) + outsideHoursMs({ from: y, to: z }, h));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(z - x);
      }),
    );
  });
});
