import { describe, expect, it } from 'vitest';
import { alphabetical, hourTicks, outsideWords, stretchWords, weeklyRows } from '../../../renderer/components/metrics/responder-words';
import type { ResponderToll } from '../../../shared/metrics/cost-report';

const H = 3_600_000;

function person(name: string, weeks: Array<[string, number]>, outsideHoursMs: number | null = null): ResponderToll {
  return { name, totalMs: weeks.reduce((s, [, h]) => s + h * H, 0), outsideHoursMs, incidents: 1, weeks: weeks.map(([week, h]) => ({ week, ms: h * H })), longStretches: [] };
}

describe('responder figures in words', () => {
  it('lists people alphabetically, never by hours', () => {
    const people = [person('dana', [['2026-W47', 9]]), person('Alex', [['2026-W47', 1]]), person('Chen', [['2026-W47', 20]])];
    expect(alphabetical(people).map((p) => p.name)).toEqual(['Alex', 'Chen', 'dana']);
  });

  it('says "not set" when no working hours are known, and hours otherwise', () => {
    expect(outsideWords(null)).toBe('not set');
    expect(outsideWords(0)).toBe('0 min');
    expect(outsideWords(3 * H + 20 * 60_000)).toBe('3 h 20');
  });

  it('makes one chart row per week, a person without hours that week at zero', () => {
    const rows = weeklyRows([person('Alex', [['2026-W47', 1.5]]), person('Dana', [['2026-W46', 2], ['2026-W47', 5.25]])]);
    expect(rows).toEqual([
      { week: '2026-W46', Alex: 0, Dana: 2 },
      { week: '2026-W47', Alex: 1.5, Dana: 5.3 },
    ]);
  });

  it('puts the hours axis on round ticks that reach past the tallest bar, never "2.3 h"', () => {
    expect(hourTicks(0)).toEqual([0, 0.5]);
    expect(hourTicks(0.8)).toEqual([0, 0.5, 1]);
    expect(hourTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(hourTicks(2.3)).toEqual([0, 1, 2, 3]);
    expect(hourTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(hourTicks(11)).toEqual([0, 4, 8, 12]);
    for (const max of [0.1, 1.7, 4.9, 23, 61, 130, 500]) {
      const ticks = hourTicks(max);
      expect(ticks.at(-1), `top tick for ${max}`).toBeGreaterThanOrEqual(max);
      expect(ticks.length, `tick count for ${max}`).toBeLessThanOrEqual(6);
      expect(ticks.every((t) => Number.isInteger(t * 2)), `round ticks for ${max}`).toBe(true);
    }
  });

  it('describes a long stretch and how it ended', () => {
    expect(stretchWords({ from: 0, to: 7 * H + 600_000, ms: 7 * H + 600_000, incidents: ['a', 'b'], ended: 'stepped-off' })).toBe('7 h 10 without a break, 2 incidents, ended without a handoff');
    expect(stretchWords({ from: 0, to: 5 * H, ms: 5 * H, incidents: ['a'], ended: 'still-on' })).toBe('5 h without a break, 1 incident, still on');
  });
});
