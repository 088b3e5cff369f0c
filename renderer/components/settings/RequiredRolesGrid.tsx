import { ROLE_KEYS, ROLE_LABELS, SEVERITIES, type RoleKey, type Severity } from '../../../shared/domain/incident';
import { SeverityChip } from '../SeverityChip';
import { FieldError } from './FieldError';
import type { FieldErrors } from './field-errors';

interface Props {
  value: Record<Severity, RoleKey[]>;
  errors: FieldErrors;
  onToggle: (severity: Severity, role: RoleKey, on: boolean) => void;
}

/** Severities down, roles across: a tick means the war room warns while that role is empty. */
export function RequiredRolesGrid({ value, errors, onToggle }: Props) {
  return (
    <table className="grid-table roles-grid" data-testid="required-roles">
      <thead>
        <tr>
          <th scope="col" className="grid-corner">
            Severity
          </th>
          {ROLE_KEYS.map((role) => (
            <th scope="col" key={role}>
              {ROLE_LABELS[role]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SEVERITIES.map((sev) => (
          <tr key={sev}>
            <th scope="row">
              <span className="row-head">
                <SeverityChip severity={sev} />
                <span className="row-count">{value[sev].length === 0 ? 'none required' : `${value[sev].length} required`}</span>
              </span>
              <FieldError path={`requiredRoles.${sev}`} message={errors[`requiredRoles.${sev}`]} />
            </th>
            {ROLE_KEYS.map((role) => (
              <td key={role}>
                <label className="check-cell">
                  <input
                    type="checkbox"
                    className="check"
                    checked={value[sev].includes(role)}
                    aria-label={`${sev}: ${ROLE_LABELS[role]} required`}
                    data-testid={`required-${sev}-${role}`}
                    onChange={(e) => onToggle(sev, role, e.target.checked)}
                  />
                </label>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
