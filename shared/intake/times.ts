import { LATEST_TIME } from '../domain/clocks';

/**
 * Times as senders write them. Alertmanager and Grafana marshal Go's `time.Time`: RFC 3339 with
 * up to nine fraction digits and `Z` or `±hh:mm` (`2018-08-03T09:52:26.739266876+02:00`), and
 * the zero time `0001-01-01T00:00:00Z` where there is none. PagerDuty asks for ISO 8601 and its
 * own example writes the offset without a colon (`2015-07-17T08:42:58.315+0000`).
 */
export type TimeReading = { ok: true; ms: number | null } | { ok: false; reason: string };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,15}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const ISO8601 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,15}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Go's zero time: the year 1, whatever offset it was printed in. */
const ZERO_YEAR = 1;
const EARLIEST_YEAR = 1970;

export function readRfc3339(text: string): TimeReading {
  const m = RFC3339.exec(text);
  if (!m) return { ok: false, reason: 'not an RFC 3339 time' };
  return fromParts(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7], m[8], m[9], m[10], m[11] ?? '00', 'not an RFC 3339 time');
}

/** ISO 8601 extended format with a zone; a time without one could be any of 26 instants. */
export function readIso8601(text: string): TimeReading {
  const m = ISO8601.exec(text);
  if (!m) return { ok: false, reason: 'not an ISO 8601 time with a zone' };
  return fromParts(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '00', m[7], m[8], m[9], m[10], m[11] ?? '00', 'not an ISO 8601 time with a zone');
}

function fromParts(
  y: string,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string,
  fraction: string | undefined,
  zulu: string | undefined,
  sign: string | undefined,
  offsetH: string | undefined,
  offsetM: string,
  invalid: string,
): TimeReading {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, reason: invalid };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: invalid };
  let offset = 0;
  if (!zulu) {
    const oh = Number(offsetH);
    const om = Number(offsetM);
    if (oh > 23 || om > 59) return { ok: false, reason: invalid };
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (year === ZERO_YEAR) return { ok: true, ms: null };
  if (year < EARLIEST_YEAR) return { ok: false, reason: 'is before 1970' };
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  if (ms < 0) return { ok: false, reason: 'is before 1970' };
  if (ms > LATEST_TIME) return { ok: false, reason: 'is too far in the future' };
  return { ok: true, ms };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
