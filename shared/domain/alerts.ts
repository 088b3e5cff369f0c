import { ESCALATION_CAUSE } from './deadlines';
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
export function alertFor(event: IncidentEvent, incidentTitle: string): Alert | null {
  switch (event.type) {
    case 'deadline.missed':
      return { title: event.payload.label, body: incidentTitle, cause: event.payload.key };
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
