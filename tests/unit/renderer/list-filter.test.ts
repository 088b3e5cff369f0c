import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../../shared/domain/incident';
import { DEFAULT_LIST_FILTER, filterIncidentList, followUpMarkers, tagsInUse } from '../../../renderer/lib/list-filter';
import { summaryRest } from '../../support/summaries';

const NOW = Date.UTC(2026, 10, 22, 12);
const HOUR = 3_600_000;

function summary(id: string, patch: Partial<IncidentSummary>): IncidentSummary {
  const declaredAt = patch.declaredAt ?? NOW - HOUR;
  return {
    id,
    title: id,
    severity: 'SEV3',
    status: 'investigating',
    detectionSource: 'alert',
    tags: [],
    timestamps: { impactStartedAt: null, detectedAt: declaredAt, acknowledgedAt: null, declaredAt, mitigatedAt: null, resolvedAt: null, closedAt: null },
    declaredAt,
    updatedAt: declaredAt,
    ...summaryRest(),
    ...patch,
  };
}

const list = [
  summary('INC-a', { title: 'Checkout 502s', severity: 'SEV1', tags: ['checkout-api'], declaredAt: NOW - 3 * HOUR, updatedAt: NOW - 10 * 60_000 }),
  summary('INC-b', { title: 'Search slow', severity: 'SEV3', status: 'closed', tags: ['search'], declaredAt: NOW - 2 * HOUR }),
  summary('INC-c', { title: 'Login loop', severity: 'SEV2', status: 'resolved', tags: ['auth', 'search'], declaredAt: NOW - 30 * HOUR }),
];
const ids = (items: IncidentSummary[]) => items.map((i) => i.id);

describe('the rail list filter', () => {
  it('searches title, id and tag, every word', () => {
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, query: 'login' }, NOW))).toEqual(['INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, query: 'inc-b' }, NOW))).toEqual(['INC-b']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, query: '#search' }, NOW))).toEqual(['INC-b', 'INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, query: 'search login' }, NOW))).toEqual(['INC-c']);
  });

  it('narrows by status, severity, tag and start date', () => {
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, status: 'open' }, NOW))).toEqual(['INC-a']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, status: 'closed' }, NOW))).toEqual(['INC-b', 'INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, severities: ['SEV1', 'SEV2'] }, NOW))).toEqual(['INC-a', 'INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, tag: 'auth' }, NOW))).toEqual(['INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, since: '24h' }, NOW))).toEqual(['INC-b', 'INC-a']);
  });

  it('sorts newest, by severity, or by last activity, without touching the input', () => {
    const before = ids(list);
    expect(ids(filterIncidentList(list, DEFAULT_LIST_FILTER, NOW))).toEqual(['INC-b', 'INC-a', 'INC-c']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, sort: 'severity' }, NOW))).toEqual(['INC-a', 'INC-c', 'INC-b']);
    expect(ids(filterIncidentList(list, { ...DEFAULT_LIST_FILTER, sort: 'activity' }, NOW))).toEqual(['INC-a', 'INC-b', 'INC-c']);
    expect(ids(list)).toEqual(before);
  });

  it('marks an overdue review and counts overdue action items, not finished ones', () => {
    const owes = summary('INC-d', {
      status: 'closed',
      reviewNeeded: true,
      reviewAt: NOW - HOUR,
      actionItems: [
        { id: '1', title: 'a', owner: '', dueDate: '2026-11-20', status: 'open', priority: 'P1' },
        { id: '2', title: 'b', owner: '', dueDate: '2026-11-20', status: 'done', priority: 'P2' },
        { id: '3', title: 'c', owner: '', dueDate: '2026-12-20', status: 'open', priority: 'P2' },
      ],
    });
    expect(followUpMarkers(owes, NOW)).toEqual({ reviewOverdue: true, overdueActions: 1 });
    expect(followUpMarkers({ ...owes, reviewHeldAt: NOW - 2 * HOUR }, NOW).reviewOverdue).toBe(false);
    expect(followUpMarkers(list[0]!, NOW)).toEqual({ reviewOverdue: false, overdueActions: 0 });
  });

  it('lists tags most used first', () => {
    expect(tagsInUse(list)).toEqual(['search', 'auth', 'checkout-api']);
  });
});
