// `npm run test:security`: Doyensec's Electronegativity over the app's sources, as a gate.
//
//   tsx scripts/electronegativity.ts
//
// It installs the tool if needed (tools/electronegativity, its own package: it needs the
// TypeScript 5 compiler API and the app builds with TypeScript 7), scans electron/ and
// renderer/ together (so that its whole-app checks, CSP, navigation limits and permission
// handler, see both), writes test-results/electronegativity.csv, reads it back, and fails on
// - any HIGH or MEDIUM finding not listed in tools/electronegativity/accepted.json,
// - an entry of that list that no longer matches a finding (stale reasons hide nothing),
// - a file the tool could not parse (it was not checked), and
// - an `eng-disable` comment in the sources: findings are accepted in the list, with a reason,
//   not silenced inline.
// LOW and INFORMATIONAL findings are printed for review and do not fail.
// The summary goes to test-results/electronegativity.json for scripts/run-tests.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOOL_DIR = join(ROOT, 'tools', 'electronegativity');
const TOOL_PACKAGE = join(TOOL_DIR, 'node_modules', '@doyensec', 'electronegativity', 'package.json');
const ACCEPTED_FILE = join(TOOL_DIR, 'accepted.json');
const RESULTS = join(ROOT, 'test-results');
const INPUT = join(RESULTS, 'electronegativity-input');
const CSV_FILE = join(RESULTS, 'electronegativity.csv');
const ERRORS_FILE = join(RESULTS, 'electronegativity-errors.json');
const REPORT_FILE = join(RESULTS, 'electronegativity.json');
/** The sources that ship; tests and build scripts do not. */
const SCANNED = ['electron', 'renderer'];
const SCAN_TIMEOUT_MS = 180_000;
const GATING = new Set(['HIGH', 'MEDIUM']);
const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  /** The flagged source line, trimmed; null for whole-app findings. */
  sample: string | null;
  description: string;
}

export interface Accepted {
  check: string;
  file: string;
  /** Text of the flagged line; absent for whole-app findings (file "N/A"). */
  line?: string;
  reason: string;
}

export interface Report {
  ok: boolean;
  electronVersion: string;
  findings: number;
  failing: Finding[];
  accepted: { finding: Finding; reason: string }[];
  notes: Finding[];
  stale: Accepted[];
  unparsed: { file: string; message: string }[];
  inlineDisables: string[];
  problem?: string;
}

// ---- CSV ---------------------------------------------------------------------------------

/** RFC 4180 rows: quoted fields with "" escapes, bare fields, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote in row ${rows.length + 1}`);
      field += ch;
    }
  }
  if (quoted) throw new Error('the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** Findings from the tool's CSV; anything that is not exactly its format is an error, never "no findings". */
export function readFindings(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header.map((cell) => cell.trim()).join() !== HEADER.join()) {
    throw new Error(`unexpected CSV header: ${JSON.stringify(header)}`);
  }
  return rows.map((cells, index) => {
    const [check, severity, confidence, file, location, sample, description] = cells;
    if (cells.length !== HEADER.length || !check || !/^[A-Z0-9_]+$/.test(check) || !SEVERITIES.has(severity ?? '')) {
      throw new Error(`CSV row ${index + 2} is not a finding: ${JSON.stringify(cells).slice(0, 300)}`);
    }
    return {
      check,
      severity: severity!,
      confidence: confidence ?? '',
      file: file ?? '',
      location: location ?? '',
      sample: sample === 'N/A' ? null : (sample ?? null),
      description: description ?? '',
    };
  });
}

// ---- the decision ------------------------------------------------------------------------

export function readAccepted(text: string): Accepted[] {
  const parsed = JSON.parse(text) as { accepted?: unknown };
  if (!Array.isArray(parsed.accepted)) throw new Error('accepted.json needs an "accepted" list');
  return parsed.accepted.map((entry: unknown, index) => {
    const e = entry as Record<string, unknown>;
    const keys = Object.keys(e).sort().join();
    if (keys !== 'check,file,line,reason' && keys !== 'check,file,reason') {
      throw new Error(`accepted[${index}] must have check, file, reason and (for a line finding) line; it has ${keys}`);
    }
    for (const key of ['check', 'file', 'reason', ...('line' in e ? ['line'] : [])]) {
      if (typeof e[key] !== 'string' || (e[key] as string).trim() === '') throw new Error(`accepted[${index}].${key} must be text`);
    }
    if ((e.reason as string).length < 40) throw new Error(`accepted[${index}] needs a real reason, not "${String(e.reason)}"`);
    return e as unknown as Accepted;
  });
}

function matches(entry: Accepted, finding: Finding): boolean {
  if (entry.check !== finding.check || entry.file !== finding.file) return false;
  return entry.line === undefined ? finding.sample === null : (finding.sample ?? '').includes(entry.line);
}

export function decide(findings: Finding[], acceptedList: Accepted[]): Pick<Report, 'failing' | 'accepted' | 'notes' | 'stale'> {
  const failing: Finding[] = [];
  const accepted: Report['accepted'] = [];
  const notes: Finding[] = [];
  const used = new Set<Accepted>();
  for (const finding of findings) {
    if (!GATING.has(finding.severity)) {
      notes.push(finding);
      continue;
    }
    const entry = acceptedList.find((candidate) => matches(candidate, finding));
    if (entry) {
      used.add(entry);
      accepted.push({ finding, reason: entry.reason });
    } else {
      failing.push(finding);
    }
  }
  return { failing, accepted, notes, stale: acceptedList.filter((entry) => !used.has(entry)) };
}

// ---- running the tool --------------------------------------------------------------------

function electronVersion(): string {
  const file = join(ROOT, 'node_modules', 'electron', 'package.json');
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) throw new Error(`no Electron version in ${file}`);
  return version;
}

function ensureTool(): void {
  if (existsSync(TOOL_PACKAGE)) return;
  console.log('Installing Electronegativity (npm ci --prefix tools/electronegativity)…');
  const npm = spawnSync('npm', ['ci', '--prefix', TOOL_DIR, '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (npm.status !== 0 || !existsSync(TOOL_PACKAGE)) throw new Error(`npm ci --prefix tools/electronegativity failed (exit ${npm.status})`);
}

/** Copies the shipped sources (no tests) into one folder, so the tool sees the app as a whole. */
function stageSources(): string[] {
  rmSync(INPUT, { recursive: true, force: true });
  const copied: string[] = [];
  for (const dir of SCANNED) {
    cpSync(join(ROOT, dir), join(INPUT, dir), {
      recursive: true,
      filter: (source) => {
        const name = relative(ROOT, source).split(sep).join('/');
        if (/(^|\/)node_modules(\/|$)/.test(name) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(name)) return false;
        if (/\.(?:[cm]?[jt]sx?|html?)$/.test(name)) copied.push(name);
        return true;
      },
    });
  }
  return copied;
}

function findInlineDisables(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (/eng-disable/.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

function scan(version: string): void {
  const result = spawnSync(process.execPath, [join(TOOL_DIR, 'scan.cjs'), INPUT, version, CSV_FILE, ERRORS_FILE], {
    cwd: TOOL_DIR,
    encoding: 'utf8',
    timeout: SCAN_TIMEOUT_MS,
    // It tries to fetch translations and Electron's release list; offline it says so and goes on.
    env: { ...process.env, LANG: 'en-US' },
  });
  const chatter = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (chatter) console.log(chatter.split('\n').map((line) => `  [electronegativity] ${line}`).join('\n'));
  if (result.error) throw new Error(`Electronegativity did not finish: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`Electronegativity exited with code ${result.status}`);
}

function describeFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.location}`;
  const sample = finding.sample ? `\n      ${finding.sample}` : '';
  return `${finding.check} [${finding.severity}, ${finding.confidence}] ${where} — ${finding.description}${sample}`;
}

function main(): void {
  mkdirSync(RESULTS, { recursive: true });
  let report: Report;
  try {
    ensureTool();
    const version = electronVersion();
    const files = stageSources();
    console.log(`Electronegativity over ${SCANNED.join('/, ')}/ (${files.length} files), assuming Electron ${version}`);
    scan(version);
    const findings = readFindings(readFileSync(CSV_FILE, 'utf8'));
    const toolReport = JSON.parse(readFileSync(ERRORS_FILE, 'utf8')) as {
      issues: number;
      checks: { global: number; atomic: number };
      errors: { file: string; message: string; tolerable: boolean }[];
    };
    if (toolReport.issues !== findings.length) {
      throw new Error(`the tool reported ${toolReport.issues} findings but the CSV holds ${findings.length}`);
    }
    if (toolReport.checks.atomic + toolReport.checks.global < 30) {
      throw new Error(`only ${toolReport.checks.atomic + toolReport.checks.global} checks were loaded`);
    }
    const decision = decide(findings, readAccepted(readFileSync(ACCEPTED_FILE, 'utf8')));
    const unparsed = toolReport.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message }));
    const inlineDisables = findInlineDisables(files);
    report = {
      ok: decision.failing.length === 0 && decision.stale.length === 0 && unparsed.length === 0 && inlineDisables.length === 0,
      electronVersion: version,
      findings: findings.length,
      ...decision,
      unparsed,
      inlineDisables,
    };
    console.log(`${toolReport.checks.atomic} atomic and ${toolReport.checks.global} whole-app checks; ${findings.length} findings.`);
  } catch (error) {
    report = {
      ok: false,
      electronVersion: '',
      findings: 0,
      failing: [],
      accepted: [],
      notes: [],
      stale: [],
      unparsed: [],
      inlineDisables: [],
      problem: error instanceof Error ? error.message : String(error),
    };
  }
  writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);

  for (const { finding, reason } of report.accepted) console.log(`\naccepted  ${describeFinding(finding)}\n    why: ${reason}`);
  for (const finding of report.notes) console.log(`\nnote      ${describeFinding(finding)}`);
  for (const finding of report.failing) console.error(`\nFAILING   ${describeFinding(finding)}`);
  for (const entry of report.stale) {
    console.error(`\nSTALE     accepted.json entry matches no finding: ${entry.check} ${entry.file} ${entry.line ?? ''} (remove it)`);
  }
  for (const error of report.unparsed) console.error(`\nUNPARSED  ${error.file}: ${error.message} (not checked)`);
  for (const line of report.inlineDisables) console.error(`\nINLINE    ${line} (accept findings in tools/electronegativity/accepted.json instead)`);
  if (report.problem) console.error(`\nElectronegativity could not run: ${report.problem}`);

  const failures = report.failing.length + report.stale.length + report.unparsed.length + report.inlineDisables.length;
  console.log(
    `\nElectronegativity: ${report.ok ? 'passed' : 'FAILED'} — ${report.failing.length} failing, ${report.accepted.length} accepted, ` +
      `${report.notes.length} low/informational${failures > report.failing.length ? `, ${failures - report.failing.length} other problems` : ''}`,
  );
  process.exitCode = report.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
