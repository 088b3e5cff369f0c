import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutAtLines, entryParts } from './entry-parts';

const noSpace = (s: string) => s.replace(/\s+/g, '');
const unmark = (part: string) => part.replace(/^\(part \d+\/\d+\) /, '');

describe('cutting a long paste at line ends', () => {
  it('cuts after the last line end that fits', () => {
    expect(cutAtLines('aaa\nbbb\nccc\n', 8)).toEqual(['aaa\nbbb\n', 'ccc\n']);
  });

  it('cuts a line longer than the budget at a space, else anywhere', () => {
    expect(cutAtLines('one two three', 8)).toEqual(['one two ', 'three']);
    expect(cutAtLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never cuts between the two halves of an emoji', () => {
    expect(cutAtLines('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
  });

  it('for any text and budget: the pieces give the text back, each within the budget, cut at a line end when one fits', () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('\n'), fc.constant(' ')), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), (t, budget) => {
        const pieces = cutAtLines(t, budget);
        expect(pieces.join('')).toBe(t);
        for (const [i, piece] of pieces.entries()) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(budget);
          const last = i === pieces.length - 1;
          if (!last && t.slice(pieces.slice(0, i).join('').length).slice(0, budget).includes('\n')) expect(piece.endsWith('\n')).toBe(true);
        }
      }),
    );
  });
});

describe('entry parts', () => {
  it('a 50 KB log becomes entries of at most the limit, numbered in order, nothing left out', () => {
    const lines = Array.from({ length: 700 }, (_, i) => `2026-11-22T03:${String(i % 60).padStart(2, '0')}:00Z ERROR checkout-api pool exhausted (active=200 idle=0) req=${i}`);
    const log = lines.join('\n');
    expect(log.length).toBeGreaterThan(50_000);
    const parts = entryParts(log, 10_000);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(log.length / 10_000));
    expect(parts.length, 'cutting at line ends wastes at most a line per part').toBeLessThanOrEqual(Math.ceil(log.length / 9_800));
    parts.forEach((part, i) => {
      expect(part.length).toBeLessThanOrEqual(10_000);
      expect(part.startsWith(`(part ${i + 1}/${parts.length}) `)).toBe(true);
      // Every part starts at a whole log line.
      expect(unmark(part)).toMatch(/^2026-11-22T03:/);
    });
    expect(parts.map(unmark).join('\n')).toBe(log);
  });

  it('a text within the limit is one entry with no marker', () => {
    expect(entryParts('  short  ', 10)).toEqual(['short']);
  });

  it('for any text and limit: every part fits, markers count 1..n, every visible character kept in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 30, max: 120 }), (t, max) => {
        const parts = entryParts(t, max);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          expect(part.trim()).not.toBe('');
        }
        if (parts.length > 1) parts.forEach((p, i) => expect(p.startsWith(`(part ${i + 1}/${parts.length}) `)).toBe(true));
        expect(noSpace(parts.map(parts.length > 1 ? unmark : (p: string) => p).join(''))).toBe(noSpace(t));
      }),
    );
  });
});
