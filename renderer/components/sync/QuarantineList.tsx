import type { QuarantinedEvent } from '../../../shared/sync/sync-status';
import { formatUtc } from '../../lib/time';

/** Events from the team database that failed the checks: kept aside, never applied, listed here. */
export function QuarantineList({ events }: { events: QuarantinedEvent[] }) {
  return (
    <section className="sync-quarantine" aria-labelledby="sync-quarantine-title" data-testid="sync-quarantine">
      <h3 className="sync-section-title" id="sync-quarantine-title">
        {events.length} {events.length === 1 ? 'event' : 'events'} from the team database set aside
      </h3>
      <p className="sync-help">
        They failed this console's checks and were not applied. Nothing here is lost; show this list to whoever runs the
        team database.
      </p>
      <div className="sync-quarantine-scroll">
        <table className="sync-quarantine-table">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Event</th>
              <th scope="col">Uploaded by</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={`${event.incidentId}/${event.eventId}/${event.serverSeq}`} data-testid="sync-quarantined-event">
                <td className="sync-mono sync-nowrap">{event.incidentId}</td>
                <td className="sync-mono sync-event-id" title={`Row ${event.serverSeq} in the team database, set aside ${formatUtc(event.at)}`}>
                  {event.eventId}
                </td>
                <td className="sync-nowrap">{event.uploadedBy}</td>
                <td>{event.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
