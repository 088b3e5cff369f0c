import type { NextStep, NextStepAction } from '../../../shared/guidance/next-steps';
import type { IncidentState } from '../../../shared/domain/incident';
import type { WarRoomDialog } from '../../store/war-room-store';

/** What a next step's button does: open one of the war room's own dialogs, show the checklist, or go to the review. */
export type StepEffect = { kind: 'dialog'; dialog: WarRoomDialog } | { kind: 'checklist' } | { kind: 'review' } | { kind: 'responders' };

/**
 * The existing dialog (or place) each action means, so a step opens exactly what a person would
 * open by hand. Null when what it names is gone (a workstream closed since), so the button is off.
 */
export function stepEffect(action: NextStepAction, incident: Pick<IncidentState, 'roles' | 'workstreams' | 'status'>): StepEffect | null {
  switch (action.kind) {
    case 'declare':
      return incident.status === 'detected' ? { kind: 'dialog', dialog: { kind: 'promote' } } : null;
    case 'assign-role':
      return { kind: 'dialog', dialog: { kind: 'assign', role: action.role } };
    case 'draft-update':
      return { kind: 'dialog', dialog: { kind: 'draft', draftKind: action.audience } };
    case 'set-severity':
      return { kind: 'dialog', dialog: { kind: 'severity' } };
    case 'check-in-workstream': {
      const workstream = incident.workstreams.find((w) => w.id === action.workstreamId);
      return workstream ? { kind: 'dialog', dialog: { kind: 'workstream-update', workstream } } : null;
    }
    case 'resolve':
      return { kind: 'dialog', dialog: { kind: 'status', to: 'resolved' } };
    case 'decide-review':
      return { kind: 'review' };
    case 'handoff-role': {
      // A long shift of someone holding no role (a responder) has no handoff dialog to open.
      const role = action.role;
      return role && incident.roles[role] ? { kind: 'dialog', dialog: { kind: 'handoff', role } } : null;
    }
    case 'open-checklist':
      return { kind: 'checklist' };
    case 'open-responders':
      return { kind: 'responders' };
  }
}

/** Alt+N does the step at the top of the list: the one thing to do next. */
export const TOP_STEP_KEYS = ['Alt', 'N'] as const;
export const TOP_STEP_ARIA = 'Alt+N';
/** The war room's own chord for drafting the internal update (see draft-shortcut). */
const DRAFT_INTERNAL = ['Alt', 'I'] as const;

export interface StepKey {
  keys: readonly string[];
  aria: string;
}

/** The key printed on a step's button: Alt+N on the top step, else the action's own chord if it has one. */
export function stepKey(step: Pick<NextStep, 'action'>, position: number, mac = false): StepKey | null {
  const alt = mac ? '⌥' : 'Alt';
  if (position === 0) return { keys: [alt, TOP_STEP_KEYS[1]], aria: TOP_STEP_ARIA };
  if (step.action.kind === 'draft-update' && step.action.audience === 'internal') return { keys: [alt, DRAFT_INTERNAL[1]], aria: 'Alt+I' };
  return null;
}

/** The empty panel still says when the next thing is due, so it never reads as "broken" at 3 AM. */
export function quietLine(nextInternalDue: number | null, now: number, format: (ms: number) => string): string {
  if (nextInternalDue === null) return 'Nothing pressing.';
  const left = nextInternalDue - now;
  return left >= 0 ? `Nothing pressing — next internal update in ${format(left)}` : 'Nothing pressing.';
}
