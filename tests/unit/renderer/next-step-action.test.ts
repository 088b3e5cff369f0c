import { describe, expect, it } from 'vitest';
import type { IncidentState, Workstream } from '../../../shared/domain/incident';
import { formatSpan } from '../../../shared/domain/clocks';
import type { NextStepAction } from '../../../shared/guidance/next-steps';
import { quietLine, stepEffect, stepKey } from '../../../renderer/components/guidance/step-action';

const NOW = Date.UTC(2026, 10, 30, 3, 0);
const workstream: Workstream = {
  id: 'ws-1',
  title: 'Roll back checkout',
  kind: 'mitigate',
  owner: 'Alex Kim',
  status: 'active',
  nextStep: '',
  checkInAt: NOW - 60_000,
  openedAt: NOW - 600_000,
  lastReportAt: NOW - 600_000,
};
type Shape = Pick<IncidentState, 'roles' | 'workstreams' | 'status'>;
const incident = (patch: Partial<Shape> = {}): Shape => ({
  status: 'investigating',
  roles: { 'incident-commander': { name: 'Dana', contact: '', since: NOW } } as IncidentState['roles'],
  workstreams: [workstream],
  ...patch,
});
const step = (action: NextStepAction) => ({ action: { ...action, label: 'Do it' } });

describe('stepEffect: each next step opens the war room dialog that does it', () => {
  it.each<[NextStepAction, ReturnType<typeof stepEffect>]>([
    [{ kind: 'assign-role', role: 'scribe' }, { kind: 'dialog', dialog: { kind: 'assign', role: 'scribe' } }],
    [{ kind: 'draft-update', audience: 'external' }, { kind: 'dialog', dialog: { kind: 'draft', draftKind: 'external' } }],
    [{ kind: 'draft-update', audience: 'internal' }, { kind: 'dialog', dialog: { kind: 'draft', draftKind: 'internal' } }],
    [{ kind: 'set-severity' }, { kind: 'dialog', dialog: { kind: 'severity' } }],
    [{ kind: 'resolve' }, { kind: 'dialog', dialog: { kind: 'status', to: 'resolved' } }],
    [{ kind: 'check-in-workstream', workstreamId: 'ws-1' }, { kind: 'dialog', dialog: { kind: 'workstream-update', workstream } }],
    [{ kind: 'handoff-role', role: 'incident-commander', person: 'Dana' }, { kind: 'dialog', dialog: { kind: 'handoff', role: 'incident-commander' } }],
    [{ kind: 'decide-review' }, { kind: 'review' }],
    [{ kind: 'open-checklist' }, { kind: 'checklist' }],
  ])('%o', (action, effect) => {
    expect(stepEffect(action, incident())).toEqual(effect);
  });

  it('declare opens the promote dialog, and only on a detection', () => {
    expect(stepEffect({ kind: 'declare' }, incident({ status: 'detected' }))).toEqual({ kind: 'dialog', dialog: { kind: 'promote' } });
    expect(stepEffect({ kind: 'declare' }, incident())).toBeNull();
  });

  it('is off when what the step names is gone: a workstream no longer there, a handoff of no role or an empty one', () => {
    expect(stepEffect({ kind: 'check-in-workstream', workstreamId: 'ws-9' }, incident())).toBeNull();
    expect(stepEffect({ kind: 'handoff-role', role: null, person: 'Maria' }, incident())).toBeNull();
    expect(stepEffect({ kind: 'handoff-role', role: 'scribe', person: 'Kim' }, incident())).toBeNull();
  });
});

describe('stepKey', () => {
  it('puts Alt+N on the top step whatever it is', () => {
    expect(stepKey(step({ kind: 'resolve' }), 0)).toEqual({ keys: ['Alt', 'N'], aria: 'Alt+N' });
    expect(stepKey(step({ kind: 'draft-update', audience: 'internal' }), 0)?.aria).toBe('Alt+N');
  });

  it("shows the internal draft's own Alt+I further down, and no key for the rest", () => {
    expect(stepKey(step({ kind: 'draft-update', audience: 'internal' }), 2)).toEqual({ keys: ['Alt', 'I'], aria: 'Alt+I' });
    expect(stepKey(step({ kind: 'draft-update', audience: 'external' }), 1)).toBeNull();
    expect(stepKey(step({ kind: 'assign-role', role: 'scribe' }), 3)).toBeNull();
  });

  it('prints Option on a Mac', () => {
    expect(stepKey(step({ kind: 'resolve' }), 0, true)?.keys).toEqual(['⌥', 'N']);
  });
});

describe('quietLine', () => {
  it('says when the next internal update is due, never a blank', () => {
    expect(quietLine(NOW + 760_000, NOW, formatSpan)).toBe('Nothing pressing — next internal update in 12:40');
    expect(quietLine(null, NOW, formatSpan)).toBe('Nothing pressing.');
    expect(quietLine(NOW - 1000, NOW, formatSpan)).toBe('Nothing pressing.');
  });
});
