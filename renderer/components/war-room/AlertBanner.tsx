import { dismissAlert, dismissAllAlerts, type ActiveAlert, useAlerts } from '../../store/alert-store';
import { useOpenIncident } from '../../store/open-incident-store';
import { useRoute } from '../../store/route-store';
import { navigate } from '../../store/selection';
import { openDialog } from '../../store/war-room-store';
import { formatClock } from '../../lib/time';
import { AcknowledgeAction } from './AcknowledgeAction';
import './alerts.css';

const SHOWN = 2;

function act(alert: ActiveAlert, here: boolean) {
  if (!here) navigate({ view: 'war-room', incidentId: alert.incidentId });
  if (alert.kind === 'cadence') openDialog({ kind: 'draft', draftKind: alert.audience === 'external' ? 'external' : 'internal' });
}

function AlertRow({ alert }: { alert: ActiveAlert }) {
  const openId = useOpenIncident((s) => s.incidentId);
  const view = useRoute((s) => s.view);
  const here = openId === alert.incidentId && view === 'war-room';
  const action = alert.kind === 'cadence' ? 'Draft the update' : here ? null : 'Open incident';
  return (
    <div className={`alert alert-${alert.kind}`} role="alert" data-testid="alert-banner" data-kind={alert.kind}>
      <span className="alert-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="alert-words">
        <strong className="alert-title" data-testid="alert-title">
          {alert.title}
        </strong>
        <span className="alert-body">
          {alert.body} · {formatClock(alert.at)}
        </span>
      </span>
      {action && (
        <button type="button" className="btn btn-sm alert-act" onClick={() => act(alert, here)}>
          {action}
        </button>
      )}
      {alert.kind === 'escalation' && <AcknowledgeAction alert={alert} here={here} />}
      <button type="button" className="btn btn-sm btn-quiet alert-dismiss" data-testid="alert-dismiss" onClick={() => dismissAlert(alert.id)}>
        Dismiss
      </button>
    </div>
  );
}

/** Unmissable, dismissable, and never more than a couple of lines tall. */
export function AlertBanner() {
  const alerts = useAlerts((s) => s.alerts);
  if (alerts.length === 0) return null;
  const shown = alerts.slice(-SHOWN).reverse();
  const hidden = alerts.length - shown.length;
  return (
    <div className="alerts" aria-live="assertive">
      {shown.map((alert) => (
        <AlertRow key={alert.id} alert={alert} />
      ))}
      {alerts.length > 1 && (
        <div className="alerts-more">
          {hidden > 0 && <span>{hidden} earlier alert{hidden === 1 ? '' : 's'} not shown</span>}
          <button type="button" className="link-button" data-testid="alert-dismiss-all" onClick={dismissAllAlerts}>
            Dismiss all {alerts.length}
          </button>
        </div>
      )}
    </div>
  );
}
