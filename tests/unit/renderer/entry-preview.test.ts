import { describe, expect, it } from 'vitest';
import { describeReading, readEntry, wrapWarning } from '../../../renderer/components/entry-preview';

// Issue 10: `~03:50` typed at 03:28 (a typo for `~03:05`) was filed 23 h back with a preview
// that showed no date. The preview must give the day and how long ago; the first Enter warns.
const PARIS = 'Europe/Paris';
const at0328 = Date.UTC(2026, 10, 22, 2, 28); // Sunday 22 Nov, 03:28 in Paris

describe('entry preview of a backdated time', () => {
  it('a wrapped time shows the full date and how long ago, and asks for a second Enter', () => {
    const entry = readEntry('~03:50 paged DBA', 'note', [], at0328, PARIS);
    expect(describeReading(entry, 'note', at0328, PARIS)?.summary).toBe('at 03:50:00 yesterday, Sat 21 Nov (23 h ago)');
    expect(wrapWarning(entry, at0328, PARIS)).toBe('This files the entry 23 h ago, yesterday 03:50 — press Enter again to confirm');
  });

  it('a time earlier today says today and how long ago, with nothing to confirm', () => {
    const entry = readEntry('/d ~03:05 roll back', 'note', [], at0328, PARIS);
    expect(describeReading(entry, 'note', at0328, PARIS)?.summary).toBe('Decision · at 03:05:00 today (23 min ago)');
    expect(wrapWarning(entry, at0328, PARIS)).toBeNull();
  });

  it('a date and time in the future is refused with a hint', () => {
    const entry = readEntry('~2026-11-22 04:10 paged DBA', 'note', [], at0328, PARIS);
    expect(entry.refusal).toMatch(/in the future/);
    expect(describeReading(entry, 'note', at0328, PARIS)?.hints[0]).toMatch(/in the future/);
  });
});

describe('entry preview of an attribution', () => {
  it('names a person called "constructor" as a person, never as a property of every object', () => {
    const entry = { ...readEntry('hello', 'note', [], at0328, PARIS), attribution: 'constructor' };
    expect(describeReading(entry, 'note', at0328, PARIS)?.summary).toBe('constructor');
  });
});
