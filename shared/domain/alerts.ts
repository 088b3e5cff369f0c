import { ESCALATION_CAUSE, TRIAGE_CAUSE } from './deadlines';
import type { IncidentEvent } from './events';

export interface Alert {
  title: string;
  body: string;
  /** What the alert is about (see `liveAlertCauses`): once that is settled, the alert is done. */
  cause: string;
}

/**
 * Which committed events must reach the person at once (a desktop notification, a flashing
 * taskbar entry, the tab title, the banner): fired deadlines and escalation pages.
 */
export function alertFor(event: IncidentEvent, incident: { title: string; drill: boolean }): Alert | null {
  const alert = liveAlertFor(event, incident.title);
  // A drill's alerts say so first: a glance at a notification must never read as a real outage.
  return alert && (incident.drill || (event.type === 'incident.detected' && event.payload.drill)) ? { ...alert, title: `DRILL — ${alert.title}` } : alert;
}

function liveAlertFor(event: IncidentEvent, incidentTitle: string): Alert | null {
  switch (event.type) {
    case 'deadline.missed':
      return { title: event.payload.label, body: incidentTitle, cause: event.payload.key };
    case 'incident.detected':
      // Monitoring's detection waits for a person: declare it, attach it to an open incident, or dismiss it.
      if (event.payload.detectionSource !== 'alert') return null;
      return {
        title: `New detection (${event.payload.severity}): ${event.payload.title}`,
        body: 'Waiting for triage: declare, attach to an open incident, or dismiss.',
        cause: TRIAGE_CAUSE,
      };
    case 'escalation.paged':
      if (event.payload.tier === null) return null;
      return {
        title: `Escalation tier ${event.payload.tier}: call ${event.payload.target}`,
        body: `${incidentTitle}${event.payload.contact ? ` — ${event.payload.contact}` : ''} (still unacknowledged)`,
        cause: ESCALATION_CAUSE,
      };
    default:
      return null;
  }
}
