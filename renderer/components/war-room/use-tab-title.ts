import { useEffect } from 'react';
import { cadenceTone, nextUpdateDue } from '../../../shared/domain/deadlines';
import { AUDIENCES } from '../../../shared/domain/incident';
import { useIncidentNow } from '../../lib/incident-now';
import { useAlerts } from '../../store/alert-store';
import { useOpenIncident } from '../../store/open-incident-store';
import { AUDIENCE_LABELS } from './labels';

const APP = 'Command Post';

/** The tab says what is wrong, so a commander in another window sees it in the task bar. */
export function useTabTitle(): void {
  const alerts = useAlerts((s) => s.alerts);
  const incident = useOpenIncident((s) => s.incident);
  useOpenIncident((s) => s.version);
  const now = useIncidentNow(incident);
  let title = APP;
  const latest = alerts.at(-1);
  if (latest) {
    title = `⚠ ${latest.title} — ${APP}`;
  } else if (incident) {
    const overdue = AUDIENCES.filter((a) => cadenceTone(nextUpdateDue(incident, a), now) === 'overdue');
    if (overdue.length > 0) title = `⚠ ${overdue.map((a) => AUDIENCE_LABELS[a]).join(' and ')} update overdue — ${APP}`;
  }
  // A drill's window can never pass for a live incident's, even in the task bar.
  if (incident?.drill) title = `DRILL — ${title === APP ? `${incident.drill.scenario.name} — ${APP}` : title}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
