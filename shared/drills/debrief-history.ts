import type { Millis, RoleKey } from '../domain/incident';
import type { Debrief } from './debrief';
import { DEBRIEF_CATEGORIES, type DebriefCategory } from './types';

/**
 * Scores across drills, for the chart of progress the seeds ask for: one series per team and
 * one per person (everyone who held a role or acted in a drill), each sorted by drill start.
 */

export interface HistoryEntry {
  debrief: Debrief;
  /** The team that ran the drill (the team sync's team, or a name the facilitator gave). */
  team: string;
}

export interface HistoryPoint {
  incidentId: string;
  scenarioId: string | null;
  scenarioName: string | null;
  startedAt: Millis;
  overall: number | null;
  categories: Record<DebriefCategory, number | null>;
  /** In a person's series: the roles they held in this drill (empty if they only acted). */
  roles: RoleKey[];
}

export interface HistorySeries {
  /** Case- and space-insensitive: "Dana" and "dana " are one series. */
  key: string;
  name: string;
  points: HistoryPoint[];
}

const keyOf = (name: string) => name.trim().toLowerCase();

function point(d: Debrief, roles: RoleKey[] = []): HistoryPoint {
  const categories = Object.fromEntries(DEBRIEF_CATEGORIES.map((c) => [c, d.categories.find((s) => s.category === c)?.score ?? null])) as Record<DebriefCategory, number | null>;
  return { incidentId: d.incidentId, scenarioId: d.scenarioId, scenarioName: d.scenarioName, startedAt: d.startedAt, overall: d.overall, categories, roles };
}

const byStart = (a: HistoryPoint, b: HistoryPoint) => a.startedAt - b.startedAt || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0);

/** Series keyed by name; a drill appears once per series even if its debrief was given twice (the later wins). */
function collect(entries: readonly HistoryEntry[], owners: (entry: HistoryEntry) => Array<{ name: string; point: HistoryPoint }>): HistorySeries[] {
  const series = new Map<string, { name: string; points: Map<string, HistoryPoint> }>();
  for (const entry of entries) {
    if (!entry.debrief.incidentId) continue;
    for (const { name, point: p } of owners(entry)) {
      const key = keyOf(name);
      if (!key) continue;
      const s = series.get(key) ?? { name: name.trim(), points: new Map<string, HistoryPoint>() };
      s.points.set(p.incidentId, p);
      series.set(key, s);
    }
  }
  return [...series.entries()]
    .map(([key, s]) => ({ key, name: s.name, points: [...s.points.values()].sort(byStart) }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
}

export function historyByTeam(entries: readonly HistoryEntry[]): HistorySeries[] {
  return collect(entries, (e) => [{ name: e.team, point: point(e.debrief) }]);
}

export function historyByPerson(entries: readonly HistoryEntry[]): HistorySeries[] {
  return collect(entries, (e) => e.debrief.participants.map((p) => ({ name: p.name, point: point(e.debrief, [...p.roles]) })));
}
