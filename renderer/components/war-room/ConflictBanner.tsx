import { useState } from 'react';
import type { IncidentView } from '../../../shared/contract/contract';
import type { Conflict, IncidentStatus, Severity } from '../../../shared/domain/incident';
import { api } from '../../api';
import { useIncidentNow } from '../../lib/incident-now';
import { useTimeZone } from '../../lib/zone';
import { syncTime } from '../sync/use-sync-words';
import { conflictWords } from './conflict-words';
import './alerts.css';

function ConflictRow({ incidentId, conflict, inForce, now }: { incidentId: string; conflict: Conflict; inForce: string; now: number }) {
  const zone = useTimeZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = conflictWords(conflict, inForce, (ms, seconds) => syncTime(ms, now, zone, seconds));
  const change = words.change;

  // The settled conflict comes back as a pushed event, and the row goes with it.
  async function settle(value?: Severity | IncidentStatus) {
    setBusy(true);
    const result = await api.call('conflict.settle', { incidentId, conflictId: conflict.id, ...(value === undefined ? {} : { value }) });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
  }

  return (
    <div className="conflict" data-testid="conflict-banner" data-field={conflict.field}>
      <span className="conflict-icon" aria-hidden="true">
        ⇄
      </span>
      <div className="conflict-words">
        <strong data-testid="conflict-sentence">{words.sentence}</strong>
        <span className="conflict-help">Two consoles changed it without seeing each other. Confirm it, or set the other value: one click, for the whole team.</span>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="conflict-actions">
        <button type="button" className="btn btn-sm" data-testid="conflict-keep" disabled={busy} onClick={() => void settle()}>
          {words.keep}
        </button>
        {change && (
          <button type="button" className="btn btn-sm" data-testid="conflict-change" disabled={busy} onClick={() => void settle(change.value)}>
            {change.label}
          </button>
        )}
      </div>
    </div>
  );
}

/** Severity or status set on two consoles that could not see each other: said once, answered in one click. */
export function ConflictBanner({ incident }: { incident: IncidentView }) {
  const open = incident.conflicts.filter((c) => c.settled === null);
  const now = useIncidentNow(incident);
  return (
    // Always drawn, so that a conflict found while the screen is open is read out when it appears.
    <div className="conflicts" role="status" aria-label="Conflicts between consoles">
      {open.map((conflict) => (
        <ConflictRow
          key={conflict.id}
          incidentId={incident.id}
          now={now}
          conflict={conflict}
          inForce={conflict.field === 'severity' ? incident.severity : incident.status}
        />
      ))}
    </div>
  );
}
