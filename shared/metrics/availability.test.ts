import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentTimestamps } from '../domain/incident';
import { availability, availabilitySeries, dailyPoints, impactIntervals, mergeIntervals, type ServiceIncident, type ServiceObjective, serviceResponseTimes } from './availability';

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
const T = Date.UTC(2026, 10, 2, 10);
const NONE: IncidentTimestamps = { impactStartedAt: null, detectedAt: null, acknowledgedAt: null, declaredAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };
const CHECKOUT: ServiceObjective = { name: 'checkout', objectivePercent: 99.9, windowDays: 30 };

function inc(id: string, ts: Partial<IncidentTimestamps>, over: Partial<ServiceIncident> = {}): ServiceIncident {
  return { id, services: ['checkout'], severity: 'SEV2', timestamps: { ...NONE, ...ts }, drill: null, ...over };
}

describe('impact intervals', () => {
  it('runs from the first recorded start to mitigation, falling back one timestamp at a time', () => {
    const now = T + 10 * H;
    const { spans, unmeasured } = impactIntervals(
      [
        inc('a', { impactStartedAt: T, detectedAt: T + 5 * M, mitigatedAt: T + 30 * M, resolvedAt: T + H }),
        inc('b', { detectedAt: T, resolvedAt: T + H }),
        inc('c', { declaredAt: T + 2 * H }),
        inc('d', { acknowledgedAt: T, resolvedAt: T + H }),
      ],
      'checkout',
      now,
    );
    expect(spans).toEqual([
      { incidentId: 'a', from: T, to: T + 30 * M },
      { incidentId: 'b', from: T, to: T + H },
      { incidentId: 'c', from: T + 2 * H, to: now },
    ]);
    expect(unmeasured).toEqual(['d']);
  });

  it('leaves out other services and drills, matches names loosely, and counts drills when asked', () => {
    const list = [
      inc('mine', { detectedAt: T, mitigatedAt: T + H }, { services: [' Checkout'] }),
      inc('theirs', { detectedAt: T, mitigatedAt: T + H }, { services: ['search'] }),
      inc('drill', { detectedAt: T, mitigatedAt: T + H }, { drill: { scenario: 'bad deploy' } }),
    ];
    expect(impactIntervals(list, 'checkout', T).spans.map((s) => s.incidentId)).toEqual(['mine']);
    expect(impactIntervals(list, 'checkout', T, { includeDrills: true }).spans.map((s) => s.incidentId)).toEqual(['mine', 'drill']);
  });

  it('calls an impact that ends before it starts unmeasured instead of guessing', () => {
    expect(impactIntervals([inc('x', { impactStartedAt: T, mitigatedAt: T - M })], 'checkout', T + H)).toEqual({ spans: [], unmeasured: ['x'] });
  });
});

describe('mergeIntervals', () => {
  it('counts overlapping and touching time once and drops empty spans', () => {
    expect(
      mergeIntervals([
        { from: 50, to: 60 },
        { from: 0, to: 10 },
        { from: 5, to: 20 },
        { from: 20, to: 30 },
        { from: 40, to: 40 },
        { from: 45, to: 44 },
      ]),
    ).toEqual([
      { from: 0, to: 30 },
      { from: 50, to: 60 },
    ]);
  });
});

describe('availability against the objective', () => {
  const period = { from: T - 10 * DAY, to: T + 20 * DAY };

  it('counts two overlapping incidents once and reports the error budget', () => {
    const a = availability(
      [inc('a', { impactStartedAt: T, mitigatedAt: T + 20 * M }), inc('b', { detectedAt: T + 10 * M, mitigatedAt: T + 30 * M })],
      CHECKOUT,
      period,
      T + 25 * DAY,
    );
    expect(a.impactMs).toBe(30 * M);
    expect(a.periodMs).toBe(30 * DAY);
    // 99.9 % of 30 days allows 43.2 minutes down.
    expect(a.budgetMs).toBeCloseTo(43.2 * M, 3);
    expect(a.budgetLeftMs).toBeCloseTo(13.2 * M, 3);
    expect(a.budgetLeftPercent).toBeCloseTo((13.2 / 43.2) * 100, 6);
    expect(a.availability).toBeCloseTo(1 - 30 / (30 * 24 * 60), 12);
    expect(a.breached).toBe(false);
    expect(a.incidents).toEqual(['a', 'b']);
    expect(a.unmeasured).toEqual([]);
  });

  it('counts an open incident up to now and breaches once the budget is spent', () => {
    const now = T + H;
    const a = availability([inc('open', { detectedAt: T, declaredAt: T + 2 * M })], CHECKOUT, { from: T - 30 * DAY + H, to: now }, now);
    expect(a.impactMs).toBe(H);
    expect(a.budgetLeftMs).toBeCloseTo(-16.8 * M, 3);
    expect(a.breached).toBe(true);
  });

  it('clips impact to the period', () => {
    const a = availability([inc('edge', { impactStartedAt: period.from - H, mitigatedAt: period.from + 15 * M })], CHECKOUT, period, period.to);
    expect(a.impactMs).toBe(15 * M);
    expect(a.incidents).toEqual(['edge']);
    const outside = availability([inc('before', { impactStartedAt: period.from - 2 * H, mitigatedAt: period.from - H })], CHECKOUT, period, period.to);
    expect(outside).toMatchObject({ impactMs: 0, availability: 1, incidents: [], breached: false });
  });

  it('lists an incident with no start as unmeasured, never as zero impact hidden in the figure', () => {
    const a = availability([inc('nostart', { acknowledgedAt: T, resolvedAt: T + H }), inc('old', { acknowledgedAt: period.from - DAY })], CHECKOUT, period, period.to);
    expect(a.unmeasured).toEqual(['nostart']);
    expect(a.incidents).toEqual([]);
  });

  it('has no budget percentage for a 100 % objective, and refuses an empty period', () => {
    const a = availability([], { ...CHECKOUT, objectivePercent: 100 }, period, period.to);
    expect(a).toMatchObject({ budgetMs: 0, budgetLeftPercent: null, breached: false, availability: 1 });
    expect(() => availability([], CHECKOUT, { from: T, to: T }, T)).toThrow(RangeError);
    expect(() => availability([], { ...CHECKOUT, objectivePercent: 0 }, period, T)).toThrow(RangeError);
  });
});

describe('availability over time', () => {
  it('rolls the objective window over daily points and stops at now', () => {
    const objective = { ...CHECKOUT, windowDays: 2 };
    const list = [inc('a', { impactStartedAt: T, mitigatedAt: T + H })];
    const points = [T - DAY, T + DAY, T + 2 * DAY, T + 3 * DAY, T + 4 * DAY];
    const series = availabilitySeries(list, objective, points, T + 3 * DAY);
    expect(series.map((p) => p.at)).toEqual(points.slice(0, 4));
    expect(series.map((p) => p.availability)).toEqual([1, 1 - 1 / 48, 1 - 1 / 48, 1]);
    expect(series.map((p) => p.breached)).toEqual([false, true, true, false]);
  });

  it('puts a point at each local midnight, 23 and 25 hours apart across daylight-saving changes', () => {
    const berlin = 'Europe/Berlin';
    // Berlin midnight 28 Mar 2026 is 23:00 UTC on the 27th; clocks go forward on the 29th.
    const points = dailyPoints({ from: Date.UTC(2026, 2, 27, 12), to: Date.UTC(2026, 2, 30, 12) }, berlin);
    expect(points).toEqual([Date.UTC(2026, 2, 27, 23), Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 22), Date.UTC(2026, 2, 30, 12)]);
    const autumn = dailyPoints({ from: Date.UTC(2026, 9, 24, 22), to: Date.UTC(2026, 9, 26, 23) }, berlin);
    expect(autumn).toEqual([Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 23), Date.UTC(2026, 9, 26, 23)]);
  });
});

describe('response times per service', () => {
  it('measures each incident of the service and keeps missing timestamps missing', () => {
    const list = [
      inc('a', { impactStartedAt: T, detectedAt: T + 10 * M, acknowledgedAt: T + 12 * M, mitigatedAt: T + 40 * M, resolvedAt: T + 2 * H }),
      inc('b', { detectedAt: T, acknowledgedAt: T + 4 * M, mitigatedAt: T + 20 * M }),
      inc('c', { impactStartedAt: T, detectedAt: T + 5 * M }, { services: ['search'] }),
    ];
    const times = serviceResponseTimes(list, 'checkout');
    expect(times.ttd).toMatchObject({ n: 1, missing: 1, mean: 10 * M });
    expect(times.tta).toMatchObject({ n: 2, mean: 3 * M });
    expect(times.ttm).toMatchObject({ n: 2, mean: 30 * M });
    expect(times.ttr).toMatchObject({ n: 1, missing: 1, mean: 2 * H });
    expect(serviceResponseTimes(list, 'billing').ttm).toMatchObject({ n: 0, mean: null, median: null });
  });
});

describe('availability properties', () => {
  const START = T;
  const span = fc.record({ start: fc.integer({ min: 0, max: 40 * DAY }), length: fc.integer({ min: 0, max: 3 * DAY }), open: fc.boolean() });
  const incidents = fc.array(span, { maxLength: 12 }).map((spans) =>
    spans.map((s, k) => inc(`i${k}`, { impactStartedAt: START + s.start, mitigatedAt: s.open ? null : START + s.start + s.length })),
  );
  const period = { from: START + 5 * DAY, to: START + 35 * DAY };
  const now = START + 38 * DAY;

  it('never counts more impact than the period or the intervals themselves', () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const a = availability(list, CHECKOUT, period, now);
        const sum = impactIntervals(list, 'checkout', now).spans.reduce((total, s) => total + (s.to - s.from), 0);
        expect(a.impactMs).toBeLessThanOrEqual(a.periodMs);
        expect(a.impactMs).toBeLessThanOrEqual(sum);
        expect(a.availability).toBeGreaterThanOrEqual(0);
        expect(a.availability).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never rises when an incident is added', () => {
    fc.assert(
      fc.property(incidents, incidents, (list, more) => {
        const extra = more.map((i) => ({ ...i, id: `more-${i.id}` }));
        expect(availability([...list, ...extra], CHECKOUT, period, now).availability).toBeLessThanOrEqual(availability(list, CHECKOUT, period, now).availability);
      }),
    );
  });

  it('does not depend on the order of incidents', () => {
    fc.assert(
      fc.property(incidents.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        expect(availability(shuffled, CHECKOUT, period, now)).toEqual(availability(list, CHECKOUT, period, now));
      }),
    );
  });
});
