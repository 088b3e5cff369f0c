import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentSummary, IncidentTimestamps, Severity } from '../domain/incident';
import { isoWeek, metricsReport, repeatRate, responseTimes, updatePunctuality } from './report';
import { percentile } from './stats';
import { phases, timestampProblems } from './timestamps';
import { summaryRest } from '../../tests/support/summaries';

const M = 60_000;
const T = Date.UTC(2026, 10, 2, 10);

function inc(id: string, over: Partial<IncidentSummary> = {}, ts: Partial<IncidentTimestamps> = {}): IncidentSummary {
  const timestamps: IncidentTimestamps = {
    impactStartedAt: null,
    detectedAt: T,
    acknowledgedAt: T + 4 * M,
    declaredAt: T + 5 * M,
    mitigatedAt: T + 30 * M,
    resolvedAt: T + 60 * M,
    closedAt: null,
    ...ts,
  };
  return {
    id,
    title: id,
    severity: 'SEV2',
    status: 'resolved',
    detectionSource: 'alert',
    tags: [],
    timestamps,
    declaredAt: timestamps.declaredAt,
    updatedAt: T,
    ...summaryRest(),
    ...over,
  };
}

describe('metrics across incidents', () => {
  it('leave drills out unless asked', () => {
    const list = [inc('INC-live'), inc('INC-drill', { drill: { scenario: 'Bad deploy', facilitator: 'Fay', ended: true } })];
    expect(metricsReport(list, {}, T).incidents).toBe(1);
    expect(metricsReport(list, { includeDrills: true }, T).incidents).toBe(2);
  });

  it('percentiles interpolate; medians and p90 per severity', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
    const list = [1, 2, 3, 4, 5].map((k) => inc(`i${k}`, {}, { acknowledgedAt: T + k * M }));
    expect(responseTimes(list).SEV2.tta).toMatchObject({ n: 5, missing: 0, median: 3 * M, p90: 4.6 * M });
  });

  it('counts missing timestamps as missing, never as zero, and flags out-of-order ones', () => {
    const list = [inc('ok'), inc('noack', {}, { acknowledgedAt: null }), inc('bad', {}, { acknowledgedAt: T - M })];
    const tta = responseTimes(list).SEV2.tta;
    expect(tta).toMatchObject({ n: 1, missing: 1, outOfOrder: 1, median: 4 * M });
    expect(timestampProblems(list[2]!.timestamps)).toEqual(['acknowledged before it was detected']);
    const report = metricsReport(list, {}, T);
    expect(report.flagged).toEqual([{ incidentId: 'bad', problems: ['acknowledged before it was detected'] }]);
  });

  it('time to detect per severity: impact start → detected; no impact start is missing, a detection before it is flagged', () => {
    const list = [
      ...[2, 4, 6, 8, 10].map((k) => inc(`d${k}`, { severity: 'SEV3' }, { impactStartedAt: T - k * M })),
      inc('unknown', { severity: 'SEV3' }, { impactStartedAt: null }),
      inc('early', { severity: 'SEV3' }, { impactStartedAt: T + M }),
    ];
    const ttd = responseTimes(list).SEV3.ttd;
    expect(ttd).toMatchObject({ n: 5, missing: 1, outOfOrder: 1, median: 6 * M, p90: 9.2 * M });
    expect(responseTimes(list).SEV1.ttd).toMatchObject({ n: 0, missing: 0, median: null, p90: null });
    expect(metricsReport(list, {}, T).flagged).toEqual([{ incidentId: 'early', problems: ['detected before impact started'] }]);
  });

  it('weeks are ISO weeks and empty weeks are kept', () => {
    expect(isoWeek(Date.UTC(2026, 0, 1))).toBe('2026-W01');
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2026, 10, 22))).toBe('2026-W47');
    const list = [inc('a', {}, { declaredAt: T }), inc('b', { severity: 'SEV1' }, { declaredAt: T + 21 * 86_400_000 })];
    const weeks = metricsReport(list, {}, T).perWeek;
    expect(weeks.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeks.map((w) => w.SEV1 + w.SEV2)).toEqual([1, 0, 0, 1]);
  });

  it('repeat rate: an earlier incident within 90 days sharing a root-cause category or tag', () => {
    const day = 86_400_000;
    const list = [
      inc('a', { tags: ['checkout'], rootCauseCategory: 'configuration' }, { declaredAt: T }),
      inc('b', { tags: ['search'], rootCauseCategory: 'configuration' }, { declaredAt: T + 10 * day }),
      inc('c', { tags: ['checkout'] }, { declaredAt: T + 200 * day }),
    ];
    const r = repeatRate(list);
    expect(r.pairs).toEqual([{ incidentId: 'b', earlierId: 'a', via: 'root cause: configuration' }]);
    expect(r.rate).toBeCloseTo(1 / 3);
  });

  it('punctuality: updates before their deadline; unscheduled ones are not counted', () => {
    const list = [inc('a', { updates: [{ audience: 'external', sentAt: T, dueAt: T + M }, { audience: 'internal', sentAt: T + 2 * M, dueAt: T + M }, { audience: 'internal', sentAt: T, dueAt: null }] })];
    expect(updatePunctuality(list)).toEqual({ onTime: 1, late: 1, unscheduled: 1, rate: 0.5 });
  });

  it('filters by date range, severity and tag', () => {
    const list = [inc('a', { severity: 'SEV1', tags: ['db'] }), inc('b', { severity: 'SEV3' }), inc('c', {}, { declaredAt: T + 10 * 86_400_000 })];
    expect(metricsReport(list, { severities: ['SEV1'] as Severity[] }, T).incidents).toBe(1);
    expect(metricsReport(list, { tag: 'db' }, T).incidents).toBe(1);
    expect(metricsReport(list, { from: T + 86_400_000 }, T).incidents).toBe(1);
  });

  it('phase strip segments are in order and to scale', () => {
    const p = phases({ impactStartedAt: T - 10 * M, detectedAt: T, acknowledgedAt: T + 2 * M, declaredAt: T, mitigatedAt: T + 20 * M, resolvedAt: T + 50 * M, closedAt: null }, T + 99 * M);
    expect(p.map((x) => [x.label, (x.to - x.from) / M])).toEqual([
      ['Undetected', 10],
      ['Detected, not acknowledged', 2],
      ['Acknowledged, impact ongoing', 18],
      ['Mitigated, not resolved', 30],
    ]);
  });

  it('distributions never count a missing value', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: null }), { maxLength: 40 }), (acks) => {
        const list = acks.map((a, k) => inc(`i${k}`, {}, { acknowledgedAt: a === null ? null : T + a }));
        const tta = responseTimes(list).SEV2.tta;
        expect(tta.n + tta.missing + tta.outOfOrder).toBe(list.length);
        expect(tta.missing).toBe(acks.filter((a) => a === null).length);
      }),
    );
  });
});
