import type { Millis } from '../domain/incident';
import { instantOf, isTimeZone, type TimeZone, wallTime } from '../time/zone';
import { clip, mergeIntervals, type Span, spanLength } from './spans';

// A person's working hours, as the roster will hold them, and how much of a stretch of time
// fell outside them. Wall times are read in the person's own zone with `time/zone`, so a
// daylight-saving change makes a shift an hour longer or shorter, as it does for them.
//
// Assumptions:
// - `days` names the day a shift starts on. A night shift (`end` before `start`) runs into the
//   next morning: Friday 22:00–06:00 covers Saturday 00:00–06:00 even when Saturday is not listed.
// - `start` equal to `end` means the whole day, midnight to midnight.
// - A wall time that does not exist (clocks going forward) moves forward by the gap; one that
//   happens twice (clocks going back) is the first of the two, as `instantOf` decides.
// - Someone with no working hours set has no "outside hours": callers say the hours only and
//   never guess a nine-to-five for them.

export interface WorkingHours {
  /** IANA zone: `Europe/Berlin`. */
  timeZone: TimeZone;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** `HH:MM`, 24-hour. */
  start: string;
  /** `HH:MM`; before `start` for a shift that runs past midnight. */
  end: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): { hour: number; minute: number } | null {
  const match = HH_MM.exec(hhmm);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** What is wrong with a set of working hours, in words for the settings screen; empty when fine. */
export function workingHoursProblems(hours: WorkingHours): string[] {
  const problems: string[] = [];
  if (!isTimeZone(hours.timeZone)) problems.push(`"${hours.timeZone}" is not a time zone`);
  if (hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push('days are 1 (Monday) to 7 (Sunday)');
  if (!minutesOf(hours.start)) problems.push(`start "${hours.start}" is not HH:MM`);
  if (!minutesOf(hours.end)) problems.push(`end "${hours.end}" is not HH:MM`);
  return problems;
}

const DAY = 86_400_000;

/** The working time inside `span`, as disjoint spans. */
export function workingSpans(span: Span, hours: WorkingHours): Span[] {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const problems = workingHoursProblems(hours);
  if (problems.length > 0 || !start || !end) throw new RangeError(`Working hours: ${problems.join('; ')}`);
  if (!(span.to > span.from)) return [];
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const zone = hours.timeZone;
  const days = new Set(hours.days);
  // Start a day early: yesterday's night shift may reach into the span.
  const first = wallTime(span.from - DAY, zone);
  const shifts: Span[] = [];
  for (let k = 0; ; k++) {
    const day = first.day + k;
    const at = (d: number, t: { hour: number; minute: number }) => instantOf({ year: first.year, month: first.month, day: d, hour: t.hour, minute: t.minute, second: 0 }, zone);
    if (at(day, { hour: 0, minute: 0 }) >= span.to) break;
    const isoWeekday = ((new Date(Date.UTC(first.year, first.month - 1, day)).getUTCDay() + 6) % 7) + 1;
    if (!days.has(isoWeekday)) continue;
    const shift = clip({ from: at(day, start), to: at(overnight ? day + 1 : day, end) }, span);
    if (shift) shifts.push(shift);
  }
  return mergeIntervals(shifts);
}

/** Exactly how much of `span` fell outside the working hours, across midnights and clock changes. */
export function outsideHoursMs(span: { from: Millis; to: Millis }, hours: WorkingHours): number {
  if (!(span.to > span.from)) return 0;
  return span.to - span.from - spanLength(workingSpans(span, hours));
}
