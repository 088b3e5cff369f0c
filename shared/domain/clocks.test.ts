import { describe, expect, it } from 'vitest';
import { formatSpan, incidentClocks } from './clocks';
import { EMPTY_POSTMORTEM, type IncidentState } from './incident';
import { peopleOnIncident } from './people';
import { DEFAULT_SETTINGS } from './settings';
import { responseWarnings } from './warnings';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 22, 2, 0);

function incident(over: Partial<IncidentState> = {}): IncidentState {
  return {
    id: 'INC-1',
    title: 't',
    summary: '',
    severity: 'SEV1',
    status: 'investigating',
    detectionSource: 'alert',
    timestamps: {
      impactStartedAt: T0,
      detectedAt: T0 + 7 * M,
      acknowledgedAt: null,
      declaredAt: T0 + 9 * M,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
    },
    roles: {},
    responders: [],
    roleHistory: [],
    workstreams: [],
    reviewNeeded: null,
    dismissed: null,
    cadence: { internal: { intervalMs: null, firstMs: null }, external: { intervalMs: null, firstMs: null } },
    updates: [],
    approvals: [],
    escalation: { policySeverity: null, tiers: [], pages: [] },
    missed: [],
    postmortem: { ...EMPTY_POSTMORTEM },
    actionItems: [],
    tags: [],
    timeline: [],
    createdBy: 'x',
    setBy: { severity: null, status: null },
    conflicts: [],
    alerts: [],
    alertGroups: [],
    silences: [],
    drill: null,
    checklist: [],
    artefacts: [],
    lastSeq: 1,
    lastStamp: '0000000000000-00000-test',
    updatedAt: T0,
    ...over,
  };
}

describe('incident clocks', () => {
  it('run while open and stop at the event that ends them', () => {
    const open = incidentClocks(incident(), T0 + 30 * M);
    expect(open.ttd).toEqual({ ms: 7 * M, running: false });
    expect(open.tta).toEqual({ ms: 23 * M, running: true });
    expect(open.ttm).toEqual({ ms: 30 * M, running: true });
    expect(open.elapsed).toEqual({ ms: 30 * M, running: true });
    const done = incident({
      status: 'resolved',
      timestamps: { ...incident().timestamps, acknowledgedAt: T0 + 8 * M, mitigatedAt: T0 + 20 * M, resolvedAt: T0 + 50 * M },
    });
    const later = incidentClocks(done, T0 + 500 * M);
    expect(later).toMatchObject({
      tta: { ms: M, running: false },
      ttm: { ms: 20 * M, running: false },
      ttr: { ms: 50 * M, running: false },
      elapsed: { ms: 50 * M, running: false },
    });
  });

  it('has no TTD when impact start is unknown, and measures from detection instead', () => {
    const c = incidentClocks(incident({ timestamps: { ...incident().timestamps, impactStartedAt: null } }), T0 + 10 * M);
    expect(c.ttd).toBeNull();
    expect(c.elapsed).toEqual({ ms: 3 * M, running: true });
  });

  it('formats spans for a wall screen', () => {
    expect(formatSpan(42_000)).toBe('0:42');
    expect(formatSpan(12 * M + 7_000)).toBe('12:07');
    expect(formatSpan(3 * 3_600_000 + 4 * M + 9_000)).toBe('3:04:09');
    expect(formatSpan(2 * 86_400_000 + 3 * 3_600_000)).toBe('2d 03:00:00');
    expect(formatSpan(-65_000)).toBe('-1:05');
  });
});

describe('response warnings', () => {
  it('flags empty required roles by severity, the IC holding tech lead, and long shifts', () => {
    const state = incident({
      roles: {
        'incident-commander': { name: 'Dana', contact: '', since: T0 },
        'technical-lead': { name: 'dana ', contact: '', since: T0 },
      },
      roleHistory: [
        { role: 'incident-commander', name: 'Dana', contact: '', from: T0, to: null },
        { role: 'technical-lead', name: 'dana ', contact: '', from: T0 + M, to: null },
        { role: 'scribe', name: 'Lee', contact: '', from: T0, to: T0 + 300 * M },
      ],
    });
    const warnings = responseWarnings(state, DEFAULT_SETTINGS, T0 + 5 * 3_600_000);
    expect(warnings.map((w) => w.code).sort()).toEqual(['ic-holds-tech-lead', 'long-shift', 'role-empty', 'role-empty'].sort());
    expect(warnings.filter((w) => w.code === 'role-empty').map((w) => w.role).sort()).toEqual(['communications-lead', 'scribe']);
    expect(responseWarnings({ ...state, severity: 'SEV3' }, DEFAULT_SETTINGS, T0 + M).map((w) => w.code)).toEqual([
      'ic-holds-tech-lead',
    ]);
    expect(responseWarnings({ ...state, status: 'resolved' }, DEFAULT_SETTINGS, T0)).toEqual([]);
  });

  it('counts overlapping roles once in time on incident', () => {
    const state = incident({
      roleHistory: [
        { role: 'incident-commander', name: 'Dana', contact: 'x', from: T0, to: T0 + 60 * M },
        { role: 'technical-lead', name: 'Dana', contact: 'x', from: T0 + 30 * M, to: T0 + 90 * M },
        { role: 'responder', name: 'Dana', contact: 'x', from: T0 + 120 * M, to: null },
      ],
    });
    const [dana] = peopleOnIncident(state, T0 + 150 * M);
    expect(dana).toMatchObject({ name: 'Dana', holding: ['responder'], joinedAt: T0, leftAt: null, onIncidentMs: 120 * M });
  });

  it('stops the time on incident at the resolution: the role is still held, the clock is not running', () => {
    const held = incident({ roleHistory: [{ role: 'incident-commander', name: 'Dana', contact: 'x', from: T0, to: null }] });
    const resolved = { ...held, status: 'closed' as const, timestamps: { ...held.timestamps, resolvedAt: T0 + 120 * M, closedAt: T0 + 125 * M } };
    expect(peopleOnIncident(resolved, T0 + 3 * 24 * 60 * M)[0]).toMatchObject({ holding: ['incident-commander'], onIncidentMs: 120 * M });
    expect(peopleOnIncident(held, T0 + 150 * M)[0]?.onIncidentMs).toBe(150 * M);
  });
});
