import type { IncidentView } from '../../shared/contract/contract';
import type { IncidentTimestamps } from '../../shared/domain/incident';
import { formatElapsed, formatMoment, formatUtc } from '../lib/time';
import { useNow } from '../lib/use-now';

const KEY_TIMES: [keyof IncidentTimestamps, string][] = [
  ['impactStartedAt', 'Impact started'],
  ['detectedAt', 'Detected'],
  ['acknowledgedAt', 'Acknowledged'],
  ['declaredAt', 'Declared'],
  ['mitigatedAt', 'Mitigated'],
  ['resolvedAt', 'Resolved'],
  ['closedAt', 'Closed'],
];

function span(from: number | null, to: number | null): string {
  return from === null || to === null ? '—' : formatElapsed(to - from);
}

/** The side panel: what is known, and every milestone so far. */
export function IncidentFacts({ incident }: { incident: IncidentView }) {
  const now = useNow();
  const t = incident.timestamps;
  const start = t.impactStartedAt ?? t.detectedAt;
  return (
    <aside className="facts" aria-label="Incident facts">
      <section className="facts-section">
        <h2 className="panel-title">What is known</h2>
        <p className={`facts-summary${incident.summary ? '' : ' is-empty'}`}>
          {incident.summary || 'Nothing written yet. Log findings on the timeline.'}
        </p>
      </section>
      <section className="facts-section">
        <h2 className="panel-title">Milestones</h2>
        <dl className="facts-times">
          {KEY_TIMES.map(([key, label]) => {
            const at = t[key];
            return (
              <div key={key} className={at === null ? 'is-pending' : undefined}>
                <dt>{label}</dt>
                <dd title={at === null ? undefined : formatUtc(at)}>{at === null ? '—' : formatMoment(at, now)}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="facts-section">
        <h2 className="panel-title">Clocks</h2>
        <dl className="facts-times">
          <div>
            <dt title="Time to detect: impact start to detection">TTD</dt>
            <dd>{span(t.impactStartedAt, t.detectedAt)}</dd>
          </div>
          <div>
            <dt title="Time to acknowledge: detection to acknowledgement">TTA</dt>
            <dd>{span(t.detectedAt, t.acknowledgedAt)}</dd>
          </div>
          <div>
            <dt title="Time to mitigate: impact start (or detection) to mitigation">TTM</dt>
            <dd>{span(start, t.mitigatedAt)}</dd>
          </div>
          <div>
            <dt title="Time to resolve: impact start (or detection) to resolution">TTR</dt>
            <dd>{span(start, t.resolvedAt)}</dd>
          </div>
        </dl>
      </section>
      <section className="facts-section facts-meta">
        <span>{incident.timeline.length.toLocaleString()} timeline entries</span>
        <span>Declared by {incident.createdBy || 'unknown'}</span>
      </section>
    </aside>
  );
}
