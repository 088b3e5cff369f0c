import { describe, expect, it } from 'vitest';
import { describeZone, formatAgo, formatClockIn, formatIso, formatIsoMinute, zoneAbbreviation } from './format';
import { dayKey, instantOf, offsetMinutes, shiftDays, wallTime, zoneOf } from './zone';

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';

describe('time zones', () => {
  it('reads a wall clock in a named zone, whatever the machine is set to', () => {
    const winter = Date.UTC(2026, 10, 22, 2, 28, 5);
    expect(wallTime(winter, PARIS)).toMatchObject({ year: 2026, month: 11, day: 22, hour: 3, minute: 28, second: 5, weekday: 0, offsetMinutes: 60 });
    expect(offsetMinutes(Date.UTC(2026, 6, 1), PARIS)).toBe(120);
    expect(offsetMinutes(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(Date.UTC(2026, 0, 1), NEW_YORK)).toBe(-300);
  });

  it('finds the instant a wall time names, across daylight-saving changes', () => {
    expect(instantOf({ year: 2026, month: 11, day: 22, hour: 3, minute: 28, second: 0 }, PARIS)).toBe(Date.UTC(2026, 10, 22, 2, 28));
    // 02:30 happens twice on 25 Oct 2026 in Paris: the first one.
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, PARIS)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    // 02:30 never happens on 29 Mar 2026: moved forward by the gap, to 03:30.
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, PARIS)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // A day earlier keeps the wall time, not the 24 hours, across a change.
    const after = Date.UTC(2026, 2, 29, 10, 0); // 12:00 CEST
    expect(formatClockIn(shiftDays(after, -1, PARIS), PARIS)).toBe('12:00:00');
    expect(dayKey(shiftDays(after, -1, PARIS), PARIS)).toBe('2026-03-28');
  });

  it('writes ISO-8601 with the offset, and names the zone', () => {
    const at = Date.UTC(2026, 10, 22, 2, 28, 5, 120);
    expect(formatIso(at, PARIS)).toBe('2026-11-22T03:28:05.120+01:00');
    expect(formatIso(at, 'UTC')).toBe('2026-11-22T02:28:05.120+00:00');
    expect(formatIso(at, NEW_YORK)).toBe('2026-11-21T21:28:05.120-05:00');
    expect(formatIsoMinute(at, 'Asia/Kolkata')).toBe('2026-11-22T07:58+05:30');
    expect(zoneAbbreviation(at, PARIS)).toBe('CET');
    expect(zoneAbbreviation(Date.UTC(2026, 6, 1), PARIS)).toBe('CEST');
    expect(zoneAbbreviation(at, NEW_YORK)).toBe('EST');
    expect(zoneAbbreviation(at, 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(describeZone(at, PARIS)).toBe('Europe/Paris (CET, UTC+01:00)');
    expect(describeZone(at, 'UTC')).toBe('UTC (UTC+00:00)');
  });

  it("takes the operator's zone from settings when it is a real one", () => {
    expect(zoneOf({ operatorTimeZone: PARIS })).toBe(PARIS);
    const machine = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(zoneOf({ operatorTimeZone: 'Mars/Olympus' })).toBe(machine);
    expect(zoneOf({})).toBe(machine);
  });

  it('says how long ago, roughly', () => {
    expect(formatAgo(23 * 3_600_000 + 22 * 60_000)).toBe('23 h ago');
    expect(formatAgo(80 * 60_000)).toBe('1 h 20 min ago');
    expect(formatAgo(20 * 60_000)).toBe('20 min ago');
    expect(formatAgo(10_000)).toBe('just now');
  });
});
