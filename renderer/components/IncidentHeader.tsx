import type { IncidentView } from '../../shared/contract/contract';
import { DETECTION_LABELS } from '../lib/labels';
import { formatMoment, formatUtc } from '../lib/time';
import { useNow } from '../lib/use-now';
import { ElapsedClock } from './ElapsedClock';
import { SeverityChip } from './SeverityChip';
import { StatusBadge } from './StatusBadge';

function Moment({ label, at, now }: { label: string; at: number | null; now: number }) {
  return (
    <div className="moment">
      <span className="moment-label">{label}</span>
      <span className="moment-value" title={at === null ? undefined : formatUtc(at)}>
        {at === null ? '—' : formatMoment(at, now)}
      </span>
    </div>
  );
}

export function IncidentHeader({ incident }: { incident: IncidentView }) {
  const now = useNow();
  const t = incident.timestamps;
  return (
    <header className="incident-header">
      <div className="incident-heading">
        <div className="incident-badges">
          <SeverityChip severity={incident.severity} size="large" testId="incident-severity" />
          <StatusBadge status={incident.status} size="large" testId="incident-status" />
          <span className="incident-id">{incident.id}</span>
        </div>
        <h1 className="incident-title" data-testid="incident-title">
          {incident.title}
        </h1>
      </div>
      <div className="incident-clocks">
        <Moment label="Detected" at={t.detectedAt} now={now} />
        <Moment label="Declared" at={t.declaredAt} now={now} />
        <div className="moment">
          <span className="moment-label">Source</span>
          <span className="moment-value">{DETECTION_LABELS[incident.detectionSource]}</span>
        </div>
        <div className="elapsed-block" title="Time since declaration">
          <span className="moment-label">Elapsed</span>
          <ElapsedClock from={t.declaredAt} until={t.resolvedAt ?? t.closedAt} />
        </div>
      </div>
    </header>
  );
}
