import type { IncidentView } from '../../../shared/contract/contract';
import { useIncidentNow } from '../../lib/incident-now';
import { CadenceClock } from './CadenceClock';
import { EscalationPanel } from './EscalationPanel';

/** The loudest strip on the screen: both update clocks and the escalation ladder. */
export function ClockBand({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  return (
    <div className="clock-band">
      <CadenceClock incident={incident} audience="internal" now={now} />
      <CadenceClock incident={incident} audience="external" now={now} />
      <EscalationPanel incident={incident} now={now} />
    </div>
  );
}
