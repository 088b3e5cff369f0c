// Plain-text tables for the terminal and for BENCHMARKS.md.
import type { Check, Table } from './sections';

export function renderTable(table: Table): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const numeric = table.columns.map((_, i) => i > 0 && table.rows.every((r) => /^(n\/a|-|[\d\s.,×\/]+( ms| MiB| B|\/s)?)$/.test(r[i] ?? '')));
  const cell = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [`${table.title}`, '', line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

export function renderChecks(checks: Check[]): string {
  return renderTable({
    title: 'Targets (DESIGN.md "Quality bars")',
    columns: ['target', 'measured', 'bar', 'result'],
    rows: checks.map((c) => [c.name, c.measured, c.target, c.pass ? 'PASS' : 'MISS']),
  });
}
