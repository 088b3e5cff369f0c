import { useState } from 'react';
import type { IntegrityReport } from '../../shared/domain/integrity';
import { api } from '../api';
import { scheduleIncidentListRefresh } from '../store/incident-list-store';
import { showIncident } from '../store/open-incident-sync';

interface Props {
  incidentId: string;
  integrity: IntegrityReport;
}

/** What opening the journal found, in plain words; a damaged journal offers recovery. */
export function IntegrityBanner({ incidentId, integrity }: Props) {
  const [recovering, setRecovering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (integrity.status === 'ok') return null;

  async function recover() {
    setRecovering(true);
    const result = await api.call('journal.recover', { incidentId });
    setRecovering(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    showIncident(result.value);
    scheduleIncidentListRefresh();
  }

  const corrupt = integrity.status === 'corrupt';
  return (
    <div className={`integrity-banner integrity-${integrity.status}`} role={corrupt ? 'alert' : 'status'} data-testid="integrity-banner">
      <div className="integrity-text">
        <strong>
          {corrupt
            ? 'Journal damaged — new entries are refused until you recover it. Recovery keeps every readable record and sets the damaged file aside.'
            : 'Journal repaired — what could not be read was set aside, not deleted.'}
        </strong>
        <ul className="integrity-problems">
          {integrity.problems.map((problem, i) => (
            <li key={i}>
              {problem.detail}
              {!problem.detail.includes(problem.file) && (
                <span className="integrity-where">
                  {' '}
                  ({problem.file}
                  {problem.line === null ? '' : `, line ${problem.line}`})
                </span>
              )}
            </li>
          ))}
        </ul>
        {error && <p className="form-error">{error}</p>}
      </div>
      {corrupt && (
        <button type="button" className="btn btn-danger" onClick={recover} disabled={recovering} data-testid="recover-button">
          {recovering ? 'Recovering…' : 'Recover'}
        </button>
      )}
    </div>
  );
}
