import { type IncidentState, isOpen, type Millis, ROLE_LABELS, type RoleKey } from '../domain/incident';

// One person's time on one incident, in one role or as a responder, read from the incident's
// role history (the same history `peopleOnIncident` reads).
//
// Assumptions:
// - A stint still open when the incident was resolved ends at the resolution: the roles stay
//   filled for the review, but that is not time spent responding. A reopened incident has no
//   resolution yet, so its stints run on.
// - A stint "ended by a handoff" is one of a role that ended at the moment the engine logged
//   the handoff of that same role. The role history does not say how a stint ended, so this is
//   read from the engine's own entry (people cannot write or amend those); an `endedBy` on
//   `RoleStint` set by the reducer would make it explicit.
// - "Dana" and "dana " are one person, as in `peopleOnIncident`.

export interface PersonStint {
  incidentId: string;
  name: string;
  role: RoleKey | 'responder';
  from: Millis;
  /** Null while still on. */
  to: Millis | null;
  /** Ended by handing the role to someone else with a briefing. */
  handedOff: boolean;
}

export const personKey = (name: string) => name.trim().toLowerCase();

export function stintsOf(state: IncidentState): PersonStint[] {
  const closedAt = isOpen(state.status) ? null : (state.timestamps.resolvedAt ?? state.timestamps.closedAt);
  const handoffs = state.timeline.filter((e) => e.systemType === 'role.handedOff');
  return state.roleHistory.map((stint) => {
    const to = stint.to ?? (closedAt === null ? null : Math.max(stint.from, closedAt));
    const role = stint.role;
    const handedOff = role !== 'responder' && stint.to !== null && handoffs.some((e) => e.at === stint.to && e.text.startsWith(`${ROLE_LABELS[role]} handed off from `));
    return { incidentId: state.id, name: stint.name.trim(), role: stint.role, from: stint.from, to, handedOff };
  });
}

/** Stints by person, each person under the name they were first recorded with. */
export function stintsByPerson(stints: readonly PersonStint[]): Array<{ name: string; stints: PersonStint[] }> {
  const people = new Map<string, { name: string; stints: PersonStint[] }>();
  for (const stint of stints) {
    const key = personKey(stint.name);
    const person = people.get(key) ?? { name: stint.name.trim(), stints: [] };
    person.stints.push(stint);
    people.set(key, person);
  }
  return [...people.values()];
}
