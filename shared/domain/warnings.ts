import { ROLE_LABELS, type IncidentState, type Millis, type RoleKey } from './incident';
import { peopleOnIncident } from './people';
import type { Settings } from './settings';

export interface ResponseWarning {
  code: 'role-empty' | 'ic-holds-tech-lead' | 'long-shift';
  message: string;
  role?: RoleKey;
  person?: string;
}

const ACTIVE = new Set(['investigating', 'identified', 'mitigated']);

/**
 * What the commander should see at a glance about the response's shape: required roles that
 * nobody holds, the IC also running the technical work (the coordination collision), and
 * people who have been on the incident long enough to plan a handoff.
 */
export function responseWarnings(
  state: IncidentState,
  policy: Pick<Settings, 'requiredRoles' | 'shiftLimitHours'>,
  now: Millis,
): ResponseWarning[] {
  if (!ACTIVE.has(state.status)) return [];
  const warnings: ResponseWarning[] = [];
  for (const role of policy.requiredRoles[state.severity] ?? []) {
    if (!state.roles[role]) {
      warnings.push({ code: 'role-empty', role, message: `${ROLE_LABELS[role]} is empty (required at ${state.severity}).` });
    }
  }
  const ic = state.roles['incident-commander'];
  const tl = state.roles['technical-lead'];
  if (ic && tl && sameName(ic.name, tl.name)) {
    warnings.push({
      code: 'ic-holds-tech-lead',
      person: ic.name,
      message: `${ic.name} is both incident commander and technical lead: nobody is coordinating while they debug.`,
    });
  }
  const limitMs = policy.shiftLimitHours * 3_600_000;
  for (const person of peopleOnIncident(state, now)) {
    if (person.leftAt === null && person.onIncidentMs > limitMs) {
      const hours = (person.onIncidentMs / 3_600_000).toFixed(1);
      warnings.push({
        code: 'long-shift',
        person: person.name,
        message: `${person.name} has been on this incident ${hours} h; plan a handoff.`,
      });
    }
  }
  return warnings;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
