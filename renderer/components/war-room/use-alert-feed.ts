import { useEffect } from 'react';
import { alertFor } from '../../../shared/domain/alerts';
import { liveAlertCauses } from '../../../shared/domain/deadlines';
import type { IncidentEvent } from '../../../shared/domain/events';
import { api } from '../../api';
import { beep, showDesktopAlert } from '../../lib/notify';
import { dismissEscalationAlerts, pushAlert, settleAlerts, type ActiveAlert } from '../../store/alert-store';
import { useIncidentList } from '../../store/incident-list-store';
import { useOpenIncident } from '../../store/open-incident-store';
import { currentSettings } from '../../store/settings-snapshot';

function incidentOf(incidentId: string): { title: string; drill: boolean } {
  const open = useOpenIncident.getState().incident;
  if (open?.id === incidentId) return { title: open.title, drill: open.drill !== null };
  const listed = useIncidentList.getState().items.find((i) => i.id === incidentId);
  return { title: listed?.title ?? incidentId, drill: listed?.drill != null };
}

function kindOf(event: IncidentEvent): Pick<ActiveAlert, 'kind' | 'audience'> {
  if (event.type === 'deadline.missed') {
    const audience = /^cadence:(internal|external):/.exec(event.payload.key)?.[1] as ActiveAlert['audience'] | undefined;
    return { kind: event.payload.kind, audience: audience ?? null };
  }
  if (event.type === 'incident.detected') return { kind: 'triage', audience: null };
  return { kind: 'escalation', audience: null };
}

/**
 * Fired deadlines, policy pages and monitoring's new detections, for any incident, as they are committed: a banner, the
 * tab title, a desktop notification (in a browser) and, if settings say so, a tone.
 */
export function useAlertFeed(): void {
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'escalation.acknowledged') dismissEscalationAlerts(event.incidentId);
        const incident = incidentOf(event.incidentId);
        const title = incident.title;
        const alert = alertFor(event, incident);
        if (!alert) return;
        const added = pushAlert({
          id: event.id,
          incidentId: event.incidentId,
          incidentTitle: title,
          title: alert.title,
          body: alert.body,
          at: event.at,
          cause: alert.cause,
          ...kindOf(event),
        });
        if (!added) return;
        showDesktopAlert(alert.title, alert.body, event.id);
        if (currentSettings().alertSound) beep();
      }),
    [],
  );
  useEffect(settleFromState, []);
}

/**
 * Banners go when their cause does: the open incident's state (current with every event) settles
 * its own alerts, the incident list (refreshed after every change) settles everyone else's.
 */
function settleFromState(): () => void {
  const settleOpen = () => {
    const incident = useOpenIncident.getState().incident;
    if (incident) settleAlerts(incident.id, liveAlertCauses(incident));
  };
  const settleListed = () => {
    const openId = useOpenIncident.getState().incident?.id;
    for (const item of useIncidentList.getState().items) if (item.id !== openId) settleAlerts(item.id, item.alertCauses);
  };
  settleOpen();
  settleListed();
  const stopOpen = useOpenIncident.subscribe((now, before) => {
    if (now.version !== before.version || now.incident !== before.incident) settleOpen();
  });
  const stopList = useIncidentList.subscribe((now, before) => {
    if (now.items !== before.items) settleListed();
  });
  return () => {
    stopOpen();
    stopList();
  };
}
