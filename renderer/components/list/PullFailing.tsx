import { useEffect } from 'react';
import { formatClockIn } from '../../../shared/time/format';
import { useNow } from '../../lib/use-now';
import { useTimeZone } from '../../lib/zone';
import { loadIntakeSources, useIntake } from '../../store/intake-store';
import { pullStatusWords } from '../settings/pull-form';

/** How often the list asks how the followed Alertmanager is doing. */
const POLL_MS = 10_000;

/**
 * A followed Alertmanager that is down or answers garbage is said in the list too, where the
 * on-call looks for detections: without it, "no detections" could mean "no alerts" or "not
 * hearing". Nothing is shown while polling works or when nothing is followed.
 */
export function PullFailing() {
  const view = useIntake((s) => s.sources);
  const now = useNow();
  const zone = useTimeZone();
  useEffect(() => {
    void loadIntakeSources();
    const timer = setInterval(() => void loadIntakeSources(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!view?.pull || view.status?.state !== 'failing') return null;
  const words = pullStatusWords(view.pull, view.status, now, (ms) => formatClockIn(ms, zone, false));
  return (
    <a className="pull-failing" href="#/settings/sources" data-testid="pull-failing" role="status">
      <strong>Alertmanager not heard</strong> {words.text.replace(/^Failing: /, '')}
    </a>
  );
}
