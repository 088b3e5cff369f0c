import { isOpen } from '../../shared/domain/incident';
import { useIncidentList } from '../store/incident-list-store';
import { openDeclareDialog } from '../store/ui-store';
import { Notice } from './Notice';

export function EmptyState() {
  const items = useIncidentList((s) => s.items);
  const loaded = useIncidentList((s) => s.loaded);
  const waiting = items.filter((item) => item.status === 'detected').length;
  const active = items.filter((item) => isOpen(item.status) && item.status !== 'detected').length;

  if (!loaded) return <Notice title="Loading incidents…" />;
  // A detection waiting for a decision is the first thing to say: it is what to do next.
  const title =
    waiting > 0
      ? `${waiting} ${waiting === 1 ? 'detection' : 'detections'} waiting for triage`
      : items.length === 0
        ? 'No incidents'
        : active > 0
          ? `${active} active ${active === 1 ? 'incident' : 'incidents'}`
          : 'No active incidents';
  return (
    <Notice title={title} testId="empty-state" level={1}>
      <p>
        {waiting > 0
          ? 'Monitoring or the on-call saw something. In the queue on the left: declare it, attach it to an incident already open, or dismiss it.'
          : items.length === 0
            ? 'Nothing has been declared on this machine. When something is on fire, declare it: the clock starts and the timeline opens.'
            : 'Pick an incident on the left, or declare a new one.'}
      </p>
      <button type="button" className="btn btn-danger" onClick={openDeclareDialog}>
        Declare incident
      </button>
    </Notice>
  );
}
