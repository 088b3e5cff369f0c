import { describe, expect, it } from 'vitest';
import { availabilityAxis, budgetState, budgetWords, digitsFor, formatAvailability, formatMinutes, medianWords } from '../../../renderer/components/metrics/availability-words';
import { distribution } from '../../../shared/metrics/stats';

const MIN = 60_000;

describe('availability in words', () => {
  it('rounds down, so a service just under its objective never reads as meeting it', () => {
    expect(formatAvailability(0.99873)).toBe('99.87 %');
    expect(formatAvailability(0.998999)).toBe('99.89 %');
    expect(formatAvailability(0.999)).toBe('99.90 %');
    expect(formatAvailability(0.99999, 2)).toBe('99.99 %');
    expect(formatAvailability(1)).toBe('100 %');
    expect(formatAvailability(0)).toBe('0.00 %');
  });

  it('shows as many decimals as the objective needs', () => {
    expect(digitsFor(99.9)).toBe(2);
    expect(digitsFor(99)).toBe(2);
    expect(digitsFor(99.999)).toBe(3);
    expect(formatAvailability(0.999985, digitsFor(99.999))).toBe('99.998 %');
  });

  it('says the budget left in minutes and percent, and an overspent one as such', () => {
    expect(budgetWords({ budgetMs: 43.2 * MIN, budgetLeftMs: 21.6 * MIN, budgetLeftPercent: 50 })).toBe('21.6 min left (50 %)');
    expect(budgetWords({ budgetMs: 43.2 * MIN, budgetLeftMs: -12 * MIN, budgetLeftPercent: -27.8 })).toBe('overspent by 12 min (−28 %)');
    expect(budgetWords({ budgetMs: 0, budgetLeftMs: 0, budgetLeftPercent: null })).toBe('no budget (100 % objective)');
    expect(budgetWords({ budgetMs: 0, budgetLeftMs: -5 * MIN, budgetLeftPercent: null })).toBe('no budget (100 % objective): 5 min down');
  });

  it('writes long budgets in whole minutes with hours beside them', () => {
    expect(formatMinutes(432 * MIN)).toBe('432 min (7 h 12)');
    expect(formatMinutes(-342 * MIN)).toBe('342 min (5 h 42)');
    expect(formatMinutes(1440 * MIN)).toBe('1,440 min (24 h)');
    expect(formatMinutes(0)).toBe('0 min');
  });

  it('names the state: breached, low at a quarter left, else within', () => {
    expect(budgetState({ breached: true, budgetLeftPercent: -3 })).toBe('breached');
    expect(budgetState({ breached: false, budgetLeftPercent: 25 })).toBe('low');
    expect(budgetState({ breached: false, budgetLeftPercent: 26 })).toBe('ok');
    expect(budgetState({ breached: false, budgetLeftPercent: null })).toBe('ok');
  });

  it('keeps missing timestamps missing in the medians, never zero', () => {
    const fmt = (ms: number | null) => (ms === null ? '—' : `${ms / MIN}m`);
    expect(medianWords(distribution([null, null]), fmt)).toBe('— (2 missing)');
    expect(medianWords(distribution([10 * MIN, null], 1), fmt)).toBe('10m (n=1, 1 missing, 1 flagged)');
    expect(medianWords(distribution([]), fmt)).toBe('—');
  });

  it('draws the chart from a round value under the lowest of line and objective up to 100, on round ticks', () => {
    const axis = availabilityAxis([100, 99.8], 99.9);
    expect(axis.domain).toEqual([99.75, 100]);
    expect(axis.ticks).toEqual([99.75, 99.8, 99.85, 99.9, 99.95, 100]);
    expect(axis.digits).toBe(2);
    const wide = availabilityAxis([100, 99.79], 99);
    expect(wide.ticks).toEqual([98.75, 99, 99.25, 99.5, 99.75, 100]);
    expect(availabilityAxis([100], 99.9).domain[0]).toBeLessThan(99.9);
    expect(availabilityAxis([0], 50).domain[0]).toBe(0);
  });
});
