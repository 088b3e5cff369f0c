import type { IncidentState, RoleKey } from './incident';

/**
 * Who signs changes made at a console where nobody has said who they are yet. Never the
 * computer's account name: on a shared war-room machine that is "root" for everyone.
 */
export const UNKNOWN_OPERATOR = 'Unknown operator';

/** "Dana Whitfield" and " dana whitfield" typed at two consoles are one person. */
export function samePerson(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isKnownOperator(name: string): boolean {
  return name.trim() !== '' && !samePerson(name, UNKNOWN_OPERATOR);
}

/** Whether `operator` holds `role` on the incident right now. */
export function operatorHolds(state: IncidentState, role: RoleKey, operator: string): boolean {
  const holder = state.roles[role];
  return holder !== undefined && isKnownOperator(operator) && samePerson(holder.name, operator);
}

/** An IANA zone name this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
