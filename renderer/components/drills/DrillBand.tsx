import type { IncidentView } from '../../../shared/contract/contract';
import { drillPhase, drillStamp } from '../../lib/drill-time';
import { useIncidentNow } from '../../lib/incident-now';
import { hashOf } from '../../store/route-store';
import { navigate } from '../../store/selection';
import { FacilitatorControls } from './FacilitatorControls';
import { useIsFacilitator } from './use-facilitator';
import './drills.css';

/**
 * The top of a drill's war room: it says DRILL before anything else, where the drill's clock
 * stands, and (on the facilitator's console) the controls that run it.
 */
export function DrillBand({ incident }: { incident: IncidentView }) {
  const drill = incident.drill!;
  const now = useIncidentNow(incident);
  const phase = drillPhase(drill);
  const facilitator = useIsFacilitator(drill);
  const debrief = hashOf({ view: 'debrief', incidentId: incident.id });
  return (
    <section className={`drill-band is-${phase}`} data-testid="drill-band" data-phase={phase} aria-label="Drill">
      <p className="drill-band-words">
        <span className="drill-band-tag">DRILL</span>
        <span className="drill-band-what">practice, not a real incident</span>
        <span className="drill-band-sep" aria-hidden="true">·</span>
        <span className="drill-band-scenario">{drill.scenario.name}</span>
        <span className="drill-band-sep" aria-hidden="true">·</span>
        <span className="drill-band-clock" title="Minutes and seconds since the drill began, on the drill's clock (every time in this war room is drill time)">
          <b data-testid="drill-clock">{drillStamp(drill, now)}</b> on the drill clock
        </span>
        <span className="drill-band-sep" aria-hidden="true">·</span>
        <span data-testid="drill-speed">{drill.clock.speed}×</span>
        <span className="drill-band-sep" aria-hidden="true">·</span>
        <span>run by {drill.facilitator}</span>
        {phase === 'paused' && (
          <span className="drill-band-state" data-testid="drill-paused">
            paused
          </span>
        )}
        {phase === 'ended' && (
          <span className="drill-band-state">
            ended —{' '}
            <a
              href={debrief}
              data-testid="drill-debrief-link"
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'debrief', incidentId: incident.id });
              }}
            >
              see the debrief
            </a>
          </span>
        )}
      </p>
      {facilitator && phase !== 'ended' && <FacilitatorControls incident={incident} />}
    </section>
  );
}
