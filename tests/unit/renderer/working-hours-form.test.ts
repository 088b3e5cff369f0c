import { describe, expect, it } from 'vitest';
import { defaultWorkingHours, describeDays, describeWorkingHours, toggleDay } from '../../../renderer/components/settings/working-hours-form';
import { workingHoursProblems } from '../../../shared/metrics/working-hours';

describe('working hours in the roster editor', () => {
  it('starts from a weekday nine to five the engine accepts', () => {
    const hours = defaultWorkingHours('Europe/Berlin');
    expect(workingHoursProblems(hours)).toEqual([]);
    expect(describeWorkingHours(hours)).toBe('Mon–Fri 09:00–17:00, Europe/Berlin');
  });

  it('keeps days in week order as they are toggled', () => {
    expect(toggleDay([1, 2, 3], 7, true)).toEqual([1, 2, 3, 7]);
    expect(toggleDay([7, 1], 4, true)).toEqual([1, 4, 7]);
    expect(toggleDay([1, 2, 3], 2, false)).toEqual([1, 3]);
    expect(toggleDay([1, 2], 2, true)).toEqual([1, 2]);
  });

  it('names runs of days as ranges', () => {
    expect(describeDays([1, 2, 3, 4, 5, 7])).toBe('Mon–Fri, Sun');
    expect(describeDays([6, 7])).toBe('Sat, Sun');
    expect(describeDays([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(describeDays([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
    expect(describeDays([])).toBe('no days');
  });

  it('says a night shift runs overnight, and "not set" when there are no hours', () => {
    expect(describeWorkingHours({ timeZone: 'America/New_York', days: [5, 6], start: '22:00', end: '06:00' })).toBe('Fri, Sat 22:00–06:00 (overnight), America/New_York');
    expect(describeWorkingHours(undefined)).toBe('working hours not set');
  });
});
