import type { IncidentEvent } from '../../shared/domain/events';
import { formatStamp } from '../../shared/domain/hlc';
import type { IncidentState, Severity } from '../../shared/domain/incident';
import { replay } from '../../shared/domain/reducer';
import { instantOf } from '../../shared/time/zone';

// Incidents built by the real reducer from a few role events, for the responder-toll tests.

export const BERLIN = 'Europe/Berlin';
export const berlin = (month: number, day: number, hour: number, minute = 0) => instantOf({ year: 2026, month, day, hour, minute, second: 0 }, BERLIN);
/** Tuesday 24 Nov 2026 in Berlin. */
export const at = (hour: number, minute = 0) => berlin(11, 24, hour, minute);

export type Step = Pick<IncidentEvent, 'type' | 'payload'> & { at: number };
export const step = (type: IncidentEvent['type'], time: number, payload: object): Step => ({ type, at: time, payload }) as Step;
export const status = (from: string, to: string, time: number) => step('incident.statusChanged', time, { from, to, reason: '', reviewNeeded: to === 'closed' ? true : null });
export const EMPTY_BRIEFING = { situation: '', actions: '', decisions: '', nextUpdate: '' };

/** Declared at 15:00 Berlin, impact from 14:50, then `steps`. */
export function incident(steps: Step[], severity: Severity = 'SEV1'): IncidentState {
  const declare = step('incident.declared', at(15), { title: 'Checkout errors', severity, detectionSource: 'alert', summary: '', impactStartedAt: at(14, 50), detectedAt: null });
  const events = [declare, ...steps].map(
    (s, k) => ({ id: `e${k}`, incidentId: 'INC-7', seq: k + 1, hlc: formatStamp({ wall: s.at, counter: k, node: 'test' }), actor: 'ic', ...s }) as IncidentEvent,
  );
  return replay(events)!;
}

/** Dana commands from 15:00 and hands off to Lee at 20:20; Sam helps 16:00–16:30; Dana also as responder 18:00–19:00; resolved 21:00, closed 22:00. */
export function nightOfTheRollback(severity: Severity = 'SEV1', closed = true): IncidentState {
  return incident(
    [
      step('role.assigned', at(15), { role: 'incident-commander', name: 'Dana', contact: '' }),
      step('responder.joined', at(16), { responderId: 'r1', name: 'Sam', contact: '', expertise: 'payments' }),
      step('responder.left', at(16, 30), { responderId: 'r1' }),
      step('responder.joined', at(18), { responderId: 'r2', name: 'dana ', contact: '', expertise: '' }),
      step('responder.left', at(19), { responderId: 'r2' }),
      step('role.handedOff', at(20, 20), { role: 'incident-commander', from: 'Dana', name: 'Lee', contact: '', briefing: { ...EMPTY_BRIEFING, situation: 'errors down to 2 %' } }),
      status('investigating', 'resolved', at(21)),
      ...(closed ? [status('resolved', 'closed', at(22))] : []),
    ],
    severity,
  );
}
