import type { IncidentListItem } from '../../../shared/contract/contract';
import { formatAgo } from '../../../shared/time/format';
import { api } from '../../api';
import { triageSince } from '../../lib/triage';
import { useNow } from '../../lib/use-now';
import { selectIncident } from '../../store/selection';
import { SeverityChip } from '../SeverityChip';
import { DrillMark } from '../drills/DrillMark';
import { useCommand } from '../war-room/use-command';

interface Props {
  item: IncidentListItem;
  selected: boolean;
  onAttach: () => void;
  onDismiss: () => void;
}

function firingWords(item: IncidentListItem): string {
  if (item.detectionSource !== 'alert') return 'Detected by the on-call';
  if (item.alertsFiring === 0) return 'No alert firing now';
  return `${item.alertsFiring} ${item.alertsFiring === 1 ? 'alert' : 'alerts'} firing`;
}

/** One detection waiting for a decision, with the three decisions on it. */
export function TriageItem({ item, selected, onAttach, onDismiss }: Props) {
  const now = useNow();
  const { busy, error, run } = useCommand();
  const since = triageSince(item);

  // Declaring is the one-click answer: the war room it opens is where the severity can still change.
  async function declare() {
    const done = await run(() => api.call('incident.promote', { incidentId: item.id, reason: 'Declared from the triage queue' }));
    if (done) selectIncident(item.id);
  }

  return (
    <li className={`triage-item sev-edge-${item.severity.toLowerCase()}${selected ? ' is-selected' : ''}${item.drill ? ' is-drill' : ''}`} data-testid="triage-item" data-incident-id={item.id}>
      <button
        type="button"
        className="triage-open"
        data-testid="triage-open"
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectIncident(item.id)}
      >
        <span className="incident-item-top">
          <SeverityChip severity={item.severity} size="small" />
          <span className={`triage-firing${item.alertsFiring > 0 ? ' is-firing' : ''}`} data-testid="triage-firing">
            {firingWords(item)}
          </span>
          {item.drill ? (
            <DrillMark drill={item.drill} />
          ) : (
            <time className="triage-since" dateTime={new Date(since).toISOString()} data-testid="triage-since" title="Time since it was detected">
              {formatAgo(now - since)}
            </time>
          )}
        </span>
        <span className="incident-item-title">{item.title}</span>
        <span className="incident-item-meta">
          {item.alertService ? `${item.alertService} · ` : ''}
          {item.id}
        </span>
      </button>
      <div className="triage-actions" role="group" aria-label={`Triage ${item.title}`}>
        <button type="button" className="btn btn-sm btn-danger" data-testid="triage-declare" aria-label={`Declare ${item.severity}: ${item.title}`} disabled={busy} onClick={() => void declare()}>
          {busy ? 'Declaring…' : 'Declare'}
        </button>
        <button type="button" className="btn btn-sm" data-testid="triage-attach" aria-label={`Attach ${item.title} to an open incident`} onClick={onAttach}>
          Attach…
        </button>
        <button type="button" className="btn btn-sm" data-testid="triage-dismiss" aria-label={`Dismiss ${item.title}`} onClick={onDismiss}>
          Dismiss…
        </button>
      </div>
      {error && (
        <p className="form-error triage-error" role="alert" data-testid="triage-error">
          {error}
        </p>
      )}
    </li>
  );
}
