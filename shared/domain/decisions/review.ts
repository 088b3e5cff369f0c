import type { ParsedInput } from '../../contract/contract';
import { CommandFailure } from '../../contract/result';
import type { EventDraft } from '../events';
import type { ActionItem, IncidentState, PostMortem } from '../incident';
import { entryIndex } from '../reduce-helpers';
import { type DecisionContext, refuse } from './context';

export function editPostMortem(state: IncidentState, input: ParsedInput<'postmortem.update'>): EventDraft[] {
  const { incidentId: _, timelineEdit, ...fields } = input;
  const changes: Partial<Omit<PostMortem, 'updatedAt'>> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
  }
  if (timelineEdit) {
    if (entryIndex(state, timelineEdit.entryId) < 0) throw new CommandFailure('NOT_FOUND', 'No such entry on this timeline.');
    changes.timelineEdits = { [timelineEdit.entryId]: { included: timelineEdit.included, annotation: timelineEdit.annotation } };
  }
  if (Object.keys(changes).length === 0) refuse('Nothing to change.');
  return [{ type: 'postmortem.edited', payload: { changes } }];
}

export function addAction(_: IncidentState, input: ParsedInput<'action.add'>, ctx: DecisionContext): EventDraft[] {
  const item: Omit<ActionItem, 'createdAt'> = {
    id: ctx.newId(),
    title: input.title,
    owner: input.owner,
    dueDate: input.dueDate,
    priority: input.priority,
    status: 'open',
    link: input.link,
  };
  return [{ type: 'action.added', payload: { item } }];
}

export function updateAction(state: IncidentState, input: ParsedInput<'action.update'>): EventDraft[] {
  const { incidentId: _, actionId, ...fields } = input;
  if (!state.actionItems.some((a) => a.id === actionId)) throw new CommandFailure('NOT_FOUND', 'No such action item.');
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) refuse('Nothing to change.');
  return [{ type: 'action.updated', payload: { actionId, changes } }];
}
