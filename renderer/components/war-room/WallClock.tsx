import { describeZone } from '../../../shared/time/format';
import { nowOn } from '../../lib/incident-now';
import { formatZonedClock } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useTimeZone } from '../../lib/zone';
import { useOpenIncident } from '../../store/open-incident-store';

/**
 * The time now, with its zone: a war room spread over zones must know which clock it reads. In a
 * drill it is the drill's time, the clock every time on its timeline and deadline is read on.
 */
export function WallClock() {
  const drill = useOpenIncident((s) => s.incident?.drill ?? null);
  const now = nowOn({ drill }, useNow());
  const zone = useTimeZone();
  const title = `Times on this screen are ${describeZone(now, zone)}${drill ? ', on the drill clock' : ''}`;
  return (
    <span className={`wall-clock${drill ? ' is-drill-time' : ''}`} data-testid="wall-clock" title={title}>
      {formatZonedClock(now, zone)}
    </span>
  );
}
