// The benchmark is a list of sections run in order. Each returns tables for people, raw
// numbers for `--json`, target checks, and notes. Render and export register here later.

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface Check {
  name: string;
  measured: string;
  target: string;
  pass: boolean;
}

export interface SectionResult {
  tables: Table[];
  checks: Check[];
  notes: string[];
  /** Raw numbers (milliseconds, counts, bytes) for `--json`. */
  data: Record<string, unknown>;
}

export interface BenchContext {
  quick: boolean;
  /** Root temp folder of this run (under os.tmpdir()); removed at the end. */
  root: string;
  /** Prebuilt incidents, keyed by event count. */
  fixtures: import('./fixtures').FixtureSet;
  /** Progress for people; goes to stderr so `--json` stays clean. */
  progress(message: string): void;
}

export interface Section {
  id: string;
  title: string;
  /** A section not written yet prints this instead of running. */
  pending?: string;
  run?(ctx: BenchContext): Promise<SectionResult>;
}

export function emptyResult(): SectionResult {
  return { tables: [], checks: [], notes: [], data: {} };
}
