import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headings, markdownProblems, pipes } from '../../tests/support/markdown-shape';
import { mdBlock, mdHeading, mdLink, mdText } from './markdown';

// Strings a Markdown reader would take as structure, mixed into arbitrary text.
const MARKDOWN_BITS = ['#', '## ', '\n', '\r\n', '\u2028', '- ', '1. ', '> ', '```', '~~~', '    ', '\t', '|', '<', '>', '[', ']', '(', ')', '!', '*', '_', '`', '\\', '&amp;', '&#x3c;', '---', '===', 'javascript:', 'https://x.example', '\u202e', '\u0000'];
const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN_BITS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('Markdown escaping', () => {
  it('one line of any text stays one line with no structure of its own, in a list item, a table cell or a heading', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const line = mdText(text);
        expect(line).not.toMatch(/[\n\r]/);
        expect(markdownProblems(`- ${line}`)).toEqual([]);
        expect(markdownProblems(line)).toEqual([]);
        expect(headings(line)).toEqual([]);
        expect(pipes(`| ${line} | ${line} |`)).toBe(3);
        expect(headings(`# ${mdHeading(text)}`)).toHaveLength(1);
        expect(mdHeading(text)).not.toMatch(/(?<!\\)#/);
      }),
      { numRuns: 500 },
    );
  });

  it('prose of any lines opens no heading, quote, fence, list, link or HTML', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const block = mdBlock(text);
        expect(markdownProblems(block)).toEqual([]);
        expect(headings(block)).toEqual([]);
        for (const line of block.split('\n')) expect(line).not.toMatch(/^(?:[-+*]\s|\d+[.)]\s)/);
      }),
      { numRuns: 500 },
    );
  });

  it('writes what was typed, readably', () => {
    expect(mdText('Roll back 4711 (EU) — 30% of logins')).toBe('Roll back 4711 (EU) — 30% of logins');
    expect(mdText('a | b <img src=x> [x](y) `c` *d* _e_ ~f~ \\g &amp; R&D')).toBe('a \\| b \\<img src=x> \\[x\\](y) \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\\\g \\&amp; R&D');
    expect(mdText('# one\n\ntwo\tthree\u0007')).toBe('\\# one two three\uFFFD');
    expect(mdText('- x')).toBe('\\- x');
    expect(mdText('12. x')).toBe('12\\. x');
    expect(mdBlock('  one\n    two\n\n\n> three')).toBe('one\\\ntwo\n\n\\> three');
  });

  it('leaves bare addresses readable but not links a GitHub-flavoured reader would make', () => {
    expect(mdText('see https://grafana.example/d/1, www.example.com or ops@example.com')).toBe(
      'see https\\://grafana.example/d/1, www\\.example.com or ops\\@example.com',
    );
    expect(markdownProblems(mdText('http://a.example ftp://b.example WWW.C.EXAMPLE x_y@d.example'))).toEqual([]);
  });

  it('makes a link only of a plain web address, shown as itself', () => {
    expect(mdLink('https://wiki.example.com/runbooks/db?x=1#top')).toBe('<https://wiki.example.com/runbooks/db?x=1#top>');
    expect(mdLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(mdLink('https://x.example/a>b')).toBe('https\\://x.example/a>b');
    expect(mdLink('https://x.example/a|b')).toBe('https\\://x.example/a\\|b');
    expect(mdLink('https://x.example/a b')).toBe('https\\://x.example/a b');
    expect(markdownProblems(mdLink('https://x.example/<img src=x onerror=alert(1)>'))).toEqual([]);
  });
});
