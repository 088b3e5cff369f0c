import type { IncidentView } from '../../../shared/contract/contract';
import { responseWarnings } from '../../../shared/domain/warnings';
import { useIncidentNow } from '../../lib/incident-now';
import { useWarRoomSettings } from '../../store/settings-snapshot';
import { AlertsPanel } from './AlertsPanel';
import { KnownPanel } from './KnownPanel';
import { RespondersPanel } from './RespondersPanel';
import { ResponseWarnings } from './ResponseWarnings';
import { RolesPanel } from './RolesPanel';

/** The right column: what is wrong with the response first, then who is doing what, then what is known and what monitoring says. */
export function SidePanel({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  const settings = useWarRoomSettings();
  const warnings = responseWarnings(incident, settings, now);
  const longShift = new Set(warnings.filter((w) => w.code === 'long-shift').map((w) => w.person!.trim()));
  return (
    <aside className="side" aria-label="Response">
      <ResponseWarnings warnings={warnings} severity={incident.severity} />
      <RolesPanel incident={incident} now={now} required={settings.requiredRoles[incident.severity] ?? []} longShift={longShift} />
      <RespondersPanel incident={incident} now={now} />
      <KnownPanel incident={incident} />
      <AlertsPanel incident={incident} />
    </aside>
  );
}
