import type { CommandAck, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { EventDraft } from '../../../shared/domain/events';
import { commitEvents, type HandlerContext } from '../handlers/context';
import { inIntakeOrder } from './ingest';

/**
 * Triage's third answer: this detection is part of an incident already open. Its alerts (as now
 * known) go to that incident, so the group's later notifications go there too, and the detection
 * closes as `attached`. The target is written first: a crash in between leaves the alerts in
 * both, and attaching again adds nothing to the target and closes the detection.
 */
export function attachDetection(ctx: HandlerContext, input: ParsedInput<'incident.attach'>): Promise<CommandAck> {
  return inIntakeOrder(ctx, () => attachNow(ctx, input));
}

async function attachNow(ctx: HandlerContext, input: ParsedInput<'incident.attach'>): Promise<CommandAck> {
  const detection = await ctx.registry.get(input.incidentId);
  const target = await ctx.registry.get(input.to);
  const from = detection.state;
  const to = target.state;
  if (!from || !to) throw new CommandFailure('NOT_FOUND', 'No such incident on this machine.');
  if (from.id === to.id) throw new CommandFailure('CONFLICT', 'A detection cannot be attached to itself.');
  if (from.status !== 'detected') throw new CommandFailure('CONFLICT', 'Only a detection waiting for triage can be attached.');
  if (to.status === 'closed' || to.status === 'detected') throw new CommandFailure('CONFLICT', 'Attach it to a declared incident that is still open.');
  const known = new Set(to.alerts.map((a) => `${a.key} ${a.digest}`));
  const alerts: EventDraft[] = from.alerts
    .filter((a) => !known.has(`${a.key} ${a.digest}`))
    .map((a) => ({ type: 'alert.received', payload: { alert: a.alert } }));
  if (alerts.length > 0) await commitEvents(ctx, target, to.id, alerts);
  const events = await commitEvents(ctx, detection, from.id, [
    { type: 'incident.dismissed', payload: { outcome: 'attached', reason: `attached to ${to.id}: ${to.title}` } },
  ]);
  return { incidentId: from.id, seq: events.at(-1)!.seq };
}
