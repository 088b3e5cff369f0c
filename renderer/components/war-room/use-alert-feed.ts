import { useEffect } from 'react';
import { alertFor } from '../../../shared/domain/alerts';
import { liveAlertCauses } from '../../../shared/domain/deadlines';
import type { IncidentEvent } from '../../../shared/domain/events';
import { api } from '../../api';
import { drillAlertTitle } from '../../lib/drill-time';
import { beep, showDesktopAlert } from '../../lib/notify';
import { dismissEscalationAlerts, pushAlert, settleAlerts, type ActiveAlert } from '../../store/alert-store';
import { useIncidentList } from '../../store/incident-list-store';
import { useOpenIncident } from '../../store/open-incident-store';
import { currentSettings } from '../../store/settings-snapshot';

function titleOf(incidentId: string): string {
  const open = useOpenIncident.getState().incident;
  if (open?.id === incidentId) return open.title;
  return useIncidentList.getState().items.find((i) => i.id === incidentId)?.title ?? incidentId;
}

function isDrill(event: IncidentEvent): boolean {
  // A drill's opening says so itself: it may reach the feed before the list or the open incident knows it.
  if (event.type === 'incident.detected' && event.payload.drill) return true;
  const incidentId = event.incidentId;
  const open = useOpenIncident.getState().incident;
  if (open?.id === incidentId) return open.drill !== null;
  return useIncidentList.getState().items.find((i) => i.id === incidentId)?.drill != null;
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
        const title = titleOf(event.incidentId);
        const found = alertFor(event, title);
        if (!found) return;
        // A drill's overdue update or page must never be read as a live one, in the banner or on the desktop.
        const alert = isDrill(event) ? { ...found, title: drillAlertTitle(found.title) } : found;
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
