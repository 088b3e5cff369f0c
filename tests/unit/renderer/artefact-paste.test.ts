import { describe, expect, it } from 'vitest';
import { entryTextFor, isSnippet, lineCount, pastedImageName, plainFileName, snippetHeadline, snippetName, SNIPPET_MIN_CHARS, SNIPPET_MIN_LINES, type PendingFile } from '../../../renderer/lib/artefact-paste';
import { ARTEFACT_STRIP_HEIGHT, extraHeight, REVISION_HEIGHT } from '../../../renderer/components/timeline-heights';
import type { TimelineEntry } from '../../../shared/domain/incident';

const file = (over: Partial<PendingFile>): PendingFile => ({ key: 'k', name: 'a.png', size: 1, blob: new Blob(['x']), snippet: null, ...over });

describe('a paste that becomes a snippet', () => {
  it('is over 4 000 characters or over 40 lines; a note is neither', () => {
    expect(isSnippet('x'.repeat(SNIPPET_MIN_CHARS))).toBe(false);
    expect(isSnippet('x'.repeat(SNIPPET_MIN_CHARS + 1))).toBe(true);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');
    expect(lineCount(lines(SNIPPET_MIN_LINES))).toBe(40);
    expect(isSnippet(lines(SNIPPET_MIN_LINES))).toBe(false);
    expect(isSnippet(lines(SNIPPET_MIN_LINES + 1))).toBe(true);
    expect(isSnippet('rolled back checkout-api to v41')).toBe(false);
  });

  it('is named by the local minute, and a second one that minute differs', () => {
    const at = new Date(2026, 10, 22, 3, 7);
    expect(snippetName(at)).toBe('snippet-0307.log');
    expect(snippetName(at, ['snippet-0307.log'])).toBe('snippet-0307-2.log');
    expect(snippetName(at, ['snippet-0307.log', 'snippet-0307-2.log'])).toBe('snippet-0307-3.log');
  });

  it('lends its first two lines to the entry when nothing was typed', () => {
    const log = '\n  ERROR pool exhausted (active=200)\nWARN retrying\nINFO third line\n';
    expect(snippetHeadline(log)).toBe('ERROR pool exhausted (active=200) · WARN retrying');
    expect(snippetHeadline('y'.repeat(500))).toHaveLength(160);
    expect(entryTextFor('', [file({ snippet: log })])).toBe('ERROR pool exhausted (active=200) · WARN retrying');
    expect(entryTextFor('Pool log from api-7f9c', [file({ snippet: log })])).toBe('Pool log from api-7f9c');
    // A file alone: the engine says "Attached NAME".
    expect(entryTextFor('  ', [file({})])).toBe('');
  });
});

describe('file names', () => {
  it('gives a pasted screenshot a time, and keeps a real name', () => {
    const at = new Date(2026, 10, 22, 14, 2, 9);
    expect(pastedImageName({ name: 'image.png', type: 'image/png' }, at)).toBe('screenshot-140209.png');
    expect(pastedImageName({ name: '', type: 'image/jpeg' }, at)).toBe('screenshot-140209.jpg');
    expect(pastedImageName({ name: 'grafana-p99.png', type: 'image/png' }, at)).toBe('grafana-p99.png');
  });

  it('makes a name the engine accepts', () => {
    expect(plainFileName('a/b\\c\u0007.log', 'x')).toBe('a_b_c_.log');
    expect(plainFileName('   ', 'fallback.log')).toBe('fallback.log');
    expect(plainFileName(`${'n'.repeat(300)}.png`, 'x')).toHaveLength(255);
  });
});

describe('row heights with files', () => {
  const entry = { id: 'e1', revisions: [{}, {}] } as unknown as TimelineEntry;
  it('adds one strip of fixed height for an entry with files, known from the state', () => {
    expect(extraHeight(entry, new Map())).toBe(2 * REVISION_HEIGHT);
    expect(extraHeight(entry, new Map(), new Set(['e1']))).toBe(2 * REVISION_HEIGHT + ARTEFACT_STRIP_HEIGHT);
    // Opened to read in full: measured, strip included.
    expect(extraHeight(entry, new Map([['e1', 200]]), new Set(['e1']))).toBe(200 - 32);
  });
});
