import type { IncidentListItem, IncidentView, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import { policyDrafts } from '../../../shared/domain/decisions/clocks';
import { FUTURE_SLACK_MS } from '../../../shared/domain/decisions/context';
import type { EventDraft } from '../../../shared/domain/events';
import { isKnownOperator } from '../../../shared/domain/operator';
import { newIncidentId } from '../ids';
import { commitEvents, type HandlerContext, viewOf } from './context';

export function declareIncident(ctx: HandlerContext, input: ParsedInput<'incident.declare'>): Promise<IncidentView> {
  return openIncident(ctx, input, 'incident.declared');
}

export function detectIncident(ctx: HandlerContext, input: ParsedInput<'incident.detect'>): Promise<IncidentView> {
  return openIncident(ctx, { ...input, operatorIsIc: false }, 'incident.detected');
}

async function openIncident(
  ctx: HandlerContext,
  input: ParsedInput<'incident.declare'>,
  type: 'incident.declared' | 'incident.detected',
): Promise<IncidentView> {
  for (const at of [input.impactStartedAt, input.detectedAt]) {
    if (at !== undefined && at > ctx.now() + FUTURE_SLACK_MS) throw new CommandFailure('INVALID_INPUT', 'A time given is in the future.');
  }
  const commander = input.operatorIsIc ? operatorAsCommander(ctx) : [];
  let incidentId = newIncidentId(ctx.now());
  while (ctx.registry.has(incidentId)) incidentId = newIncidentId(ctx.now());
  const log = await ctx.registry.create(incidentId);
  try {
    const declared = type === 'incident.declared';
    await commitEvents(ctx, log, incidentId, [
      {
        type,
        payload: {
          title: input.title,
          severity: input.severity,
          detectionSource: input.detectionSource,
          summary: input.summary,
          impactStartedAt: input.impactStartedAt ?? null,
          detectedAt: input.detectedAt ?? null,
        },
      },
      ...(declared ? policyDrafts(ctx.settings.read(), input.severity, `${input.severity} policy`) : []),
      ...commander,
    ]);
  } catch (error) {
    ctx.registry.discard(incidentId);
    throw error;
  }
  // With team sync on, an incident is the team's unless the declarer kept it here.
  if (ctx.sync.on && input.share !== false) await ctx.sync.share(incidentId);
  return viewOf(log, ctx.sync.isShared(incidentId));
}

/** "I am the IC" at declaration: the role goes to whoever this console says is at the keyboard. */
function operatorAsCommander(ctx: HandlerContext): EventDraft[] {
  const name = ctx.actor();
  if (!isKnownOperator(name)) {
    throw new CommandFailure('CONFLICT', 'Nobody has said who is at this console, so nobody can be made IC: say who you are, or declare without taking IC.');
  }
  return [{ type: 'role.assigned', payload: { role: 'incident-commander', name, contact: ctx.settings.read().operatorContact } }];
}

export function listIncidents(ctx: HandlerContext): IncidentListItem[] {
  // Closed incidents not opened answer from their summaries: the list never opens a journal.
  return ctx.registry
    .cardsOfAll()
    .map((card) => ({ ...card, shared: ctx.sync.isShared(card.id) }))
    .sort((a, b) => (b.declaredAt ?? b.updatedAt) - (a.declaredAt ?? a.updatedAt));
}

export async function getIncident(ctx: HandlerContext, input: ParsedInput<'incident.get'>): Promise<IncidentView> {
  const log = await ctx.registry.get(input.incidentId);
  // A late event from a teammate is being put in its place: answer with the state in order.
  await log.settled();
  return viewOf(log, ctx.sync.isShared(log.state?.id ?? input.incidentId));
}

export async function recoverJournal(ctx: HandlerContext, input: ParsedInput<'journal.recover'>): Promise<IncidentView> {
  const log = await ctx.registry.recover(input.incidentId);
  return viewOf(log, ctx.sync.isShared(log.state?.id ?? input.incidentId));
}
