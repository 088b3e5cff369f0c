import type { EventDraft } from '../events';
import { type IncidentState, SEVERITIES, type Severity, STATUSES, type IncidentStatus } from '../incident';
import { refuse } from './context';

export interface SettleInput {
  conflictId: string;
  /** Another value to set; absent (or the value in force) confirms what the order chose. */
  value?: string | undefined;
}

/**
 * The IC's one action on a conflict: confirm the value in force, or set another. Either way the
 * conflict is settled for every console; a change is an ordinary change made with it.
 */
export function settleConflict(state: IncidentState, input: SettleInput): EventDraft[] {
  const conflict = state.conflicts.find((c) => c.id === input.conflictId);
  if (!conflict) refuse('There is no such conflict on this incident.');
  if (conflict.settled) refuse(`That conflict was already settled by ${conflict.settled.by}.`);
  const field = conflict.field;
  const current = field === 'severity' ? state.severity : state.status;
  const value = input.value ?? current;
  if (field === 'severity' && !(SEVERITIES as readonly string[]).includes(value)) refuse(`${value} is not a severity.`);
  if (field === 'status' && !(STATUSES as readonly string[]).includes(value)) refuse(`${value} is not a status.`);
  const drafts: EventDraft[] = [];
  if (value !== current) {
    drafts.push(
      field === 'severity'
        ? { type: 'incident.severityChanged', payload: { from: current as Severity, to: value as Severity, reason: 'conflict settled' } }
        : {
            type: 'incident.statusChanged',
            payload: { from: current as IncidentStatus, to: value as IncidentStatus, reason: 'conflict settled', reviewNeeded: value === 'closed' ? (state.reviewNeeded ?? true) : null },
          },
    );
  }
  drafts.push({ type: 'conflict.settled', payload: { conflictId: conflict.id, field, value } });
  return drafts;
}
