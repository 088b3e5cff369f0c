import type { ResponderToll } from '../../../shared/metrics/cost-report';

// The responder figures for the charts and CSVs; the words shared with the bundle's private file
// live in shared/metrics/responder-words.ts.

export { alphabetical, outsideWords, stretchWords } from '../../../shared/metrics/responder-words';

/** The CSV button of a responder card: the file is the leads', not for passing round. */
export const PRIVATE_CSV = 'Download CSV (private)';

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

/** Hours for a chart axis: `3 h`, `1.5 h`. */
export const axisHours = (hours: number) => `${Number(hours.toFixed(1))} h`;
