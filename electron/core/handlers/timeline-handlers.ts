import type { ParsedInput } from '../../../shared/contract/contract';
import type { TimelineEntry } from '../../../shared/domain/incident';
import { CommandFailure } from '../../../shared/contract/result';
import { newEventId } from '../ids';
import { commitEvents, type HandlerContext } from './context';

export async function logEntry(ctx: HandlerContext, input: ParsedInput<'timeline.log'>): Promise<TimelineEntry> {
  const log = await ctx.registry.get(input.incidentId);
  const entryId = newEventId();
  const [event] = await commitEvents(ctx, log, input.incidentId, [
    {
      type: 'timeline.logged',
      payload: { entryId, text: input.text, kind: input.kind, occurredAt: input.occurredAt ?? ctx.now() },
    },
  ]);
  const entry = log.state?.timeline.findLast((e) => e.eventId === event!.id);
  if (!entry) throw new CommandFailure('INTERNAL', 'The entry was written but is not on the timeline.');
  return entry;
}
