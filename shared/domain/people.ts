import { isOpen, type IncidentState, type Millis, type RoleKey } from './incident';

export interface PersonOnIncident {
  name: string;
  contact: string;
  /** Roles held now (a responder is listed as 'responder'). */
  holding: Array<RoleKey | 'responder'>;
  joinedAt: Millis;
  /** Null while still on the incident. */
  leftAt: Millis | null;
  /** Time on the incident, overlapping roles counted once. */
  onIncidentMs: number;
}

/** Who has been on the incident, for how long: from the role history. */
export function peopleOnIncident(state: IncidentState, now: Millis): PersonOnIncident[] {
  // "Dana" and "dana " typed at two handoffs are one person.
  const byName = new Map<string, { name: string; stints: Array<{ from: number; to: number | null; role: RoleKey | 'responder'; contact: string }> }>();
  for (const stint of state.roleHistory) {
    const key = stint.name.trim().toLowerCase();
    const person = byName.get(key) ?? { name: stint.name.trim(), stints: [] };
    person.stints.push({ from: stint.from, to: stint.to, role: stint.role, contact: stint.contact });
    byName.set(key, person);
  }
  // Roles stay assigned after resolution, but the time on the incident ends there (as in responder-stints).
  const endedAt = isOpen(state.status) ? null : (state.timestamps.resolvedAt ?? state.timestamps.closedAt);
  const until = (s: { from: number; to: number | null }) => s.to ?? (endedAt === null ? now : Math.max(s.from, Math.min(endedAt, now)));
  return [...byName.values()].map(({ name, stints }) => {
    const open = stints.filter((s) => s.to === null);
    return {
      name,
      contact: stints[stints.length - 1]!.contact,
      holding: open.map((s) => s.role),
      joinedAt: Math.min(...stints.map((s) => s.from)),
      leftAt: open.length ? null : Math.max(...stints.map((s) => s.to ?? 0)),
      onIncidentMs: unionLength(stints.map((s) => [s.from, until(s)] as const)),
    };
  });
}

function unionLength(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [from, to] of sorted) {
    if (from > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = from;
      curEnd = to;
    } else if (to > curEnd) curEnd = to;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}
