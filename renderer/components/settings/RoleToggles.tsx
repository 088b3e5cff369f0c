import { ROLE_KEYS, ROLE_LABELS, type RoleKey } from '../../../shared/domain/incident';

interface Props {
  value: RoleKey[];
  onChange: (roles: RoleKey[]) => void;
}

/** The roles a person usually takes, as toggles; the war room offers them first for these roles. */
export function RoleToggles({ value, onChange }: Props) {
  return (
    <fieldset className="role-toggles">
      <legend className="field-label">Usual roles</legend>
      <div className="pill-row">
        {ROLE_KEYS.map((role) => (
          <label key={role} className="pill">
            <input
              type="checkbox"
              checked={value.includes(role)}
              data-testid={`person-role-${role}`}
              onChange={(e) =>
                onChange(e.target.checked ? ROLE_KEYS.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role))
              }
            />
            <span>{ROLE_LABELS[role]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
