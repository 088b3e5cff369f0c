import { ROLE_LABELS, type Severity } from '../../../shared/domain/incident';
import type { ResponseWarning } from '../../../shared/domain/warnings';
import { openDialog } from '../../store/war-room-store';

/**
 * What is wrong with the shape of the response. Empty required roles are one line (each row
 * below has its own Assign); the IC holding the technical lead and long shifts are one each.
 */
export function ResponseWarnings({ warnings, severity }: { warnings: ResponseWarning[]; severity: Severity }) {
  if (warnings.length === 0) return null;
  const empty = warnings.filter((w) => w.code === 'role-empty' && w.role);
  const others = warnings.filter((w) => w.code !== 'role-empty');
  return (
    <ul className="warnings" aria-label="Response warnings" data-testid="response-warnings">
      {empty.length > 0 && (
        <li className="warning" data-testid="response-warning" data-code="role-empty">
          <span className="warning-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="warning-text">
            Required at {severity} and empty: {empty.map((w) => ROLE_LABELS[w.role!]).join(', ')}.
          </span>
        </li>
      )}
      {others.map((w) => (
        <li key={`${w.code}:${w.person ?? ''}`} className={`warning warning-${w.code}`} data-testid="response-warning" data-code={w.code}>
          <span className="warning-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="warning-text">{w.message}</span>
          {w.code === 'ic-holds-tech-lead' && (
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'handoff', role: 'technical-lead' })}>
              Hand off TL
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

