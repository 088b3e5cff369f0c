import { api } from '../../api';
import { dismissEscalationAlerts, type ActiveAlert } from '../../store/alert-store';
import { navigate } from '../../store/selection';
import { showNotice } from '../../store/war-room-store';

/**
 * On a page's banner, the next step is to answer it: acknowledging stops the escalation and is
 * signed by the operator (the engine fills `by`). Already acknowledged elsewhere is no failure.
 */
export function AcknowledgeAction({ alert, here }: { alert: ActiveAlert; here: boolean }) {
  async function acknowledge() {
    const result = await api.call('escalation.acknowledge', { incidentId: alert.incidentId });
    if (result.ok || result.error.code === 'CONFLICT') {
      dismissEscalationAlerts(alert.incidentId);
      return;
    }
    if (!here) navigate({ view: 'war-room', incidentId: alert.incidentId });
    showNotice(result.error.message);
  }
  return (
    <button type="button" className="btn btn-sm btn-danger alert-act" data-testid="alert-acknowledge" onClick={() => void acknowledge()}>
      Acknowledge
    </button>
  );
}
