import { formatSpan, incidentClocks, type IncidentClocks } from '../../../shared/domain/clocks';
import type { IncidentState } from '../../../shared/domain/incident';
import { phases } from '../../../shared/metrics/timestamps';
import { formatMoment, formatUtc } from '../../lib/time';
import { useIncidentNow } from '../../lib/incident-now';

const PHASE_CLASS: Record<string, string> = {
  Undetected: 'phase-undetected',
  'Detected, not acknowledged': 'phase-unacked',
  'Acknowledged, impact ongoing': 'phase-ongoing',
  'Mitigated, not resolved': 'phase-mitigated',
};

const CLOCKS: Array<[keyof IncidentClocks, string, string]> = [
  ['ttd', 'TTD', 'Time to detect: impact start → detection'],
  ['tta', 'TTA', 'Time to acknowledge: detection → acknowledgement'],
  ['ttm', 'TTM', 'Time to mitigate: impact start → mitigation'],
  ['ttr', 'TTR', 'Time to resolve: impact start → resolution'],
];

interface Props {
  incident: IncidentState;
  /** Changes whenever the incident was changed in place. */
  version: number;
}

/** Impact start → detected → acknowledged → mitigated → resolved, each phase as wide as it lasted. */
export function PhaseStrip({ incident }: Props) {
  // Ticks: a running incident's last phase and clocks grow by the second.
  const now = useIncidentNow(incident);
  const timestamps = incident.timestamps;
  const clocks = incidentClocks(incident, now);
  const list = phases(timestamps, now);
  const total = list.reduce((sum, p) => sum + (p.to - p.from), 0);
  return (
    <section className="phase-strip" aria-label="Phases of the incident" data-testid="phase-strip">
      <div className="phase-figures">
        {CLOCKS.map(([key, label, title]) => {
          const span = clocks[key];
          return (
            <div key={key} className="phase-figure" title={title}>
              <span className="phase-figure-label">{label}</span>
              <span className={`phase-figure-value${span?.running ? ' is-running' : ''}`} data-testid={`pm-clock-${key}`}>
                {span ? formatSpan(span.ms) : '—'}
              </span>
            </div>
          );
        })}
      </div>
      <div className="phase-track-wrap">
        {list.length === 0 ? (
          <p className="phase-empty">Not enough timestamps yet: the strip needs at least two of impact start, detection, acknowledgement, mitigation and resolution.</p>
        ) : (
          <>
            <div className="phase-track" role="img" aria-label={list.map((p) => `${p.label} ${formatSpan(p.to - p.from)}`).join(', ')}>
              {list.map((p, i) => {
                const running = i === list.length - 1 && p.to === now && timestamps.resolvedAt === null;
                return (
                  <span
                    key={p.label}
                    className={`phase-seg ${PHASE_CLASS[p.label] ?? ''}${running ? ' is-running' : ''}`}
                    style={{ flexGrow: Math.max(p.to - p.from, total / 400) }}
                    title={`${p.label}: ${formatSpan(p.to - p.from)} (${formatUtc(p.from)} → ${formatUtc(p.to)})`}
                    data-testid="phase-segment"
                  />
                );
              })}
            </div>
            <ol className="phase-legend">
              {list.map((p) => (
                <li key={p.label} className="phase-legend-item">
                  <span className={`phase-swatch ${PHASE_CLASS[p.label] ?? ''}`} aria-hidden="true" />
                  <span className="phase-legend-label">{p.label}</span>
                  <span className="phase-legend-span">{formatSpan(p.to - p.from)}</span>
                  <span className="phase-legend-from" title={formatUtc(p.from)}>
                    from {formatMoment(p.from, now)}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
