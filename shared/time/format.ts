import { pad, type TimeZone, wallTime } from './zone';

// How times are written, always in a named zone: the screen, the drafts and every export take
// the zone as a parameter instead of trusting whatever zone the machine happens to be in.

const MINUTE = 60_000;

/** `+01:00`, `-04:00`, `+05:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO-8601 with the zone's offset: `2026-11-22T03:28:05.120+01:00`. */
export function formatIso(ms: number, zone: TimeZone): string {
  const w = wallTime(ms, zone);
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${millis}${formatOffset(w.offsetMinutes)}`;
}

/** ISO-8601 to the minute, for people: `2026-11-22T03:28+01:00`. */
export function formatIsoMinute(ms: number, zone: TimeZone): string {
  const w = wallTime(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}${formatOffset(w.offsetMinutes)}`;
}

/** `03:28:05`, or `03:28` without seconds. */
export function formatClockIn(ms: number, zone: TimeZone, seconds = true): string {
  const w = wallTime(ms, zone);
  return seconds ? `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` : `${pad(w.hour)}:${pad(w.minute)}`;
}

/** `2026-11-22`: the calendar day in the zone. */
export function formatDate(ms: number, zone: TimeZone): string {
  const w = wallTime(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

function shortName(ms: number, zone: TimeZone, locale: string): string {
  const key = `${locale}|${zone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormats.set(key, format);
  }
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const OFFSET_ONLY = /^(GMT|UTC)[+-]/;

/**
 * What a person calls the zone at that moment: `CET`, `CEST`, `EST`, `GMT`, `UTC`; where the zone
 * has no common abbreviation, its offset: `UTC+05:30`.
 */
export function zoneAbbreviation(ms: number, zone: TimeZone): string {
  for (const locale of ['en-GB', 'en-US']) {
    const name = shortName(ms, zone, locale);
    if (name && !OFFSET_ONLY.test(name)) return name;
  }
  return `UTC${formatOffset(wallTime(ms, zone).offsetMinutes)}`;
}

/** `Europe/Paris (CET, UTC+01:00)`: for the line at the top of an export that says which zone. */
export function describeZone(ms: number, zone: TimeZone): string {
  const offset = `UTC${formatOffset(wallTime(ms, zone).offsetMinutes)}`;
  const name = zoneAbbreviation(ms, zone);
  return name === offset || name === zone ? `${zone} (${offset})` : `${zone} (${name}, ${offset})`;
}

/** `23 h ago`, `1 h 20 min ago`, `5 min ago`, `just now`: how far back a time is, roughly. */
export function formatAgo(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 2 && minutes % 60 !== 0) return `${hours} h ${minutes % 60} min ago`;
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** `Sat 21 Nov`: a day near now, in the zone. */
export function formatShortDate(ms: number, zone: TimeZone): string {
  const key = `en-GB-short-date|${zone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    nameFormats.set(key, format);
  }
  return format.format(ms).replace(',', '');
}
