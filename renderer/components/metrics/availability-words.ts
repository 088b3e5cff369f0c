import type { Availability } from '../../../shared/metrics/availability';
import { formatHours } from '../../../shared/metrics/responder-toll';
import type { Distribution } from '../../../shared/metrics/stats';

// Availability and error budgets in words and numbers for the Availability cards. Kept pure so
// the rounding rules are tested: a service just under its objective must never read as meeting it.

const MINUTE = 60_000;

/** Decimals enough to tell the objective apart: 99.9 → 2, 99.95 → 2, 99.999 → 3. */
export function digitsFor(objectivePercent: number): number {
  const decimals = (String(objectivePercent).split('.')[1] ?? '').length;
  return Math.min(4, Math.max(2, decimals));
}

/**
 * 0.99873 → `99.87 %`. Rounded down, never up: 99.8999 % against 99.9 % reads `99.89 %`, not a
 * `99.90 %` that looks met. Exactly up is `100 %`.
 */
export function formatAvailability(availability: number, digits = 2): string {
  if (availability >= 1) return '100 %';
  const scale = 10 ** digits;
  const floored = Math.floor(availability * 100 * scale + 1e-9) / scale;
  return `${floored.toFixed(digits)} %`;
}

/** `99.9 %` as typed in Settings. */
export const formatObjective = (objectivePercent: number) => `${objectivePercent} %`;

/** Minutes for a budget: `43.2 min` under 100, `342 min` above, with hours beside past two: `342 min (5 h 42)`. */
export function formatMinutes(ms: number): string {
  const minutes = Math.abs(ms) / MINUTE;
  const text = minutes < 100 ? `${Number(minutes.toFixed(1))} min` : `${Math.round(minutes).toLocaleString('en-US')} min`;
  return minutes >= 120 ? `${text} (${formatHours(Math.abs(ms))})` : text;
}

/** `21.6 min left (50 %)`, `overspent by 12 min (−28 %)`, or what a 100 % objective means. */
export function budgetWords(a: Pick<Availability, 'budgetMs' | 'budgetLeftMs' | 'budgetLeftPercent'>): string {
  if (a.budgetLeftPercent === null) return a.budgetLeftMs < 0 ? `no budget (100 % objective): ${formatMinutes(a.budgetLeftMs)} down` : 'no budget (100 % objective)';
  const pct = Math.round(a.budgetLeftPercent);
  if (a.budgetLeftMs >= 0) return `${formatMinutes(a.budgetLeftMs)} left (${pct} %)`;
  return `overspent by ${formatMinutes(a.budgetLeftMs)} (−${Math.abs(pct)} %)`;
}

export type BudgetState = 'breached' | 'low' | 'ok';

/** A quarter of the budget or less is worth saying before it is gone. */
export const LOW_BUDGET_PERCENT = 25;

export function budgetState(a: Pick<Availability, 'breached' | 'budgetLeftPercent'>): BudgetState {
  if (a.breached) return 'breached';
  if (a.budgetLeftPercent !== null && a.budgetLeftPercent <= LOW_BUDGET_PERCENT) return 'low';
  return 'ok';
}

export const BUDGET_STATE_WORDS: Record<BudgetState, string> = {
  breached: 'Objective breached',
  low: 'Budget running low',
  ok: 'Within objective',
};

/** Days as the window is named: `30 days`, `1 day`. */
export const daysWords = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

/** A median with how many incidents stand behind it; missing ones said, never counted as zero. */
export function medianWords(d: Distribution, duration: (ms: number | null) => string): string {
  const extra = [d.missing > 0 ? `${d.missing} missing` : '', d.outOfOrder > 0 ? `${d.outOfOrder} flagged` : ''].filter(Boolean).join(', ');
  if (d.n === 0) return extra ? `— (${extra})` : '—';
  return `${duration(d.median)} (n=${d.n}${extra ? `, ${extra}` : ''})`;
}

const STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 25];

/**
 * The y-axis of a rolling-availability chart, in percent: from a round value a little under the
 * lowest of the line and the objective, up to 100, with at most about five round ticks.
 */
export function availabilityAxis(percents: readonly number[], objectivePercent: number): { domain: [number, number]; ticks: number[]; digits: number } {
  const low = Math.min(objectivePercent, ...percents);
  const wanted = Math.max((100 - low) * 1.25, 0.004);
  const step = STEPS.find((s) => wanted / s <= 5 + 1e-6) ?? 25;
  const count = Math.min(Math.ceil(wanted / step - 1e-6), Math.floor(100 / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((100 - (count - i) * step).toFixed(4)));
  const digits = (String(step).split('.')[1] ?? '').length;
  return { domain: [ticks[0]!, 100], ticks, digits };
}
