import type { IncidentView } from '../../shared/contract/contract';
import { openDialog } from '../store/war-room-store';
import { DetectedStatus } from './war-room/DetectedActions';
import { EditableTitle } from './war-room/EditableTitle';
import { ResponseFigures, SinceImpact } from './war-room/HeaderClocks';
import { HeaderTools } from './war-room/HeaderTools';
import { LifecycleStepper } from './war-room/LifecycleStepper';
import { SEVERITY_MEANING } from './SeverityChip';
import { ShareControl } from './sync/ShareControl';
import { SyncIndicator } from './sync/SyncIndicator';

function Outcome({ incident }: { incident: IncidentView }) {
  if (incident.dismissed) {
    const outcome = incident.dismissed.outcome;
    const what = outcome === 'false-alarm' ? 'Dismissed as a false alarm' : outcome === 'attached' ? 'Attached to an open incident' : 'Resolved by on-call (minor)';
    return (
      <span className="outcome" data-testid="incident-outcome">
        {what}
        {incident.dismissed.reason ? ` — ${incident.dismissed.reason}` : ''}
      </span>
    );
  }
  if (incident.status === 'closed' && incident.reviewNeeded !== null) {
    return (
      <span className={`outcome${incident.reviewNeeded ? ' outcome-review' : ''}`} data-testid="incident-outcome">
        {incident.reviewNeeded ? 'Post-incident review needed' : 'No review needed'}
      </span>
    );
  }
  return null;
}

/** Severity, title, where the incident is in its life, and its clocks. */
export function IncidentHeader({ incident }: { incident: IncidentView }) {
  const detected = incident.status === 'detected';
  const closed = incident.status === 'closed';
  return (
    <header className="incident-header">
        <div className="heading-line heading-title">
          <button
            type="button"
            className={`sev-chip sev-chip-large sev-button sev-${incident.severity.toLowerCase()}`}
            data-testid="incident-severity"
            title={`${incident.severity} — ${SEVERITY_MEANING[incident.severity]}${closed ? '' : '. Click to change.'}`}
            disabled={closed}
            onClick={() => openDialog({ kind: 'severity' })}
          >
            {incident.severity}
          </button>
          <EditableTitle incident={incident} />
        </div>
        <HeaderTools />
        <SinceImpact incident={incident} />
        <div className="heading-line heading-status">
          {detected ? <DetectedStatus incident={incident} /> : <LifecycleStepper incident={incident} />}
          <Outcome incident={incident} />
          <span className="incident-id">{incident.id}</span>
          <span className="heading-sync">
            <SyncIndicator place="header" />
            <ShareControl incident={incident} />
          </span>
        </div>
        <ResponseFigures incident={incident} />
    </header>
  );
}
