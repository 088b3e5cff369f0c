// Wall-clock arithmetic in a named IANA zone with nothing but Intl, so the engine and every
// window give the same answer whatever zone the machine itself is set to.

/** An IANA zone name: `Europe/Paris`, `America/New_York`, `UTC`. */
export type TimeZone = string;

const MINUTE = 60_000;
const DAY = 86_400_000;

export function machineTimeZone(): TimeZone {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone times are shown and exported in: the operator's, when settings name a real one,
 * else this machine's. Read structurally so settings without the field still work.
 */
export function zoneOf(settings: object | null | undefined): TimeZone {
  const zone = settings && 'operatorTimeZone' in settings ? settings.operatorTimeZone : undefined;
  return typeof zone === 'string' && zone !== '' && isTimeZone(zone) ? zone : machineTimeZone();
}

const partsFormats = new Map<TimeZone, Intl.DateTimeFormat>();

function partsFormat(zone: TimeZone): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

// Offsets change only at transitions, which fall on quarter hours: one Intl call per zone and
// quarter hour keeps a 100 000-row timeline fast.
const QUARTER = 15 * MINUTE;
const offsets = new Map<string, number>();

/** Minutes east of UTC in `zone` at the instant `ms` (Paris in winter: 60). */
let last = { zone: '', quarter: NaN, offset: 0 };

export function offsetMinutes(ms: number, zone: TimeZone): number {
  const quarter = Math.floor(ms / QUARTER);
  // Exports walk a timeline in time order: most calls fall in the quarter hour just asked about.
  if (quarter === last.quarter && zone === last.zone) return last.offset;
  const key = `${zone}|${quarter}`;
  const known = offsets.get(key);
  if (known !== undefined) {
    last = { zone, quarter, offset: known };
    return known;
  }
  const parts: Record<string, number> = {};
  for (const p of partsFormat(zone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE);
  if (offsets.size > 20_000) offsets.clear();
  offsets.set(key, offset);
  last = { zone, quarter, offset };
  return offset;
}

/** A calendar day and time of day, as a clock on the wall in some zone shows it. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface ZonedTime extends WallTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  offsetMinutes: number;
}

export function wallTime(ms: number, zone: TimeZone): ZonedTime {
  const offset = offsetMinutes(ms, zone);
  const d = new Date(ms + offset * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: offset,
  };
}

/**
 * The instant a wall-clock time in `zone` names. Out-of-range fields roll over (day 32 is the
 * 1st of next month). A time that happens twice (clocks going back) is the first of the two; a
 * time that never happens (clocks going forward) is moved forward by the gap.
 */
export function instantOf(w: WallTime, zone: TimeZone): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // No zone moves by more than a day: the offsets a day either side are the only candidates.
  const before = asUtc - offsetMinutes(asUtc - DAY, zone) * MINUTE;
  const after = asUtc - offsetMinutes(asUtc + DAY, zone) * MINUTE;
  const fits = [before, after].filter((ms) => ms + offsetMinutes(ms, zone) * MINUTE === asUtc);
  return fits.length > 0 ? Math.min(...fits) : before;
}

/** The same wall time `days` calendar days later (or earlier), in `zone`. */
export function shiftDays(ms: number, days: number, zone: TimeZone): number {
  const w = wallTime(ms, zone);
  return instantOf({ ...w, day: w.day + days }, zone);
}

/** `2026-11-22` in `zone`: for comparing calendar days. */
export function dayKey(ms: number, zone: TimeZone): string {
  const w = wallTime(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export const pad = (n: number) => String(n).padStart(2, '0');
