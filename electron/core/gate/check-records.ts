import { CommandFailure } from '../../../shared/contract/result';
import { type MaybeStamped, parseEvent, stampInOrder } from '../../../shared/domain/event-schema';
import type { IncidentEvent } from '../../../shared/domain/events';
import { createYielder } from './yielder';

/** At most this many events in one file: far above a real incident, far below memory trouble. */
export const MAX_IMPORTED_EVENTS = 2_000_000;

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', `${message}; nothing was imported.`);
};

const isOpening = (event: { type: string }) => event.type === 'incident.declared' || event.type === 'incident.detected';

/**
 * The records of one file, each rebuilt by the strict event schema (what is kept is the parsed
 * output, never the raw object), all of one incident, in the order they were written, each id
 * once, and an opening only as the very first event. The first problem refuses the whole file.
 */
export async function checkRecords(records: readonly unknown[], label: string): Promise<IncidentEvent[]> {
  if (records.length === 0) refuse(`${label} holds no events`);
  if (records.length > MAX_IMPORTED_EVENTS) refuse(`${label} has more than ${MAX_IMPORTED_EVENTS.toLocaleString('en')} events`);
  const giveWay = createYielder();
  const events: MaybeStamped[] = [];
  const ids = new Set<string>();
  for (const [i, record] of records.entries()) {
    const where = `Line ${i + 1} of ${label}`;
    const parsed = parseEvent(record);
    if (!parsed.ok) return refuse(`${where} is not a valid event (${parsed.reason})`);
    const event = parsed.event;
    const first = events[0];
    if (first && event.incidentId !== first.incidentId) refuse(`${where} belongs to another incident (${event.incidentId}, not ${first.incidentId})`);
    const prev = events.at(-1);
    if (prev && event.seq <= prev.seq) refuse(`${where} is out of order`);
    if (ids.has(event.id)) refuse(`${where} repeats the event id ${event.id}`);
    if (first && isOpening(event)) refuse(`${where} opens the incident a second time`);
    ids.add(event.id);
    events.push(event);
    await giveWay();
  }
  // Files written before stamps existed get them from their order.
  const stamped = stampInOrder(events);
  return stamped;
}

export { isOpening };
