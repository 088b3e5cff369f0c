import type { ResponderToll } from '../../../shared/metrics/cost-report';
import { formatHours, type LongStretch } from '../../../shared/metrics/responder-toll';

// The responder figures in words. Blameless by construction: people in alphabetical order,
// never sorted by hours, and no "top" or "most" anywhere.

export function alphabetical<T extends { name: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Hours outside working hours; `not set` when the roster has none for them (nothing guessed). */
export function outsideWords(ms: number | null): string {
  return ms === null ? 'not set' : formatHours(ms);
}

export const hoursCell = (ms: number | null) => (ms === null ? null : Math.round(ms / 360_000) / 10);

/** One row per ISO week, one column per person (hours, one decimal): the chart's data. */
export function weeklyRows(people: readonly ResponderToll[]): Array<Record<string, string | number>> {
  const weeks = [...new Set(people.flatMap((p) => p.weeks.map((w) => w.week)))].sort();
  return weeks.map((week) => {
    const row: Record<string, string | number> = { week };
    for (const person of people) row[person.name] = hoursCell(person.weeks.find((w) => w.week === week)?.ms ?? 0) ?? 0;
    return row;
  });
}

const ENDED: Record<LongStretch['ended'], string> = {
  handoff: 'ended by a handoff',
  'stepped-off': 'ended without a handoff',
  'still-on': 'still on',
};

/** `7 h 10 without a break, 2 incidents, ended without a handoff`. */
export function stretchWords(s: LongStretch): string {
  const incidents = s.incidents.length === 1 ? '1 incident' : `${s.incidents.length} incidents`;
  return `${formatHours(s.ms)} without a break, ${incidents}, ${ENDED[s.ended]}`;
}

/** Hours for a chart axis: `3 h`, `1.5 h`. */
export const axisHours = (hours: number) => `${Number(hours.toFixed(1))} h`;
