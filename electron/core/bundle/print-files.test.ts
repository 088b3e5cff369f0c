import { describe, expect, it } from 'vitest';
import type { ArtefactRecord, IncidentState } from '../../../shared/domain/incident';
import { PNG_1X1 } from '../../../tests/support/image-bytes';
import { printable, printFiles } from './print-files';

const record = (id: string, mime: ArtefactRecord['mime'], size: number): ArtefactRecord =>
  ({ id, entryId: 'l1', hash: id.padEnd(64, '0'), name: `${id}.${mime.split('/')[1]}`, mime, size, note: null, at: 0, by: 'Riley' }) as ArtefactRecord;

describe('the files of a printout', () => {
  const shot = record('a', 'image/png', PNG_1X1.length);
  const big = record('b', 'image/png', 3_000);
  const later = record('c', 'image/png', PNG_1X1.length);
  const log = record('d', 'text/plain', 40_000);
  const pdf = record('e', 'application/pdf', 10);
  const state = { artefacts: [shot, big, later, log, pdf] } as unknown as IncidentState;

  it('prints images and snippets, never a PDF', () => {
    expect(printable(state).map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('inlines images in timeline order up to the budget, names the ones past it, and keeps a snippet\'s head', () => {
    const text = 'ERROR pool exhausted\n'.repeat(2_000);
    const held = [
      { record: shot, bytes: PNG_1X1 },
      { record: big, bytes: new Uint8Array(3_000) },
      { record: later, bytes: PNG_1X1 },
      { record: log, bytes: new TextEncoder().encode(text) },
    ];
    const files = printFiles(state, held, PNG_1X1.length * 2 + 100);
    expect(Object.keys(files.images)).toEqual(['a', 'c']);
    expect(files.images.a).toBe(`data:image/png;base64,${Buffer.from(PNG_1X1).toString('base64')}`);
    expect(files.over).toEqual(['b.png']);
    expect(files.excerpts.d).toBe(text.slice(0, 16_384));
    expect(printFiles(state, held).over).toEqual([]);
  });
});
