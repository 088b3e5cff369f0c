import { CommandFailure } from '../../../shared/contract/result';
import { checkEventShape } from '../../../shared/domain/event-schema';
import type { IncidentEvent } from '../../../shared/domain/events';
import { JOURNAL_NAME } from './bundle-files';
import type { ImportedFile } from './read-import';
import { TimeSlice } from './time-slice';

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', message);
};

/**
 * The imported records as events: each of a valid shape, all of one incident, in sequence order.
 * The checks readImport made before it left event checking to its caller; record i is line i + 1.
 */
export async function checkedEvents(kind: ImportedFile['kind'], records: unknown[]): Promise<IncidentEvent[]> {
  const label = kind === 'bundle' ? `the bundle's ${JOURNAL_NAME}` : 'the scribe log';
  const slice = new TimeSlice();
  const events: IncidentEvent[] = [];
  for (const [i, record] of records.entries()) {
    const line = i + 1;
    const shape = checkEventShape(record);
    if (shape) refuse(`Line ${line} of ${label} is not a valid event (${shape}); nothing was imported.`);
    const event = record as IncidentEvent;
    const first = events[0];
    if (first && event.incidentId !== first.incidentId) refuse(`Line ${line} of ${label} belongs to another incident; nothing was imported.`);
    const prev = events.at(-1);
    if (prev && event.seq <= prev.seq) refuse(`Line ${line} of ${label} is out of order; nothing was imported.`);
    events.push(event);
    if (slice.due) await slice.pause();
  }
  return events;
}
