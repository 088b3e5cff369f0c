import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

// The review is written after the fact: its edits change the post-mortem, not the timeline.

export function editPostMortem(state: IncidentState, event: Of<'postmortem.edited'>): void {
  const { timelineEdits, ...rest } = event.payload.changes;
  state.postmortem = {
    ...state.postmortem,
    ...rest,
    timelineEdits: timelineEdits ? { ...state.postmortem.timelineEdits, ...timelineEdits } : state.postmortem.timelineEdits,
    updatedAt: event.at,
  };
}

export function addAction(state: IncidentState, event: Of<'action.added'>): void {
  if (state.actionItems.some((a) => a.id === event.payload.item.id)) return;
  state.actionItems = [...state.actionItems, { ...event.payload.item, createdAt: event.at }];
}

export function updateAction(state: IncidentState, event: Of<'action.updated'>): void {
  state.actionItems = state.actionItems.map((a) => (a.id === event.payload.actionId ? { ...a, ...event.payload.changes } : a));
}
