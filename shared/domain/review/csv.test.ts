import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV exports', () => {
  it('a typed cell that a spreadsheet would run as a formula is written as text', () => {
    for (const formula of ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"]) {
      const cell = csvCell(formula);
      expect(cell.replace(/^"/, ''), JSON.stringify(formula)).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves ordinary text and our own numbers alone', () => {
    expect(csvCell('Roll back 4711')).toBe('Roll back 4711');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  it('any text round-trips through RFC 4180 quoting, one row per record', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }), (cells) => {
        const csv = toCsv(['a'], [cells]);
        // After the byte-order mark and the header line.
        const row = csv.slice('\uFEFFa\r\n'.length, -2);
        expect(parseRow(row)).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
      { numRuns: 300 },
    );
  });
});

/** A reader of one RFC 4180 record, enough to prove the writer's quoting. */
function parseRow(row: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (row[i] === '"') {
      i++;
      for (;;) {
        const quote = row.indexOf('"', i);
        cell += row.slice(i, quote);
        i = quote + 1;
        if (row[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const comma = row.indexOf(',', i);
      const end = comma === -1 ? row.length : comma;
      cell = row.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i >= row.length) return cells;
    i++; // the comma
  }
}
