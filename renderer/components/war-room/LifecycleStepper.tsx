import type { IncidentView } from '../../../shared/contract/contract';
import type { IncidentStatus } from '../../../shared/domain/incident';
import { checkMove, STATUS_LABELS } from '../../../shared/domain/lifecycle';
import { openDialog } from '../../store/war-room-store';

const STEPS: IncidentStatus[] = ['investigating', 'identified', 'mitigated', 'resolved', 'closed'];

/**
 * Where the incident is in its life, and the moves the commander may make from here: each
 * allowed step is a button (a move asks for a reason), the rest are shown but inert.
 */
export function LifecycleStepper({ incident }: { incident: IncidentView }) {
  const current = STEPS.indexOf(incident.status);
  const reopen = checkMove(incident.status, 'investigating');
  return (
    <nav className="stepper" aria-label="Status">
      <ol className="stepper-steps">
        {STEPS.map((step, i) => {
          const isCurrent = step === incident.status;
          const move = checkMove(incident.status, step);
          const allowed = move.ok && !move.reopen;
          const state = isCurrent ? 'is-current' : i < current ? 'is-past' : 'is-ahead';
          return (
            <li key={step} className={`step step-${step} ${state}`}>
              {isCurrent ? (
                <span className="step-label" aria-current="step" data-testid="incident-status">
                  {STATUS_LABELS[step]}
                </span>
              ) : (
                <button
                  type="button"
                  className="step-label step-button"
                  data-testid={`status-to-${step}`}
                  disabled={!allowed}
                  title={allowed ? `Move to ${STATUS_LABELS[step].toLowerCase()}` : move.ok ? undefined : move.reason}
                  onClick={() => openDialog({ kind: 'status', to: step })}
                >
                  {STATUS_LABELS[step]}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {reopen.ok && reopen.reopen && (
        <button type="button" className="btn btn-sm btn-reopen" data-testid="status-reopen" onClick={() => openDialog({ kind: 'status', to: 'investigating' })}>
          ↺ Reopen
        </button>
      )}
    </nav>
  );
}
