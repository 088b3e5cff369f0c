import { formatElapsed } from '../lib/time';
import { useNow } from '../lib/use-now';

interface Props {
  from: number | null;
  /** When the clock stopped (resolution); it ticks until then. */
  until: number | null;
}

/** A display clock only: it redraws each second from timestamps in the state. */
export function ElapsedClock({ from, until }: Props) {
  const now = useNow();
  if (from === null) return <span className="elapsed">--:--:--</span>;
  return (
    <span className="elapsed" data-testid="incident-elapsed">
      {formatElapsed((until ?? now) - from)}
    </span>
  );
}
