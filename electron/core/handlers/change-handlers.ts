import type { CommandAck, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import * as checklist from '../../../shared/domain/decisions/checklist';
import * as clocks from '../../../shared/domain/decisions/clocks';
import * as lifecycle from '../../../shared/domain/decisions/lifecycle';
import * as review from '../../../shared/domain/decisions/review';
import * as roles from '../../../shared/domain/decisions/roles';
import * as work from '../../../shared/domain/decisions/work';
import type { DecisionContext } from '../../../shared/domain/decisions/context';
import type { EventDraft, IncidentEvent } from '../../../shared/domain/events';
import type { ActionItem, IncidentState, Responder, Severity, TimelineEntry, Workstream } from '../../../shared/domain/incident';
import { newEventId } from '../ids';
import { commitEvents, nowFor, type HandlerContext } from './context';

type Decide<I> = (state: IncidentState, input: I, ctx: DecisionContext) => EventDraft[];

/**
 * Decide on the current state and commit in the same turn of the event loop, so no other
 * command can slip in between a decision and the events it made.
 */
async function decideAndCommit<I extends { incidentId: string }>(
  ctx: HandlerContext,
  input: I,
  decide: Decide<I>,
): Promise<{ state: IncidentState; events: IncidentEvent[] }> {
  const log = await ctx.registry.get(input.incidentId);
  const state = log.state;
  if (!state) throw new CommandFailure('NOT_FOUND', `No incident ${input.incidentId} on this machine.`);
  const drafts = decide(state, input, { now: nowFor(ctx, state), newId: newEventId, actor: ctx.actor(), settings: ctx.settings.read() });
  // A decision with nothing to record (a save of what is already there) writes nothing.
  const events = drafts.length === 0 ? [] : await commitEvents(ctx, log, input.incidentId, drafts);
  return { state: log.state ?? state, events };
}

/** A change whose answer is just where it landed. */
function change<I extends { incidentId: string }>(decide: Decide<I>) {
  return async (ctx: HandlerContext, input: I): Promise<CommandAck> => {
    const { state, events } = await decideAndCommit(ctx, input, decide);
    return { incidentId: input.incidentId, seq: events.at(-1)?.seq ?? state.lastSeq };
  };
}

/** Declaring, and changing severity once declared, puts the severity's cadence and escalation policy in force. */
const withPolicy =
  <I extends { incidentId: string }>(decide: Decide<I>, severityOf: (state: IncidentState, input: I) => Severity): Decide<I> =>
  (state, input, ctx) => {
    const drafts = decide(state, input, ctx);
    if (state.status === 'detected' && drafts[0]?.type !== 'incident.promoted') return drafts;
    const severity = severityOf(state, input);
    return [...drafts, ...clocks.policyDrafts(ctx.settings, severity, `${severity} policy`, { state, now: ctx.now })];
  };

export const promoteIncident = change(withPolicy(lifecycle.promote, (s, i) => i.severity ?? s.severity));
export const dismissIncident = change(lifecycle.dismiss);
export const setStatus = change(lifecycle.setStatus);
export const setSeverity = change(withPolicy(lifecycle.setSeverity, (_, i) => i.severity));
export const setCadence = change(clocks.setCadence);
export const acknowledge = change(clocks.acknowledge);
export const tickChecklist = change(checklist.tickChecklist);
export const pageExpert = change(clocks.pageExpert);
export const approveUpdate = change(clocks.approveUpdate);
export const sendUpdate = change(clocks.sendUpdate);
export const editPostMortem = change(review.editPostMortem);
export const updateAction = change(review.updateAction);
export const setTime = change(lifecycle.setTime);
export const updateIncident = change(lifecycle.update);
export const assignRole = change(roles.assign);
export const handOffRole = change(roles.handOff);
export const releaseRole = change(roles.release);
export const removeResponder = change(roles.removeResponder);
export const updateWorkstream = change(work.updateWorkstream);
export const amendEntry = change(work.amendEntry);
export const strikeEntry = change(work.strikeEntry);
export const pinEntry = change(work.pinEntry);

export async function addResponder(ctx: HandlerContext, input: ParsedInput<'responder.add'>): Promise<Responder> {
  const { state, events } = await decideAndCommit(ctx, input, roles.addResponder);
  const id = (events[0]!.payload as { responderId: string }).responderId;
  return found(state.responders.find((r) => r.id === id));
}

export async function addAction(ctx: HandlerContext, input: ParsedInput<'action.add'>): Promise<ActionItem> {
  const { state, events } = await decideAndCommit(ctx, input, review.addAction);
  const id = (events[0]!.payload as { item: { id: string } }).item.id;
  return found(state.actionItems.find((a) => a.id === id));
}

export async function openWorkstream(ctx: HandlerContext, input: ParsedInput<'workstream.open'>): Promise<Workstream> {
  const { state, events } = await decideAndCommit(ctx, input, work.openWorkstream);
  const id = (events[0]!.payload as { workstreamId: string }).workstreamId;
  return found(state.workstreams.find((w) => w.id === id));
}

export async function logEntry(ctx: HandlerContext, input: ParsedInput<'timeline.log'>): Promise<TimelineEntry> {
  const { state, events } = await decideAndCommit(ctx, input, work.logEntry);
  const eventId = events[0]!.id;
  return found(state.timeline.findLast((e) => e.eventId === eventId));
}

function found<T>(value: T | undefined): T {
  if (value === undefined) throw new CommandFailure('INTERNAL', 'The change was written but is not in the state.');
  return value;
}
