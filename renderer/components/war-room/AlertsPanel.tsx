import type { IncidentView } from '../../../shared/contract/contract';
import { alertCounts, alertsInOrder } from '../../lib/alert-view';
import { nowOn } from '../../lib/incident-now';
import { useMinute } from '../../lib/use-minute';
import { useTimeZone } from '../../lib/zone';
import { AlertCard } from './AlertCard';
import { SilenceAction } from './SilenceAction';

/** What monitoring says about this incident, firing first; absent when no alert came in. */
export function AlertsPanel({ incident }: { incident: IncidentView }) {
  const now = nowOn(incident, useMinute());
  const zone = useTimeZone();
  if (incident.alerts.length === 0) return null;
  return (
    <section className="side-section" aria-labelledby="alerts-panel-title" data-testid="alerts-panel">
      <div className="side-head">
        <h2 className="panel-title" id="alerts-panel-title">
          Alerts
        </h2>
        <span className="side-note" data-testid="alerts-count">
          {alertCounts(incident.alerts)}
        </span>
      </div>
      <SilenceAction incident={incident} />
      <ul className="alert-cards">
        {alertsInOrder(incident.alerts).map((record) => (
          <AlertCard key={record.key} record={record} now={now} zone={zone} />
        ))}
      </ul>
    </section>
  );
}
