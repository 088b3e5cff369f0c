import type { IncidentState, Millis } from '../domain/incident';
import { instantOf, type TimeZone, wallTime } from '../time/zone';
import { isoWeek } from './report';
import { personKey, type PersonStint, stintsByPerson, stintsOf } from './responder-stints';
import { mergeIntervals, type Span, spanLength } from './spans';
import { outsideHoursMs, type WorkingHours } from './working-hours';

// The toll incidents take on the people who answer them. These figures are for the team's leads
// to plan rest, never to compare people: nothing here sorts people by how much they worked.
// Every function but `recoveryNotes` takes one person's stints (see `stintsByPerson`).

const H = 3_600_000;
const MINUTE = 60_000;

/** A person's stints as spans, a stint still on running to `now`; overlapping time counted once. */
export function timeOnIncidents(stints: readonly PersonStint[], now: Millis): Span[] {
  return mergeIntervals(stints.map((s) => ({ from: s.from, to: s.to ?? Math.max(s.from, now) })));
}

export interface WeekHours {
  /** ISO week in the person's zone: `2026-W48`, Monday 00:00 to Monday 00:00 on their clock. */
  week: string;
  ms: number;
}

/** Time on incidents per ISO week in `zone`, weeks with none left out. */
export function hoursByWeek(stints: readonly PersonStint[], zone: TimeZone, now: Millis): WeekHours[] {
  const weeks = new Map<string, number>();
  for (const span of timeOnIncidents(stints, now)) {
    for (let from = span.from; from < span.to; ) {
      const w = wallTime(from, zone);
      const isoWeekday = ((w.weekday + 6) % 7) + 1;
      const nextMonday = instantOf({ year: w.year, month: w.month, day: w.day + 8 - isoWeekday, hour: 0, minute: 0, second: 0 }, zone);
      const to = Math.min(span.to, nextMonday);
      const week = isoWeek(Date.UTC(w.year, w.month - 1, w.day));
      weeks.set(week, (weeks.get(week) ?? 0) + (to - from));
      from = to;
    }
  }
  return [...weeks].map(([week, ms]) => ({ week, ms })).sort((a, b) => a.week.localeCompare(b.week));
}

/** The incidents a person was on, each once, in the order they joined them. */
export function incidentsWorked(stints: readonly PersonStint[]): string[] {
  return [...new Set([...stints].sort((a, b) => a.from - b.from).map((s) => s.incidentId))];
}

export interface LongStretch extends Span {
  ms: number;
  incidents: string[];
  /** How it ended: relieved by a handoff, stepped off every incident, or still going at `now`. */
  ended: 'handoff' | 'stepped-off' | 'still-on';
}

/**
 * Continuous time on incidents of at least `thresholdHours`. Stints that overlap, on one incident
 * or two, make one stretch; so do stints that touch (released one role, took another at the same
 * moment) unless the earlier one ended in a handoff. Any gap, however short, ends a stretch: the
 * record cannot tell a coffee from a night's sleep, so it does not guess.
 */
export function longStretches(stints: readonly PersonStint[], now: Millis, thresholdHours = 4): LongStretch[] {
  const sorted = stints
    .map((s) => ({ ...s, end: s.to ?? Math.max(s.from, now) }))
    .sort((a, b) => a.from - b.from || a.end - b.end);
  const stretches: Array<{ from: number; to: number; incidents: Set<string>; handoff: boolean; stillOn: boolean }> = [];
  for (const s of sorted) {
    const last = stretches.at(-1);
    if (last && (s.from < last.to || (s.from === last.to && !last.handoff))) {
      if (s.end > last.to) Object.assign(last, { to: s.end, handoff: s.handedOff, stillOn: s.to === null });
      else if (s.end === last.to) Object.assign(last, { handoff: last.handoff || s.handedOff, stillOn: last.stillOn || s.to === null });
      last.incidents.add(s.incidentId);
    } else stretches.push({ from: s.from, to: s.end, incidents: new Set([s.incidentId]), handoff: s.handedOff, stillOn: s.to === null });
  }
  return stretches
    .filter((s) => s.to - s.from >= thresholdHours * H)
    .map((s) => ({ from: s.from, to: s.to, ms: s.to - s.from, incidents: [...s.incidents], ended: s.stillOn ? 'still-on' : s.handoff ? 'handoff' : 'stepped-off' }));
}

/** How much of `spans` fell outside a person's working hours; null when none are set (nothing guessed). */
export function outsideOf(spans: readonly Span[], hours: WorkingHours | undefined): number | null {
  return hours ? spans.reduce((sum, span) => sum + outsideHoursMs(span, hours), 0) : null;
}

/** `5 h 20`, `3 h`, `40 min`: to the nearest minute. */
export function formatHours(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/**
 * After a SEV1 or SEV2 closes, one line per person who was on it, in the order they joined:
 * "Dana: 5 h 20 on incident, 3 h outside working hours — plan recovery". Someone with no working
 * hours set gets their hours only; nobody is guessed to have been up at night. "Plan recovery"
 * is added when some of it was outside working hours or it came to `longHours` or more. Drills
 * are practice and get no note.
 */
export function recoveryNotes(state: IncidentState, workingHoursByName: Readonly<Record<string, WorkingHours | undefined>>, now: Millis, longHours = 4): string[] {
  if (state.status !== 'closed' || state.drill !== null || (state.severity !== 'SEV1' && state.severity !== 'SEV2')) return [];
  const hoursFor = new Map(Object.entries(workingHoursByName).map(([name, hours]) => [personKey(name), hours]));
  return stintsByPerson(stintsOf(state))
    .map((person) => ({ ...person, spans: timeOnIncidents(person.stints, now) }))
    .sort((a, b) => (a.spans[0]?.from ?? 0) - (b.spans[0]?.from ?? 0))
    .filter((person) => spanLength(person.spans) > 0)
    .map(({ name, spans }) => {
      const onMs = spanLength(spans);
      const hours = hoursFor.get(personKey(name));
      const outsideMs = outsideOf(spans, hours);
      // Less than half a minute outside would read "0 min outside": call it within.
      const wasOutside = outsideMs !== null && Math.round(outsideMs / MINUTE) > 0;
      const outside = outsideMs === null ? '' : wasOutside ? `, ${formatHours(outsideMs)} outside working hours` : ', all within working hours';
      const recover = wasOutside || onMs >= longHours * H ? ' — plan recovery' : '';
      return `${name}: ${formatHours(onMs)} on incident${outside}${recover}`;
    });
}
