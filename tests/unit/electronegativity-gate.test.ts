// The decision half of scripts/electronegativity.ts (the scan itself runs in `npm run
// test:security`): reading the tool's CSV strictly, and accepting a finding only by check, file
// and flagged line, with a reason.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, parseCsv, readAccepted, readFindings, type Accepted, type Finding } from '../../scripts/electronegativity';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const URL_BASE = 'https://github.com/doyensec/electronegativity/wiki/';

function row(check: string, severity: string, file: string, sample: string | null): string {
  const q = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return [check, q(severity), q('FIRM'), q(file), q('12:4'), sample === null ? 'N/A' : q(sample), q('Review this'), `${URL_BASE}${check}`].join(',');
}

function finding(check: string, severity: string, file: string, sample: string | null): Finding {
  return { check, severity, confidence: 'FIRM', file, location: '12:4', sample, description: 'Review this' };
}

const REASON = 'A reason long enough to say why this finding is not a flaw in our code.';

describe('reading the CSV', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and bare N/A', () => {
    expect(parseCsv('a,"b, c","say ""hi""","x\ny",N/A\n1,2\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'x\ny', 'N/A'],
      ['1', '2'],
    ]);
    const csv = [HEADER, row('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', null), row('SANDBOX_JS_CHECK', 'HIGH', 'electron/main.ts', 'new BrowserWindow({ a: "b" })')].join('\n');
    expect(readFindings(`${csv}\n`)).toEqual([
      finding('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', null),
      finding('SANDBOX_JS_CHECK', 'HIGH', 'electron/main.ts', 'new BrowserWindow({ a: "b" })'),
    ]);
  });

  it('refuses anything that is not exactly the tool’s format, rather than reading it as "no findings"', () => {
    expect(() => readFindings('')).toThrow(/header/);
    expect(() => readFindings(`${row('X', 'HIGH', 'f', null)}\n`)).toThrow(/header/);
    // What the CLI's racing writers can produce: the header written over the start of the first row.
    const torn = `${HEADER}\n${row('SANDBOX_JS_CHECK', 'HIGH', 'electron/main.ts', 'x').slice(30)}\n`;
    expect(() => readFindings(torn)).toThrow(/not a finding/);
    expect(() => readFindings(`${HEADER}\n${row('SANDBOX_JS_CHECK', 'SEVERE', 'f', null)}\n`)).toThrow(/not a finding/);
    expect(() => parseCsv('"open')).toThrow(/quoted/);
  });
});

describe('deciding', () => {
  const accepted: Accepted[] = [
    { check: 'SANDBOX_JS_CHECK', file: 'electron/main.ts', line: 'new BrowserWindow(windowOptions(', reason: REASON },
    { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: REASON },
  ];

  it('accepts a listed finding by check, file and line, and fails every other HIGH or MEDIUM one', () => {
    const result = decide(
      [
        finding('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/main.ts', 'const w = new BrowserWindow(windowOptions(p));'),
        finding('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/main.ts', 'const other = new BrowserWindow({ sandbox: false });'),
        finding('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/other.ts', 'new BrowserWindow(windowOptions(p))'),
        finding('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A', null),
        finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main.ts', 'new BrowserWindow(windowOptions(p))'),
        finding('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', "default-src 'self'"),
      ],
      accepted,
    );
    expect(result.accepted.map((a) => a.finding.sample)).toEqual(['const w = new BrowserWindow(windowOptions(p));', null]);
    expect(result.failing.map((f) => `${f.check} ${f.file}`)).toEqual([
      'SANDBOX_JS_CHECK electron/main.ts',
      'SANDBOX_JS_CHECK electron/other.ts',
      'CONTEXT_ISOLATION_JS_CHECK electron/main.ts',
    ]);
    expect(result.notes.map((f) => f.severity)).toEqual(['LOW']);
    expect(result.stale).toEqual([]);
  });

  it('reports an accepted entry that matches nothing any more', () => {
    expect(decide([], accepted).stale).toEqual(accepted);
  });

  it('reads the real list, and refuses entries without a real reason or with unknown keys', () => {
    const real = readAccepted(readFileSync(fileURLToPath(new URL('../../tools/electronegativity/accepted.json', import.meta.url)), 'utf8'));
    expect(real.length).toBeGreaterThan(0);
    for (const entry of real) expect(entry.reason.length).toBeGreaterThan(100);
    expect(() => readAccepted('{}')).toThrow(/accepted/);
    expect(() => readAccepted(JSON.stringify({ accepted: [{ check: 'X', file: 'f', reason: 'fine' }] }))).toThrow(/real reason/);
    expect(() => readAccepted(JSON.stringify({ accepted: [{ check: 'X', file: 'f', reason: REASON, severity: 'HIGH' }] }))).toThrow(/must have/);
    expect(() => readAccepted(JSON.stringify({ accepted: [{ check: 'X', file: '', reason: REASON }] }))).toThrow(/file/);
  });
});
