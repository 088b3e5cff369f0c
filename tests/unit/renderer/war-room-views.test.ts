import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../shared/domain/reducer';
import type { IncidentEvent } from '../../../shared/domain/events';
import type { IncidentState } from '../../../shared/domain/incident';
import { escalationView } from '../../../renderer/lib/escalation-view';
import { rosterFor } from '../../../renderer/lib/people';


describe('escalation view', () => {
  let seq = 0;
  const event = (state: IncidentState | null, type: IncidentEvent['type'], payload: unknown, at: number): IncidentEvent =>
    ({ id: `e${++seq}`, incidentId: 'INC-1', seq: (state?.lastSeq ?? 0) + 1, at, actor: 'ic', type, payload }) as IncidentEvent;
  const declared = (): IncidentState => {
    seq = 0;
    const state = applyEvent(
      null,
      event(null, 'incident.declared', { title: 't', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null }, 0),
    )!;
    applyEvent(
      state,
      event(state, 'escalation.policySet', {
        severity: 'SEV1',
        tiers: [
          { target: 'Primary', contact: '555-1', delayMinutes: 0 },
          { target: 'Secondary', contact: '555-2', delayMinutes: 5 },
          { target: 'Manager', contact: '555-3', delayMinutes: 15 },
        ],
      }, 0),
    );
    return state;
  };

  it('shows who was paged, who to call now and when the next tier goes', () => {
    const state = declared();
    applyEvent(state, event(state, 'escalation.paged', { target: 'Primary', contact: '555-1', tier: 1, reason: 'unacknowledged', dueAt: 0 }, 1000));
    applyEvent(state, event(state, 'escalation.paged', { target: 'SME', contact: '555-9', tier: null, reason: '', dueAt: null }, 2000));
    const view = escalationView(state, 60_000);
    expect(view.tiers.map((t) => t.state)).toEqual(['paged', 'pending', 'pending']);
    expect(view.callNow?.target).toBe('Primary');
    expect(view.next?.target).toBe('Secondary');
    expect(view.next?.dueAt).toBe(5 * 60_000);
    expect(view.lateral.map((p) => p.target)).toEqual(['SME']);
  });

  it('stops on acknowledgement', () => {
    const state = declared();
    applyEvent(state, event(state, 'escalation.paged', { target: 'Primary', contact: '555-1', tier: 1, reason: '', dueAt: 0 }, 1000));
    applyEvent(state, event(state, 'escalation.acknowledged', { by: 'dana' }, 2000));
    const view = escalationView(state, 10 * 60_000);
    expect(view.stopped).toBe(true);
    expect(view.callNow).toBeNull();
    expect(view.next).toBeNull();
    expect(view.tiers.map((t) => t.state)).toEqual(['paged', 'stopped', 'stopped']);
  });
});

describe('roster order', () => {
  it('puts the people who usually take the role first', () => {
    const roster = [
      { id: '1', name: 'Zoe', contact: '', usualRoles: ['scribe' as const] },
      { id: '2', name: 'Abe', contact: '', usualRoles: [] },
      { id: '3', name: 'Mia', contact: '', usualRoles: ['scribe' as const] },
    ];
    expect(rosterFor(roster, 'scribe').map((p) => p.name)).toEqual(['Mia', 'Zoe', 'Abe']);
    expect(rosterFor(roster, null).map((p) => p.name)).toEqual(['Abe', 'Mia', 'Zoe']);
  });
});
