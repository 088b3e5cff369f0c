import type { IncidentView } from '../../../shared/contract/contract';
import { responseWarnings } from '../../../shared/domain/warnings';
import { useIncidentNow } from '../../lib/incident-now';
import { useWarRoomSettings } from '../../store/settings-snapshot';
import { ChecklistPanel } from '../guidance/ChecklistPanel';
import { NextStepsPanel } from '../guidance/NextStepsPanel';
import { AlertsPanel } from './AlertsPanel';
import { KnownPanel } from './KnownPanel';
import { RespondersPanel } from './RespondersPanel';
import { RolesPanel } from './RolesPanel';

/** The right column: what to do next first (the response's warnings are among the steps), then the checklist, who is doing what, what is known and what monitoring says. */
export function SidePanel({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  const settings = useWarRoomSettings();
  const longShift = new Set(
    responseWarnings(incident, settings, now)
      .filter((w) => w.code === 'long-shift')
      .map((w) => w.person!.trim()),
  );
  return (
    <aside className="side" aria-label="Response">
      <NextStepsPanel incident={incident} />
      <ChecklistPanel incident={incident} />
      <RolesPanel incident={incident} now={now} required={settings.requiredRoles[incident.severity] ?? []} longShift={longShift} />
      <RespondersPanel incident={incident} now={now} />
      <KnownPanel incident={incident} />
      <AlertsPanel incident={incident} />
    </aside>
  );
}
