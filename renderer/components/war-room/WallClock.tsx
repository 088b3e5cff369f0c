import { describeZone } from '../../../shared/time/format';
import { formatZonedClock } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useTimeZone } from '../../lib/zone';

/** The time now, with its zone: a war room spread over zones must know which clock it reads. */
export function WallClock() {
  const now = useNow();
  const zone = useTimeZone();
  return (
    <span className="wall-clock" data-testid="wall-clock" title={`Times on this screen are ${describeZone(now, zone)}`}>
      {formatZonedClock(now, zone)}
    </span>
  );
}
