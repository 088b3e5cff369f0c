import { ROLE_KEYS, SEVERITIES, type RoleKey, type Severity } from '../../../shared/domain/incident';
import { numberText, parseNumber } from './minutes';
import type { FormSpec } from './use-settings-form';

export interface RolesDraft {
  requiredRoles: Record<Severity, RoleKey[]>;
  shiftLimitHours: string;
}

export const rolesSpec: FormSpec<RolesDraft> = {
  id: 'roles',
  fromSettings: (s) => ({ requiredRoles: s.requiredRoles, shiftLimitHours: numberText(s.shiftLimitHours) }),
  toPatch: (d) => {
    const hours = parseNumber(d.shiftLimitHours, 'Shift limit');
    if (!hours.ok) return { errors: { shiftLimitHours: hours.message } };
    // Keep the roles in the order the war room lists them, whatever order they were ticked in.
    const requiredRoles = Object.fromEntries(
      SEVERITIES.map((sev) => [sev, ROLE_KEYS.filter((role) => d.requiredRoles[sev].includes(role))]),
    ) as Record<Severity, RoleKey[]>;
    return { patch: { requiredRoles, shiftLimitHours: hours.value ?? 0 } };
  },
  same: (a, b) =>
    a.shiftLimitHours.trim() === b.shiftLimitHours.trim() &&
    SEVERITIES.every((sev) => ROLE_KEYS.every((r) => a.requiredRoles[sev].includes(r) === b.requiredRoles[sev].includes(r))),
};
