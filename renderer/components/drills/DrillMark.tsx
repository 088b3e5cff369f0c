import type { IncidentListItem } from '../../../shared/contract/contract';

/** The DRILL badge on a list row: a practice incident can never pass for a live one. */
export function DrillMark({ drill }: { drill: NonNullable<IncidentListItem['drill']> }) {
  const state = drill.ended ? 'ended' : 'in progress';
  return (
    <span className="drill-mark" data-testid="drill-mark" title={`Drill ${state} — practice, not a real incident: “${drill.scenario}”, run by ${drill.facilitator}. Its clocks run on the drill's time.`}>
      DRILL
    </span>
  );
}
