import { describe, expect, it } from 'vitest';
import { readIso8601, readRfc3339 } from './times';

const ms = (text: string) => {
  const r = readRfc3339(text);
  return r.ok ? r.ms : r.reason;
};
const iso = (text: string) => {
  const r = readIso8601(text);
  return r.ok ? r.ms : r.reason;
};

describe('readRfc3339', () => {
  it('reads Go time.Time as Alertmanager and Grafana write it', () => {
    expect(ms('2023-02-06T13:08:45.828Z')).toBe(Date.UTC(2023, 1, 6, 13, 8, 45, 828));
    expect(ms('2018-08-03T09:52:26.739266876+02:00')).toBe(Date.UTC(2018, 7, 3, 7, 52, 26, 739));
    expect(ms('2021-10-12T09:51:03.157076+02:00')).toBe(Date.UTC(2021, 9, 12, 7, 51, 3, 157));
    expect(ms('2026-03-14T03:02:11Z')).toBe(Date.UTC(2026, 2, 14, 3, 2, 11));
    expect(ms('2026-03-14t03:02:11.5-05:30')).toBe(Date.UTC(2026, 2, 14, 8, 32, 11, 500));
    expect(ms('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('reads Go zero time, in any offset, as no time', () => {
    expect(ms('0001-01-01T00:00:00Z')).toBeNull();
    expect(ms('0001-01-01T00:00:00+01:00')).toBeNull();
  });

  it('refuses what is not RFC 3339', () => {
    for (const text of ['', 'yesterday', '2026-03-14', '2026-03-14 03:02:11Z', '2026-03-14T03:02:11', '2026-03-14T03:02:11+0000', '2026-3-14T03:02:11Z', '2026-03-14T03:02:11.Z', ' 2026-03-14T03:02:11Z']) {
      expect(ms(text), text).toBe('not an RFC 3339 time');
    }
  });

  it('refuses impossible dates and clock readings', () => {
    for (const text of ['2026-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-03-14T24:00:00Z', '2026-03-14T03:60:00Z', '2026-03-14T03:02:60Z', '2026-03-14T03:02:11+24:00']) {
      expect(ms(text), text).toBe('not an RFC 3339 time');
    }
  });

  it('refuses times before 1970 and far beyond this century', () => {
    expect(ms('1969-12-31T23:59:59Z')).toBe('is before 1970');
    expect(ms('1970-01-01T00:30:00+01:00')).toBe('is before 1970');
    expect(ms('0002-01-01T00:00:00Z')).toBe('is before 1970');
    expect(ms('9999-12-31T23:59:59Z')).toBe('is too far in the future');
  });
});

describe('readIso8601', () => {
  it('reads the offsets PagerDuty examples use, and RFC 3339', () => {
    const at = Date.UTC(2015, 6, 17, 8, 42, 58, 315);
    expect(iso('2015-07-17T08:42:58.315+0000')).toBe(at);
    expect(iso('2015-07-17T08:42:58.315Z')).toBe(at);
    expect(iso('2015-07-17T10:42:58.315+02:00')).toBe(at);
    expect(iso('2015-07-17T10:42:58,315+02')).toBe(at);
    expect(iso('2015-07-17 08:42:58.315Z')).toBe(at);
    expect(iso('2015-07-17T08:42Z')).toBe(Date.UTC(2015, 6, 17, 8, 42));
  });

  it('refuses a time without a zone, or not ISO 8601 at all', () => {
    for (const text of ['2015-07-17T08:42:58', '2015-07-17', 'Fri, 17 Jul 2015 08:42:58 GMT', '1437122578', '2015-07-17T8:42:58Z']) {
      expect(iso(text), text).toBe('not an ISO 8601 time with a zone');
    }
  });
});
