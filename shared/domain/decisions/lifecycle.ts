import type { ParsedInput } from '../../contract/contract';
import { CommandFailure } from '../../contract/result';
import type { EventDraft } from '../events';
import type { IncidentState } from '../incident';
import { checkMove } from '../lifecycle';
import { type DecisionContext, refuse, requireNotFuture, requireOpen } from './context';

type In<K extends LifecycleCommand> = ParsedInput<K>;
type LifecycleCommand =
  | 'incident.promote'
  | 'incident.dismiss'
  | 'incident.setStatus'
  | 'incident.setSeverity'
  | 'incident.setTime'
  | 'incident.update';

export function promote(state: IncidentState, input: In<'incident.promote'>): EventDraft[] {
  if (state.status !== 'detected') refuse('This incident is already declared.');
  return [{ type: 'incident.promoted', payload: { severity: input.severity ?? state.severity, reason: input.reason } }];
}

export function dismiss(state: IncidentState, input: In<'incident.dismiss'>): EventDraft[] {
  if (state.status !== 'detected') refuse('Only an incident that was detected and not declared can be dismissed.');
  return [{ type: 'incident.dismissed', payload: { outcome: input.outcome, reason: input.reason } }];
}

export function setStatus(state: IncidentState, input: In<'incident.setStatus'>, ctx: DecisionContext): EventDraft[] {
  const move = checkMove(state.status, input.status);
  if (!move.ok) refuse(move.reason);
  if (input.status === 'closed' && input.reviewNeeded === undefined) {
    throw new CommandFailure('INVALID_INPUT', 'Say whether a post-incident review is needed before closing.');
  }
  if (input.at !== undefined) {
    if (input.status !== 'mitigated') throw new CommandFailure('INVALID_INPUT', 'A time can be given only when marking the incident mitigated.');
    requireNotFuture(input.at, ctx, 'The mitigation time');
  }
  const ending = !move.reopen && (input.status === 'resolved' || input.status === 'closed');
  return [
    {
      type: 'incident.statusChanged',
      payload: {
        from: state.status,
        to: input.status,
        reason: input.reason,
        reviewNeeded: input.status === 'closed' ? (input.reviewNeeded ?? null) : null,
        ...(input.at === undefined ? {} : { at: input.at }),
      },
    },
    ...(ending && input.closeWorkstreams ? closeOpenWorkstreams(state) : []),
  ];
}

/** The response is over: each open workstream is done and its check-in cleared, on the record. */
function closeOpenWorkstreams(state: IncidentState): EventDraft[] {
  return state.workstreams
    .filter((w) => w.status !== 'done')
    .map((w) => ({ type: 'workstream.updated', payload: { workstreamId: w.id, changes: { status: 'done', checkInAt: null } } }));
}

export function setSeverity(state: IncidentState, input: In<'incident.setSeverity'>): EventDraft[] {
  requireOpen(state, 'change its severity');
  if (state.severity === input.severity) refuse(`The incident is already ${input.severity}.`);
  return [{ type: 'incident.severityChanged', payload: { from: state.severity, to: input.severity, reason: input.reason } }];
}

export function setTime(state: IncidentState, input: In<'incident.setTime'>, ctx: DecisionContext): EventDraft[] {
  requireNotFuture(input.at, ctx, 'That time');
  const previous = state.timestamps[input.field];
  if (previous === input.at) refuse('That time is already set.');
  return [{ type: 'incident.timeSet', payload: { field: input.field, value: input.at, previous, reason: input.reason } }];
}

export function update(state: IncidentState, input: In<'incident.update'>): EventDraft[] {
  const payload: { title?: string; summary?: string; tags?: string[]; publicImpact?: string } = {};
  if (input.title !== undefined && input.title !== state.title) payload.title = input.title;
  if (input.summary !== undefined && input.summary !== state.summary) payload.summary = input.summary;
  if (input.publicImpact !== undefined && input.publicImpact !== (state.publicImpact ?? '')) payload.publicImpact = input.publicImpact;
  if (input.tags !== undefined) {
    const tags = [...new Set(input.tags)];
    if (tags.join('\u0000') !== state.tags.join('\u0000')) payload.tags = tags;
  }
  if (Object.keys(payload).length === 0) refuse('Nothing to change.');
  return [{ type: 'incident.edited', payload }];
}
