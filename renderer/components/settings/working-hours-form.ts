import type { WorkingHours } from '../../../shared/metrics/working-hours';

// A person's working hours as the roster editor shows them: days as Mon–Sun toggles, times as
// typed text. The engine checks them with `workingHoursProblems` and its words go beside the fields.

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS: ReadonlyArray<{ day: number; short: string; long: string }> = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
];

/** What "set working hours" starts from: Monday to Friday, nine to five, in the given zone. */
export function defaultWorkingHours(timeZone: string): WorkingHours {
  return { timeZone, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
}

/** Turns one day on or off, keeping the days in week order. */
export function toggleDay(days: readonly number[], day: number, on: boolean): number[] {
  const set = new Set(days.filter((d) => d !== day));
  if (on) set.add(day);
  return [...set].sort((a, b) => a - b);
}

/** `[1,2,3,4,5,7]` → `Mon–Fri, Sun`: runs of three or more days as a range. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return 'no days';
  if (sorted.length === 7) return 'every day';
  const short = (d: number) => WEEKDAYS[d - 1]!.short;
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${short(sorted[i]!)}–${short(sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(short(sorted[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

/** `Mon–Fri 09:00–17:00, Europe/Berlin`; a night shift says so; "not set" when there are none. */
export function describeWorkingHours(hours: WorkingHours | undefined | null): string {
  if (!hours) return 'working hours not set';
  const night = hours.end < hours.start ? ' (overnight)' : '';
  const span = hours.start === hours.end ? 'all day' : `${hours.start}–${hours.end}${night}`;
  return `${describeDays(hours.days)} ${span}, ${hours.timeZone}`;
}

/** The zones this runtime knows, for the time zone field's suggestions; empty when it cannot say. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
