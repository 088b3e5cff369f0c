// What opening a journal found. Reported to the user, never silently dropped.

export interface JournalProblem {
  kind: 'torn-tail' | 'corrupt-record' | 'snapshot-ignored';
  file: string;
  /** 1-based line number in `file`, where one applies. */
  line: number | null;
  detail: string;
}

export interface IntegrityReport {
  /** ok: nothing found; repaired: a torn tail was cut (and kept aside); corrupt: writes refused. */
  status: 'ok' | 'repaired' | 'corrupt';
  problems: JournalProblem[];
}

export const INTEGRITY_OK: IntegrityReport = { status: 'ok', problems: [] };
