import { describe, expect, it } from 'vitest';
import type { IncidentListItem } from '../../../shared/contract/contract';
import { INTEGRITY_OK } from '../../../shared/domain/integrity';
import { attachTargets, triageQueue } from '../../../renderer/lib/triage';
import { summaryRest } from '../../support/summaries';

const NOW = Date.UTC(2026, 2, 14, 3, 30);
const MINUTE = 60_000;

function item(id: string, patch: Partial<IncidentListItem> & { detectedAt?: number | null }): IncidentListItem {
  const { detectedAt = NOW - 10 * MINUTE, ...rest } = patch;
  const declaredAt = rest.status === 'detected' || rest.status === undefined ? null : (rest.declaredAt ?? NOW - 60 * MINUTE);
  return {
    id,
    title: id,
    severity: 'SEV3',
    status: 'detected',
    detectionSource: 'alert',
    tags: [],
    timestamps: { impactStartedAt: null, detectedAt, acknowledgedAt: null, declaredAt, mitigatedAt: null, resolvedAt: null, closedAt: null },
    declaredAt,
    updatedAt: NOW - MINUTE,
    ...summaryRest(),
    integrity: INTEGRITY_OK,
    shared: false,
    alertCauses: [],
    alertsFiring: 1,
    alertService: 'checkout',
    ...rest,
  };
}

const ids = (items: IncidentListItem[]) => items.map((i) => i.id);

describe('the triage queue', () => {
  it('holds only detections, the one waiting longest first', () => {
    const items = [
      item('INC-new', { detectedAt: NOW - 2 * MINUTE }),
      item('INC-declared', { status: 'investigating' }),
      item('INC-old', { detectedAt: NOW - 40 * MINUTE }),
      item('INC-dismissed', { status: 'closed' }),
      item('INC-mid', { detectedAt: NOW - 9 * MINUTE }),
    ];
    expect(ids(triageQueue(items))).toEqual(['INC-old', 'INC-mid', 'INC-new']);
  });

  it('falls back to the last change for a detection without a detection time, and is stable on a tie', () => {
    const items = [item('INC-b', { detectedAt: NOW - 5 * MINUTE }), item('INC-untimed', { detectedAt: null, updatedAt: NOW - 20 * MINUTE }), item('INC-a', { detectedAt: NOW - 5 * MINUTE })];
    expect(ids(triageQueue(items))).toEqual(['INC-untimed', 'INC-a', 'INC-b']);
  });

  it('is empty when nothing waits', () => {
    expect(triageQueue([item('INC-1', { status: 'mitigated' })])).toEqual([]);
  });
});

describe('what a detection can be attached to', () => {
  it('is every open declared incident but itself, the worst and newest first', () => {
    const items = [
      item('INC-self', {}),
      item('INC-other-detection', {}),
      item('INC-sev3', { status: 'investigating', severity: 'SEV3' }),
      item('INC-sev1-old', { status: 'identified', severity: 'SEV1', declaredAt: NOW - 90 * MINUTE }),
      item('INC-sev1-new', { status: 'mitigated', severity: 'SEV1', declaredAt: NOW - 20 * MINUTE }),
      item('INC-resolved', { status: 'resolved', severity: 'SEV1' }),
      item('INC-closed', { status: 'closed', severity: 'SEV1' }),
    ];
    expect(ids(attachTargets(items, 'INC-self'))).toEqual(['INC-sev1-new', 'INC-sev1-old', 'INC-sev3']);
  });
});
