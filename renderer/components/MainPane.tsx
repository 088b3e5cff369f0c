import { useConnection } from '../store/connection-store';
import { useOpenIncident } from '../store/open-incident-store';
import { EmptyState } from './EmptyState';
import { IncidentScreen } from './IncidentScreen';
import { Notice } from './Notice';

export function MainPane() {
  const connection = useConnection((s) => s.state);
  const everOpened = useConnection((s) => s.everOpened);
  const incidentId = useOpenIncident((s) => s.incidentId);
  const incident = useOpenIncident((s) => s.incident);
  const error = useOpenIncident((s) => s.error);

  if (connection === 'closed' && !everOpened) {
    return (
      <Notice tone="danger" title="Cannot reach the engine" testId="offline-notice">
        The connection was refused or the host is not running. Open the link the host printed when it started; this
        page keeps trying in the background.
      </Notice>
    );
  }
  if (incident && incident.id === incidentId) return <IncidentScreen incident={incident} />;
  if (incidentId === null) return <EmptyState />;
  if (error) {
    const title = error.code === 'NOT_FOUND' ? 'No such incident on this machine' : 'Could not open this incident';
    return (
      <Notice tone="danger" title={title}>
        {error.message}
      </Notice>
    );
  }
  return <Notice title="Opening incident…" />;
}
