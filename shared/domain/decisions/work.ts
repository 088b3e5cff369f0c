import type { ParsedInput } from '../../contract/contract';
import { CommandFailure } from '../../contract/result';
import type { EventDraft, WorkstreamChanges } from '../events';
import { isScribeKind, type IncidentState, type TimelineEntry } from '../incident';
import { entryIndex } from '../reduce-helpers';
import { type DecisionContext, refuse, requireNotFuture, requireOpen } from './context';

export function openWorkstream(state: IncidentState, input: ParsedInput<'workstream.open'>, ctx: DecisionContext): EventDraft[] {
  requireOpen(state, 'open workstreams');
  checkInWithinADay(input.checkInAt, ctx);
  return [
    {
      type: 'workstream.opened',
      payload: {
        workstreamId: ctx.newId(),
        title: input.title,
        kind: input.kind,
        owner: input.owner,
        nextStep: input.nextStep,
        checkInAt: input.checkInAt,
      },
    },
  ];
}

export function updateWorkstream(state: IncidentState, input: ParsedInput<'workstream.update'>, ctx: DecisionContext): EventDraft[] {
  requireOpen(state, 'update workstreams');
  const ws = state.workstreams.find((w) => w.id === input.workstreamId);
  if (!ws) throw new CommandFailure('NOT_FOUND', 'No such workstream on this incident.');
  const changes: WorkstreamChanges = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.owner !== undefined) changes.owner = input.owner;
  if (input.status !== undefined) changes.status = input.status;
  if (input.nextStep !== undefined) changes.nextStep = input.nextStep;
  if (input.checkInAt !== undefined) {
    checkInWithinADay(input.checkInAt, ctx);
    changes.checkInAt = input.checkInAt;
  }
  // An update with no change is still a report: the workstream checked in.
  return [{ type: 'workstream.updated', payload: { workstreamId: ws.id, changes } }];
}

export function logEntry(state: IncidentState, input: ParsedInput<'timeline.log'>, ctx: DecisionContext): EventDraft[] {
  return [newEntry(state, input, ctx)];
}

/** A scribe's new line as `timeline.log` files it (also the entry a file pasted with a line is logged on). */
export type NewEntry = Omit<ParsedInput<'timeline.log'>, 'incidentId'>;

export function newEntry(state: IncidentState, entry: NewEntry, ctx: DecisionContext): Extract<EventDraft, { type: 'timeline.logged' }> {
  requireNotFuture(entry.occurredAt, ctx, 'The entry time');
  if (entry.workstreamId && !state.workstreams.some((w) => w.id === entry.workstreamId)) {
    throw new CommandFailure('NOT_FOUND', 'No such workstream on this incident.');
  }
  return {
    type: 'timeline.logged',
    payload: {
      entryId: ctx.newId(),
      text: entry.text,
      kind: entry.kind,
      occurredAt: entry.occurredAt ?? ctx.now,
      attribution: entry.attribution || null,
      workstreamId: entry.workstreamId,
    },
  };
}

function checkInWithinADay(at: number | null, ctx: DecisionContext): void {
  if (at !== null && at > ctx.now + 24 * 3_600_000) {
    throw new CommandFailure('INVALID_INPUT', 'A check-in more than a day away is not a check-in.');
  }
}

function scribeEntry(state: IncidentState, entryId: string): TimelineEntry {
  const entry = state.timeline[entryIndex(state, entryId)];
  if (!entry) throw new CommandFailure('NOT_FOUND', 'No such entry on this timeline.');
  return entry;
}

export function amendEntry(state: IncidentState, input: ParsedInput<'timeline.amend'>): EventDraft[] {
  const entry = scribeEntry(state, input.entryId);
  if (!isScribeKind(entry.kind)) refuse('System, alert and drill-inject lines are written by the engine and cannot be amended.');
  if (entry.struck) refuse('This entry is struck; log a new one instead.');
  const kind = input.kind ?? entry.kind;
  if (input.text === entry.text && kind === entry.kind) refuse('The amendment changes nothing.');
  return [{ type: 'timeline.amended', payload: { entryId: entry.id, text: input.text, kind } }];
}

export function strikeEntry(state: IncidentState, input: ParsedInput<'timeline.strike'>): EventDraft[] {
  const entry = scribeEntry(state, input.entryId);
  if (entry.kind === 'system') refuse('System entries cannot be struck.');
  if (entry.struck) refuse('This entry is already struck.');
  return [{ type: 'timeline.struck', payload: { entryId: entry.id, reason: input.reason } }];
}

export function pinEntry(state: IncidentState, input: ParsedInput<'timeline.pin'>): EventDraft[] {
  const entry = scribeEntry(state, input.entryId);
  if (entry.pinned === input.pinned) refuse(input.pinned ? 'Already pinned.' : 'Not pinned.');
  return [{ type: 'timeline.pinned', payload: { entryId: entry.id, pinned: input.pinned } }];
}
