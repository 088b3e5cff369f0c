import type { CommandAck, ParsedInput, SyncSettingsView, SyncTestAnswer } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import { settleConflict as decideSettle } from '../../../shared/domain/decisions/conflicts';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { commitEvents, type HandlerContext } from './context';

export function syncStatus(ctx: HandlerContext): SyncStatus {
  return ctx.sync.status();
}

export async function syncSettings(ctx: HandlerContext): Promise<SyncSettingsView> {
  const saved = await ctx.sync.savedConfig();
  const consoleId = ctx.sync.status().consoleId;
  return saved ? { ...saved, consoleId } : { url: '', team: '', enabled: false, hasPassword: false, fromCommandLine: false, consoleId };
}

export function configureSync(ctx: HandlerContext, input: ParsedInput<'sync.configure'>): Promise<SyncStatus> {
  return ctx.sync.configure(input);
}

export function testSync(ctx: HandlerContext, input: ParsedInput<'sync.test'>): Promise<SyncTestAnswer> {
  return ctx.sync.test(input);
}

export async function shareIncident(ctx: HandlerContext, input: ParsedInput<'incident.share'>): Promise<CommandAck> {
  const log = await ctx.registry.get(input.incidentId);
  if (!log.state) throw new CommandFailure('NOT_FOUND', `No incident ${input.incidentId} on this machine.`);
  await ctx.sync.share(log.state.id);
  return { incidentId: log.state.id, seq: log.nextSeq - 1 };
}

export async function settleConflict(ctx: HandlerContext, input: ParsedInput<'conflict.settle'>): Promise<CommandAck> {
  const log = await ctx.registry.get(input.incidentId);
  await log.settled();
  const state = log.state;
  if (!state) throw new CommandFailure('NOT_FOUND', `No incident ${input.incidentId} on this machine.`);
  const drafts = decideSettle(state, input);
  const events = await commitEvents(ctx, log, input.incidentId, drafts);
  return { incidentId: input.incidentId, seq: events.at(-1)?.seq ?? log.nextSeq - 1 };
}
