import type { IncidentState, RoleKey } from '../../shared/domain/incident';
import type { RosterPerson } from '../../shared/domain/settings';

/** The roster with the people who usually take `role` first, then everyone else by name. */
export function rosterFor(roster: readonly RosterPerson[], role: RoleKey | null): RosterPerson[] {
  const byName = (a: RosterPerson, b: RosterPerson) => a.name.localeCompare(b.name);
  if (role === null) return [...roster].sort(byName);
  const usual = roster.filter((p) => p.usualRoles.includes(role)).sort(byName);
  const rest = roster.filter((p) => !p.usualRoles.includes(role)).sort(byName);
  return [...usual, ...rest];
}

/** Names an `@mention` or an owner field may mean: role holders and responders still on the incident. */
export function namesOnIncident(state: IncidentState): string[] {
  const holders = Object.values(state.roles).map((holder) => holder.name);
  const responders = state.responders.filter((r) => r.leftAt === null).map((r) => r.name);
  return [...new Set([...holders, ...responders])];
}
