import { describe, expect, it } from 'vitest';
import { at, EMPTY_BRIEFING, incident, nightOfTheRollback, step } from '../../tests/support/role-incidents';
import { stintsByPerson, stintsOf } from './responder-stints';

describe('stints from an incident', () => {
  it('marks a stint ended by a handoff and ends stints still open at the resolution', () => {
    const stints = stintsOf(nightOfTheRollback());
    expect(stints).toEqual([
      { incidentId: 'INC-7', name: 'Dana', role: 'incident-commander', from: at(15), to: at(20, 20), handedOff: true },
      { incidentId: 'INC-7', name: 'Sam', role: 'responder', from: at(16), to: at(16, 30), handedOff: false },
      { incidentId: 'INC-7', name: 'dana', role: 'responder', from: at(18), to: at(19), handedOff: false },
      { incidentId: 'INC-7', name: 'Lee', role: 'incident-commander', from: at(20, 20), to: at(21), handedOff: false },
    ]);
    expect(stintsByPerson(stints).map((p) => [p.name, p.stints.length])).toEqual([
      ['Dana', 2],
      ['Sam', 1],
      ['Lee', 1],
    ]);
  });

  it('does not call a reassignment or a release a handoff, and leaves stints of an open incident running', () => {
    const state = incident([
      step('role.assigned', at(15), { role: 'scribe', name: 'Ana', contact: '' }),
      step('role.assigned', at(16), { role: 'scribe', name: 'Bo', contact: '' }),
      step('role.assigned', at(16), { role: 'technical-lead', name: 'Cy', contact: '' }),
      step('role.released', at(17), { role: 'technical-lead', name: 'Cy', reason: 'off shift' }),
    ]);
    expect(stintsOf(state).map((s) => [s.name, s.to, s.handedOff])).toEqual([
      ['Ana', at(16), false],
      ['Bo', null, false],
      ['Cy', at(17), false],
    ]);
  });

  it('does not take a handoff of another role at the same moment for this one', () => {
    const state = incident([
      step('role.assigned', at(15), { role: 'scribe', name: 'Ana', contact: '' }),
      step('role.assigned', at(15), { role: 'incident-commander', name: 'Dana', contact: '' }),
      step('role.assigned', at(17), { role: 'scribe', name: 'Bo', contact: '' }),
      step('role.handedOff', at(17), { role: 'incident-commander', from: 'Dana', name: 'Lee', contact: '', briefing: EMPTY_BRIEFING }),
    ]);
    expect(stintsOf(state).map((s) => [s.name, s.handedOff])).toEqual([
      ['Ana', false],
      ['Dana', true],
      ['Bo', false],
      ['Lee', false],
    ]);
  });
});

