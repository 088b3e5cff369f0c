import type { ParsedInput } from '../../contract/contract';
import { CommandFailure } from '../../contract/result';
import type { EventDraft } from '../events';
import type { ActionItem, IncidentState, PostMortem } from '../incident';
import { entryIndex } from '../reduce-helpers';
import { includedByDefault } from '../review/review-timeline';
import type { DecisionContext } from './context';

export function editPostMortem(state: IncidentState, input: ParsedInput<'postmortem.update'>): EventDraft[] {
  const { incidentId: _, timelineEdit, ...fields } = input;
  const pm = state.postmortem;
  const changes: Partial<Omit<PostMortem, 'updatedAt'>> = {};
  // Only what differs from the post-mortem as it stands: saving an unchanged field writes nothing.
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(pm[key as keyof PostMortem])) {
      (changes as Record<string, unknown>)[key] = value;
    }
  }
  if (timelineEdit) {
    const index = entryIndex(state, timelineEdit.entryId);
    const entry = state.timeline[index];
    if (!entry) throw new CommandFailure('NOT_FOUND', 'No such entry on this timeline.');
    const current = pm.timelineEdits[entry.id] ?? { included: includedByDefault(entry), annotation: '' };
    const next = { included: timelineEdit.included ?? current.included, annotation: timelineEdit.annotation ?? current.annotation };
    if (next.included !== current.included || next.annotation !== current.annotation || !pm.timelineEdits[entry.id]) {
      changes.timelineEdits = { [entry.id]: next };
    }
  }
  // An editor that saves as you type may save what is already there: that is not an error.
  if (Object.keys(changes).length === 0) return [];
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
  const item = state.actionItems.find((a) => a.id === actionId);
  if (!item) throw new CommandFailure('NOT_FOUND', 'No such action item.');
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== undefined && value !== item[key as keyof ActionItem]),
  );
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'action.updated', payload: { actionId, changes } }];
}
