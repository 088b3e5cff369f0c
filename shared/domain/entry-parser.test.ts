import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsWrapConfirmation, parseEntry, readTime } from './entry-parser';

const NOW = new Date(2026, 10, 22, 15, 0, 0).getTime(); // local 15:00
const people = ['Dana Reyes', 'Sam Okafor', 'Sam Lee'];
const parse = (text: string) => parseEntry(text, { now: NOW, people });

describe('entry prefix parser', () => {
  it.each([
    ['/d roll back 4711', 'decision'],
    ['/h cache stampede', 'hypothesis'],
    ['/a restart pods', 'action'],
    ['/f p99 up 10x', 'finding'],
    ['/m feature flag off', 'mitigation'],
    ['/c status page posted', 'comms'],
    ['/todo add alert on queue depth', 'todo'],
    ['/DECISION upper case', 'decision'],
    ['plain note', 'note'],
  ])('%s is a %s', (text, kind) => {
    const parsed = parse(text);
    expect(parsed.kind).toBe(kind);
    expect(parsed.hints).toEqual([]);
    expect(parsed.text).toBe(text.replace(/^\/\S+\s+/, ''));
  });

  it('reads role and person mentions, and backdates', () => {
    const parsed = parse('/d @tl ~14:32 fail over to us-east-2');
    expect(parsed).toMatchObject({ kind: 'decision', attribution: 'technical-lead', text: 'fail over to us-east-2' });
    expect(parsed.occurredAt).toBe(new Date(2026, 10, 22, 14, 32).getTime());
    expect(parse('@dana confirmed').attribution).toBe('Dana Reyes');
    expect(parse('@dana-reyes confirmed').attribution).toBe('Dana Reyes');
    expect(parse('~5m @ic paged DBA').occurredAt).toBe(NOW - 5 * 60_000);
    expect(parse('~2026-11-21 23:58 first alert').occurredAt).toBe(new Date(2026, 10, 21, 23, 58).getTime());
  });

  it('a clock time later than now means yesterday (catching up across midnight)', () => {
    const justAfterMidnight = new Date(2026, 10, 23, 0, 10).getTime();
    const at = readTime('23:50', justAfterMidnight);
    expect(at).toEqual({ ok: true, value: new Date(2026, 10, 22, 23, 50).getTime(), wrapped: true });
  });

  it('malformed prefixes fall back to a note with a hint and keep every character', () => {
    const cases = ['/x what is this', '~25:99 late entry', '~2026-02-30 10:00 bad date', '~soon thing', '/dd typo'];
    for (const text of cases) {
      const parsed = parse(text);
      expect(parsed.kind).toBe('note');
      expect(parsed.occurredAt).toBeNull();
      expect(parsed.text).toBe(text);
      expect(parsed.hints.length).toBe(1);
    }
    expect(parse('@sam ambiguous').hints[0]).toMatch(/Sam Okafor or Sam Lee/);
    expect(parse('@sam ambiguous').attribution).toBe('sam');
    expect(parse('/d').hints[0]).toMatch(/Type the entry/);
  });

  it('never loses text: whatever is typed is in the text or read as a prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (typed) => {
        const parsed = parse(typed);
        const words = typed.trim().split(/\s+/).filter(Boolean);
        const kept = parsed.text.split(/\s+/).filter(Boolean);
        // What is not in the text must be leading tokens that the parser recognised.
        const dropped = words.length - kept.length;
        expect(dropped).toBeGreaterThanOrEqual(0);
        expect(dropped).toBeLessThanOrEqual(4);
        expect(words.slice(dropped).join(' ')).toBe(kept.join(' '));
        for (const w of words.slice(0, dropped)) expect(w).toMatch(/^[/@~]/);
      }),
    );
  });
});

describe('backdating across midnight (issue 10: a time later than now silently became yesterday)', () => {
  const PARIS = 'Europe/Paris';
  // 03:28 in Paris on 22 Nov 2026 is 02:28 UTC.
  const at0328 = Date.UTC(2026, 10, 22, 2, 28);

  it('reads clock times in the given zone', () => {
    const parsed = parseEntry('~03:05 paged DBA', { now: at0328, timeZone: PARIS });
    expect(parsed.occurredAt).toBe(Date.UTC(2026, 10, 22, 2, 5));
    expect(parsed.wrapped).toBe(false);
    expect(needsWrapConfirmation(parsed, at0328)).toBe(false);
  });

  it('a clock time later than now wraps to yesterday, says so, and needs a confirmation when it is far back', () => {
    const parsed = parseEntry('~03:50 paged DBA', { now: at0328, timeZone: PARIS });
    expect(parsed.occurredAt).toBe(Date.UTC(2026, 10, 21, 2, 50));
    expect(parsed.wrapped).toBe(true);
    expect(needsWrapConfirmation(parsed, at0328)).toBe(true);
  });

  it('a wrap of a few minutes across midnight is the scribe catching up: no confirmation', () => {
    const at0010 = Date.UTC(2026, 10, 22, 23, 10); // 00:10 on 23 Nov in Paris
    const parsed = parseEntry('~23:50 first alert', { now: at0010, timeZone: PARIS });
    expect(parsed.occurredAt).toBe(Date.UTC(2026, 10, 22, 22, 50));
    expect(parsed.wrapped).toBe(true);
    expect(needsWrapConfirmation(parsed, at0010)).toBe(false);
  });

  it('a date and time in the future is refused with a hint, and the text is kept', () => {
    const parsed = parseEntry('~2026-11-22 03:50 paged DBA', { now: at0328, timeZone: PARIS });
    expect(parsed.occurredAt).toBeNull();
    expect(parsed.text).toBe('~2026-11-22 03:50 paged DBA');
    expect(parsed.hints[0]).toMatch(/in the future/);
    expect(parsed.refusal).toMatch(/in the future/);
    expect(parseEntry('~40 tickets from support', { now: at0328, timeZone: PARIS }).refusal).toBeNull();
  });
});
