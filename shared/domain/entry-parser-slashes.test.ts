import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIND_PREFIXES, parseEntry } from './entry-parser';

// `/` focuses the box and `/h` marks a hypothesis, so a doubled slash is a common slip.
const parse = (text: string) => parseEntry(text, { now: Date.UTC(2026, 10, 22, 15), people: [] });

describe('entries starting with //', () => {
  it('"//h …" is kept as typed, with a warning naming the type it meant', () => {
    const parsed = parse('//h the retry queue is a symptom');
    expect(parsed.kind).toBe('note');
    expect(parsed.text).toBe('//h the retry queue is a symptom');
    expect(parsed.warning).toBe('Starts with //: did you mean /h?');
    expect(parsed.hints).toContain('Starts with //: did you mean /h?');
  });

  it('any number of slashes before a known type names it; other // lines are warned too', () => {
    expect(parse('///todo add an alert').warning).toBe('Starts with //: did you mean /todo?');
    expect(parse('//DECISION roll back').warning).toBe('Starts with //: did you mean /DECISION?');
    expect(parse('// a comment').warning).toMatch(/^Starts with \/\/: a type takes one slash/);
    expect(parse('//x what').warning).toMatch(/^Starts with \/\/: a type takes one slash/);
  });

  it('one slash, or a // later in the line, is no warning', () => {
    expect(parse('/h cache stampede').warning).toBeUndefined();
    expect(parse('see https://status.example.com').warning).toBeUndefined();
    expect(parse('/d //h as typed by the vendor').warning).toBeUndefined();
  });

  it('every line that starts with // (after spaces) is warned and keeps every character', () => {
    fc.assert(
      fc.property(fc.constantFrom('', ' ', '  '), fc.string({ maxLength: 30 }), (lead, rest) => {
        const typed = `${lead}//${rest}`;
        const parsed = parse(typed);
        expect(parsed.warning).toBeDefined();
        expect(parsed.kind).toBe('note');
        expect(parsed.text).toBe(typed.trim());
      }),
    );
  });

  it('the suggestion is always a real type', () => {
    for (const key of Object.keys(KIND_PREFIXES)) {
      expect(parse(`//${key} text`).warning).toBe(`Starts with //: did you mean /${key}?`);
    }
  });
});
