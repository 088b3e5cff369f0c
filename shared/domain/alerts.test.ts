import { describe, expect, it } from 'vitest';
import { alertFor } from './alerts';
import type { IncidentEvent } from './events';

const base = { id: 'e', incidentId: 'INC-1', seq: 9, at: 0, actor: 'Command Post' };

describe('alerts', () => {
  it('fired deadlines and policy pages alert; lateral pages and ordinary events do not', () => {
    const missed = { ...base, type: 'deadline.missed', payload: { key: 'k', kind: 'cadence', dueAt: 0, label: 'External update overdue by 2:00' } } as IncidentEvent;
    expect(alertFor(missed, { title: 'Checkout down', drill: false })).toEqual({ title: 'External update overdue by 2:00', body: 'Checkout down', cause: 'k' });
    const tier = { ...base, type: 'escalation.paged', payload: { target: 'Secondary on-call', contact: '+1 555', tier: 2, reason: '', dueAt: 0 } } as IncidentEvent;
    expect(alertFor(tier, { title: 'Checkout down', drill: false })?.title).toBe('Escalation tier 2: call Secondary on-call');
    const lateral = { ...tier, payload: { ...tier.payload, tier: null } } as IncidentEvent;
    expect(alertFor(lateral, { title: 'x', drill: false })).toBeNull();
    const note = { ...base, type: 'timeline.pinned', payload: { entryId: 'a', pinned: true } } as IncidentEvent;
    expect(alertFor(note, { title: 'x', drill: false })).toBeNull();
  });

  it('says DRILL first on every alert of a drill, including the detection that opens it', () => {
    const missed = { ...base, type: 'deadline.missed', payload: { key: 'k', kind: 'cadence', dueAt: 0, label: 'External update overdue by 2:00' } } as IncidentEvent;
    expect(alertFor(missed, { title: 'DRILL: Bad deploy', drill: true })?.title).toBe('DRILL — External update overdue by 2:00');
    const opening = {
      ...base,
      type: 'incident.detected',
      payload: { title: 'DRILL: Bad deploy', severity: 'SEV2', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null, drill: {} },
    } as unknown as IncidentEvent;
    expect(alertFor(opening, { title: 'INC-1', drill: false })?.title).toBe('DRILL — New detection (SEV2): DRILL: Bad deploy');
  });
});
