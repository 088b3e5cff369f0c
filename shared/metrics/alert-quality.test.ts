import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../domain/hlc';
import type { IncidentEvent } from '../domain/events';
import { DISMISS_OUTCOMES, type IncidentSummary, summarize } from '../domain/incident';
import { replay } from '../domain/reducer';
import type { NormalAlert } from '../intake/alert';
import { alertQuality } from './alert-quality';
import { metricsReport } from './report';
import { summaryRest } from '../../tests/support/summaries';

const M = 60_000;
const T = Date.UTC(2026, 10, 2, 10);

type Decision = 'declared' | (typeof DISMISS_OUTCOMES)[number] | null;

function detection(id: string, alertNames: IncidentSummary['alertNames'], decision: Decision = null): IncidentSummary {
  return {
    id,
    title: id,
    severity: 'SEV3',
    status: decision === null ? 'detected' : decision === 'declared' ? 'investigating' : 'closed',
    detectionSource: 'alert',
    tags: [],
    timestamps: { impactStartedAt: T - 3 * M, detectedAt: T, acknowledgedAt: null, declaredAt: decision === 'declared' ? T + M : null, mitigatedAt: null, resolvedAt: null, closedAt: null },
    declaredAt: decision === 'declared' ? T + M : null,
    updatedAt: T,
    ...summaryRest(),
    alertNames,
    dismissedOutcome: decision === null || decision === 'declared' ? null : decision,
  };
}

const disk = { name: 'DiskWillFillIn4h', service: 'postgres' };
const errors = { name: 'HighErrorRate', service: 'checkout' };
const lag = { name: 'KafkaConsumerLag', service: null };

describe('alert quality', () => {
  it('per alert and service: detections, how each was decided, and the noise share; noisiest first', () => {
    const list = [
      detection('a', [disk], 'false-alarm'),
      detection('b', [disk], 'minor'),
      detection('c', [disk], 'declared'),
      detection('d', [errors], 'declared'),
      detection('e', [errors], 'attached'),
      detection('f', [errors, lag], 'false-alarm'),
      detection('g', [lag]),
      detection('h', [{ name: 'HighErrorRate', service: 'payments' }], 'declared'),
      detection('declared-by-hand', [], 'declared'),
    ];
    expect(alertQuality(list)).toEqual([
      { ...disk, detections: 3, declared: 1, attached: 0, falseAlarm: 1, minor: 1, undecided: 0, noise: 2 / 3 },
      { ...lag, detections: 2, declared: 0, attached: 0, falseAlarm: 1, minor: 0, undecided: 1, noise: 0.5 },
      { ...errors, detections: 3, declared: 1, attached: 1, falseAlarm: 1, minor: 0, undecided: 0, noise: 1 / 3 },
      { name: 'HighErrorRate', service: 'payments', detections: 1, declared: 1, attached: 0, falseAlarm: 0, minor: 0, undecided: 0, noise: 0 },
    ]);
    expect(metricsReport(list, {}, T).alertQuality).toEqual(alertQuality(list));
  });

  it('follows the filters: only the detections of the chosen severities count', () => {
    const list = [detection('a', [disk], 'false-alarm'), { ...detection('b', [disk], 'declared'), severity: 'SEV1' as const }];
    expect(metricsReport(list, { severities: ['SEV1'] }, T).alertQuality).toEqual([expect.objectContaining({ ...disk, detections: 1, declared: 1, noise: 0 })]);
  });

  const names = fc.constantFrom(disk, errors, lag, { name: 'HighErrorRate', service: 'payments' }, { name: 'PodCrashLooping', service: 'checkout' });
  const decision = fc.constantFrom<Decision>('declared', 'attached', 'false-alarm', 'minor', null);
  const incidents = fc.array(fc.tuple(fc.uniqueArray(names, { maxLength: 3 }), decision), { maxLength: 30 }).map((xs) => xs.map(([alerts, d], k) => detection(`i${k}`, alerts, d)));

  it('counts add up: each detection ends in exactly one outcome, and counts once per alert it names', () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const rows = alertQuality(list);
        for (const r of rows) {
          expect(r.declared + r.attached + r.falseAlarm + r.minor + r.undecided).toBe(r.detections);
          expect(r.detections).toBe(list.filter((i) => i.alertNames.some((a) => a.name === r.name && a.service === r.service)).length);
          expect(r.noise).toBeCloseTo((r.falseAlarm + r.minor) / r.detections);
        }
        expect(rows.reduce((sum, r) => sum + r.detections, 0)).toBe(list.reduce((sum, i) => sum + i.alertNames.length, 0));
      }),
    );
  });

  it('an incident with no alerts contributes nothing', () => {
    fc.assert(
      fc.property(incidents, decision, fc.nat({ max: 30 }), (list, d, at) => {
        const withOne = [...list.slice(0, at), detection('no-alerts', [], d), ...list.slice(at)];
        expect(alertQuality(withOne)).toEqual(alertQuality(list));
      }),
    );
  });

  it('order is by noise share, then by detections', () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const rows = alertQuality(list);
        for (let k = 1; k < rows.length; k++) {
          const [before, after] = [rows[k - 1]!, rows[k]!];
          expect(before.noise).toBeGreaterThanOrEqual(after.noise);
          if (before.noise === after.noise) expect(before.detections).toBeGreaterThanOrEqual(after.detections);
        }
      }),
    );
  });
});

// ---- what the summary carries, from a replayed journal ------------------------------------

let seq = 0;
function event(incidentId: string, type: IncidentEvent['type'], payload: unknown, at = T): IncidentEvent {
  seq += 1;
  return { id: `e${seq}`, incidentId, seq, hlc: formatStamp({ wall: at + seq, counter: 0, node: 'test' }), at: at + seq, actor: 'Command Post', type, payload } as IncidentEvent;
}

function alert(name: string, service: string | null, groupKey: string, fingerprint: string): NormalAlert {
  return { source: 'alertmanager', groupKey, fingerprint, status: 'firing', name, summary: '', description: '', labels: {}, annotations: {}, severity: 'warning', service, startsAt: T - 5 * M, endsAt: null, links: [] };
}

const opening = { title: 'x', severity: 'SEV3', detectionSource: 'alert', summary: '', impactStartedAt: T - 5 * M, detectedAt: T };

describe('summaries for alert quality', () => {
  it('carry the alerts that opened a detection, each name and service once, and how it was dismissed', () => {
    const state = replay([
      event('INC-d', 'incident.detected', opening),
      event('INC-d', 'alert.received', { alert: alert('DiskWillFillIn4h', 'postgres', 'g1', 'f1') }),
      event('INC-d', 'alert.received', { alert: alert('DiskWillFillIn4h', 'postgres', 'g1', 'f2') }),
      event('INC-d', 'alert.received', { alert: alert('DiskWillFillIn4h', null, 'g1', 'f3') }),
      event('INC-d', 'incident.dismissed', { outcome: 'false-alarm', reason: '' }),
    ])!;
    expect(summarize(state)).toMatchObject({
      alertNames: [
        { name: 'DiskWillFillIn4h', service: 'postgres' },
        { name: 'DiskWillFillIn4h', service: null },
      ],
      dismissedOutcome: 'false-alarm',
      declaredAt: null,
    });
  });

  it('leave out alerts attached later: they count on the detection that brought them', () => {
    const promoted = replay([
      event('INC-p', 'incident.detected', opening),
      event('INC-p', 'alert.received', { alert: alert('HighErrorRate', 'checkout', 'g1', 'f1') }),
      event('INC-p', 'incident.promoted', { severity: 'SEV2', reason: '' }),
      event('INC-p', 'alert.received', { alert: alert('HighLatency', 'checkout', 'g2', 'f2') }),
    ])!;
    expect(summarize(promoted)).toMatchObject({ alertNames: [{ name: 'HighErrorRate', service: 'checkout' }], dismissedOutcome: null });
    expect(summarize(promoted).declaredAt).not.toBeNull();
    const declaredByHand = replay([event('INC-h', 'incident.declared', opening), event('INC-h', 'alert.received', { alert: alert('HighLatency', 'checkout', 'g2', 'f2') })])!;
    expect(summarize(declaredByHand).alertNames).toEqual([]);
  });
});
