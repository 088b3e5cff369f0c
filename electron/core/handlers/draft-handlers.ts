import type { ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import { type ComposedDraft, composeDraft } from '../../../shared/domain/drafts/compose';
import { type ExportedDraft, exportDraft } from '../../../shared/domain/drafts/export';
import type { IncidentState } from '../../../shared/domain/incident';
import { zoneOf } from '../../../shared/time/zone';
import { nowFor, type HandlerContext } from './context';

async function stateOf(ctx: HandlerContext, incidentId: string): Promise<IncidentState> {
  const state = (await ctx.registry.get(incidentId)).state;
  if (!state) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
  return state;
}

export async function composeUpdate(ctx: HandlerContext, input: ParsedInput<'update.compose'>): Promise<ComposedDraft> {
  const settings = ctx.settings.read();
  const state = await stateOf(ctx, input.incidentId);
  return composeDraft(state, input.kind, settings.templates[input.kind], nowFor(ctx, state), zoneOf(settings), input.extras);
}

export async function exportUpdate(ctx: HandlerContext, input: ParsedInput<'update.export'>): Promise<ExportedDraft> {
  const state = await stateOf(ctx, input.incidentId);
  return exportDraft(state, input.kind, input.body, input.format, nowFor(ctx, state), zoneOf(ctx.settings.read()));
}
