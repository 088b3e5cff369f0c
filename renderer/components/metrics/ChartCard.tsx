import { type ReactNode, useState } from 'react';
import { toCsv } from '../../../shared/domain/review/csv';
import { saveText } from '../../lib/files';
import { dayOf } from '../../../shared/domain/review/schedule';

type Cell = string | number | boolean | null | undefined;

export interface CardTable {
  header: string[];
  rows: Cell[][];
}

interface Props {
  title: string;
  subtitle?: ReactNode;
  /** Names the CSV file and the test ids: `incidents-per-week`. */
  id: string;
  /** What the table view shows; also the CSV unless `csv` is given (raw numbers for spreadsheets). */
  table: CardTable;
  csv?: CardTable;
  /** The chart; omitted for cards that are a list already. */
  chart?: ReactNode;
  /** Drawn instead of the plain table (e.g. rows that link to incidents); the CSV still comes from `table`. */
  list?: ReactNode;
  /** Above the chart or table, e.g. a metric switch. */
  tools?: ReactNode;
  empty?: string;
  className?: string;
  /** The CSV button's words when plain "CSV" would undersell what the file holds. */
  csvLabel?: string;
}

/** One figure across incidents: its chart, the same numbers as a table, and the numbers as CSV. */
export function ChartCard({ title, subtitle, id, table, csv, chart, list, tools, empty = 'No incidents in this selection.', className = '', csvLabel }: Props) {
  const [asTable, setAsTable] = useState(false);
  const showTable = asTable || !chart;
  const data = csv ?? table;

  return (
    <section className={`mx-card ${className}`} data-testid={`card-${id}`} aria-labelledby={`card-${id}-title`}>
      <header className="mx-card-head">
        <div className="mx-card-titles">
          <h2 className="mx-card-title" id={`card-${id}-title`}>
            {title}
          </h2>
          {subtitle && <p className="mx-card-sub">{subtitle}</p>}
        </div>
        <div className="mx-card-tools">
          {chart && (
            <div className="seg mx-seg" role="radiogroup" aria-label={`${title}: view`}>
              <button type="button" role="radio" aria-checked={!asTable} className={`seg-btn${!asTable ? ' is-on' : ''}`} data-testid={`card-${id}-chart`} onClick={() => setAsTable(false)}>
                Chart
              </button>
              <button type="button" role="radio" aria-checked={asTable} className={`seg-btn${asTable ? ' is-on' : ''}`} data-testid={`card-${id}-table`} onClick={() => setAsTable(true)}>
                Table
              </button>
            </div>
          )}
          <button
            type="button"
            className={`btn btn-small mx-csv${csvLabel ? ' is-worded' : ''}`}
            data-testid={`card-${id}-csv`}
            title={`Download ${title} as CSV`}
            disabled={data.rows.length === 0}
            onClick={() => saveText(toCsv(data.header, data.rows), `${id}-${dayOf(Date.now())}.csv`, 'text/csv')}
          >
            {csvLabel ?? 'CSV'}
          </button>
        </div>
      </header>
      {tools}
      <div className={`mx-card-body${showTable ? ' is-table' : ''}`}>
        {table.rows.length === 0 ? (
          <p className="empty-note mx-empty">{empty}</p>
        ) : showTable ? (
          (list ?? <DataTable table={table} testId={`card-${id}-rows`} />)
        ) : (
          chart
        )}
      </div>
    </section>
  );
}

/** A card's numbers as a table; exported for cards that draw it beside a chart. */
export function DataTable({ table, testId }: { table: CardTable; testId: string }) {
  return (
    <div className="mx-table-wrap">
      <table className="mx-table" data-testid={testId}>
        <thead>
          <tr>
            {table.header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, k) => (
                <td key={k} className={typeof cell === 'number' ? 'is-num' : undefined}>
                  {cell === null || cell === undefined || cell === '' ? '—' : String(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
