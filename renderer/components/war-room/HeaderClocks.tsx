import type { IncidentView } from '../../../shared/contract/contract';
import { formatSpan, incidentClocks, type Span } from '../../../shared/domain/clocks';
import { formatElapsed, formatUtc } from '../../lib/time';
import { useIncidentNow } from '../../lib/incident-now';
import { openDialog } from '../../store/war-room-store';

const FIGURES: { key: 'ttd' | 'tta' | 'ttm' | 'ttr'; label: string; meaning: string }[] = [
  { key: 'ttd', label: 'TTD', meaning: 'Time to detect: impact start → detection' },
  { key: 'tta', label: 'TTA', meaning: 'Time to acknowledge: detection → acknowledgement' },
  { key: 'ttm', label: 'TTM', meaning: 'Time to mitigate: impact start (or detection) → mitigation' },
  { key: 'ttr', label: 'TTR', meaning: 'Time to resolve: impact start (or detection) → resolution' },
];

function Figure({ label, meaning, span }: { label: string; meaning: string; span: Span | null }) {
  const state = span === null ? 'is-unknown' : span.running ? 'is-running' : 'is-done';
  return (
    <div className={`figure ${state}`} title={`${meaning}${span?.running ? ' (still running)' : ''}`} data-testid={`clock-${label.toLowerCase()}`}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{span === null ? '—' : formatSpan(Math.max(0, span.ms))}</span>
    </div>
  );
}

/** The four response figures; the milestones behind them are one click away. */
export function ResponseFigures({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  const clocks = incidentClocks(incident, now);
  return (
    <div className="figures">
      {FIGURES.map((f) => (
        <Figure key={f.key} label={f.label} meaning={f.meaning} span={clocks[f.key]} />
      ))}
      <button type="button" className="btn btn-sm" data-testid="milestones-button" onClick={() => openDialog({ kind: 'times' })}>
        Milestones
      </button>
    </div>
  );
}

/** The biggest number on the header: how long customers have been hurting. */
export function SinceImpact({ incident }: { incident: IncidentView }) {
  const now = useIncidentNow(incident);
  const elapsed = incidentClocks(incident, now).elapsed;
  const t = incident.timestamps;
  const from = t.impactStartedAt ?? t.detectedAt;
  const label = elapsed?.running === false ? 'Lasted' : t.impactStartedAt !== null ? 'Since impact' : 'Since detection';
  return (
    <div className={`elapsed-block${elapsed?.running ? '' : ' is-stopped'}`} title={from === null ? undefined : `From ${formatUtc(from)}`}>
      <span className="moment-label">{label}</span>
      <span className="elapsed" data-testid="incident-elapsed">
        {elapsed ? formatElapsed(elapsed.ms) : '--:--:--'}
      </span>
    </div>
  );
}
