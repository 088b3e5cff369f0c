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

/** Ticks in round hours — halves up to two hours, then 1, 2, 4, 6, 8, 12 or 24 apart — so no tick reads "2.3 h". */
export function hourTicks(maxHours: number): number[] {
  const top = Math.max(maxHours, 0.5);
  const step = top <= 2 ? 0.5 : ([1, 2, 4, 6, 8, 12, 24].find((s) => top / s <= 5) ?? Math.ceil(top / 120) * 24);
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** Hours for a chart axis: `3 h`, `1.5 h`. */
export const axisHours = (hours: number) => `${Number(hours.toFixed(1))} h`;
