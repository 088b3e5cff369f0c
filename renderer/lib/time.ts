// Every time on screen is in the operator's zone (renderer/lib/zone); UTC goes in the tooltip.
// Clocks are display only.

import { formatClockIn, zoneAbbreviation } from '../../shared/time/format';
import { dayKey, type TimeZone } from '../../shared/time/zone';
import { currentZone } from './zone';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatClock(ms: number, zone: TimeZone = currentZone()): string {
  return formatClockIn(ms, zone);
}

/** `03:28 CET`: a wall-clock time that says which zone it is in. */
export function formatZonedClock(ms: number, zone: TimeZone = currentZone()): string {
  return `${formatClockIn(ms, zone, false)} ${zoneAbbreviation(ms, zone)}`;
}

export function localDayKey(ms: number, zone: TimeZone = currentZone()): string {
  return dayKey(ms, zone);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(zone: TimeZone, options: Intl.DateTimeFormatOptions, name: string): Intl.DateTimeFormat {
  const key = `${name}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

export function formatDay(ms: number, zone: TimeZone = currentZone()): string {
  return dateFormat(zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, 'day').format(ms);
}

/** `Sat 21 Nov`: a day near now, without the year. */
export function formatShortDay(ms: number, zone: TimeZone = currentZone()): string {
  return dateFormat(zone, { weekday: 'short', day: 'numeric', month: 'short' }, 'short-day').format(ms);
}

/** `21:04:05` today, `22 Nov 21:04:05` on any other day. */
export function formatMoment(ms: number, now: number, zone: TimeZone = currentZone()): string {
  const sameDay = dayKey(ms, zone) === dayKey(now, zone);
  return sameDay ? formatClockIn(ms, zone) : `${dateFormat(zone, { day: 'numeric', month: 'short' }, 'moment').format(ms)} ${formatClockIn(ms, zone)}`;
}

export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** `00:04:09`, `27:13:02` never; past a day `1d 03:13:02`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const clock = `${pad(hours)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** Compact for lists: `4m`, `2h 05m`, `3d 4h`. */
export function formatElapsedShort(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
