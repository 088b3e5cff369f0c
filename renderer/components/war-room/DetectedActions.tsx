import type { IncidentView } from '../../../shared/contract/contract';
import { openDialog } from '../../store/war-room-store';
import { StatusBadge } from '../StatusBadge';

/** In the header: what a detection is. */
export function DetectedStatus({ incident }: { incident: IncidentView }) {
  return (
    <div className="detected-actions">
      <StatusBadge status={incident.status} size="large" testId="incident-status" />
      <span className="detected-note">Not declared yet: no cadence, no escalation.</span>
    </div>
  );
}

/** Above the timeline: the three ways out of a detection, as big as the decision is. */
export function DetectedDecision({ incident }: { incident: IncidentView }) {
  const who = incident.detectionSource === 'alert' ? 'Detected by monitoring' : 'Detected by the on-call';
  return (
    <section className="detected-panel" aria-label="Declare, attach or dismiss">
      <div className="detected-words">
        <h2 className="detected-title">{who} — declare it, attach it to an open incident, or close it without the full process</h2>
        <p className="detected-sub">Declaring starts the update cadence and the escalation policy for its severity. Notes logged below are kept either way.</p>
      </div>
      <div className="detected-buttons">
        <button type="button" className="btn btn-danger" data-testid="promote-button" onClick={() => openDialog({ kind: 'promote' })}>
          Declare…
        </button>
        <button type="button" className="btn" data-testid="attach-button" onClick={() => openDialog({ kind: 'attach' })}>
          Attach to open incident…
        </button>
        <button type="button" className="btn" data-testid="dismiss-button" onClick={() => openDialog({ kind: 'dismiss' })}>
          Dismiss as false alarm / resolved by on-call…
        </button>
      </div>
    </section>
  );
}
