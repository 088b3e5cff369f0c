import type { EventDraft } from '../events';
import type { IncidentState } from '../incident';
import { requireOpen } from './context';

/** Ticking an item logs it on the timeline, so the debrief and the post-mortem see it; the same tick twice writes nothing. */
export function tickChecklist(state: IncidentState, input: { incidentId: string; item: string; done: boolean }): EventDraft[] {
  requireOpen(state, 'tick the checklist');
  const current = state.checklist.find((t) => t.item === input.item);
  if ((current?.done ?? false) === input.done) return [];
  return [{ type: 'checklist.ticked', payload: { item: input.item, done: input.done } }];
}
