import { describe, expect, it } from 'vitest';
import { type ActiveAlert, pushAlert, settleAlerts, useAlerts } from '../../../renderer/store/alert-store';

const alert = (id: string, incidentId: string, cause: string): ActiveAlert => ({
  id,
  incidentId,
  incidentTitle: incidentId,
  title: id,
  body: '',
  at: 0,
  kind: cause.startsWith('escalation') ? 'escalation' : 'cadence',
  audience: null,
  cause,
});

describe('alert banners', () => {
  it("go when their cause is settled, and only that incident's", () => {
    useAlerts.setState({ alerts: [] });
    pushAlert(alert('page', 'INC-1', 'escalation:unacknowledged'));
    pushAlert(alert('late', 'INC-1', 'cadence:external:300000'));
    pushAlert(alert('other', 'INC-2', 'escalation:unacknowledged'));
    settleAlerts('INC-1', ['cadence:external:300000']);
    expect(useAlerts.getState().alerts.map((a) => a.id)).toEqual(['late', 'other']);
    settleAlerts('INC-1', []);
    expect(useAlerts.getState().alerts.map((a) => a.id)).toEqual(['other']);
  });
});
