// `npm test`: the strict typecheck, unit tests (Vitest), the kill -9 harness, then the security scan (Electronegativity, see
// scripts/electronegativity.ts), then browser tests (Playwright against the real engine),
// then one summary line read from their JSON reports:
//
//   N passed, N failed, N skipped
//
// It is always the last line printed. A stage that cannot report (no browser, a crash,
// a missing or unreadable report) counts as one failure, so a broken run never reads
// "0 failed". The exit code is non-zero when any stage failed.
//
//   tsx scripts/run-tests.ts              every stage
//   tsx scripts/run-tests.ts --unit-only  Vitest only
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StageResult {
  name: string;
  counts: Counts;
  ok: boolean;
  problem?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UNIT_REPORT = join(ROOT, 'test-results', 'unit.json');
const E2E_REPORT = join(ROOT, 'test-results', 'e2e.json');
const SECURITY_REPORT = join(ROOT, 'test-results', 'electronegativity.json');

function heading(text: string): void {
  console.log(`\n=== ${text} ===\n`);
}

/** Runs a command with inherited stdio and returns its exit code (1 if it could not run). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) {
    console.error(`could not run ${command} ${args.join(' ')}: ${result.error.message}`);
    return 1;
  }
  if (result.signal) {
    console.error(`${command} ${args.join(' ')} was killed by ${result.signal}`);
    return 1;
  }
  return result.status ?? 1;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function failedStage(name: string, problem: string): StageResult {
  return { name, counts: { passed: 0, failed: 1, skipped: 0 }, ok: false, problem };
}

/**
 * Settles a stage from its exit code and the counts in its report. A non-zero exit with
 * no failed test (a file that does not load, a global setup error) still counts once.
 */
function settle(name: string, exitCode: number, counts: Counts, reportSaysOk: boolean, why?: string): StageResult {
  const ok = exitCode === 0 && reportSaysOk && counts.failed === 0;
  if (ok || counts.failed > 0) return { name, counts, ok };
  return {
    name,
    counts: { ...counts, failed: 1 },
    ok: false,
    problem: why ?? `exited with code ${exitCode} although no test failed (an error outside the tests; see the output above)`,
  };
}

// ---- typecheck -------------------------------------------------------------------------

/** Strict TypeScript over the whole tree; counted as one check. */
function runTypecheck(): StageResult {
  heading('typecheck (tsc)');
  const exitCode = run('npx', ['tsc', '-p', 'tsconfig.json']);
  return exitCode === 0
    ? { name: 'typecheck', counts: { passed: 1, failed: 0, skipped: 0 }, ok: true }
    : failedStage('typecheck', `tsc exited with code ${exitCode}; see the errors above`);
}

// ---- crash -----------------------------------------------------------------------------

/** The kill -9 harness at a modest count (200 locally: `npm run test:crash`); one check. */
function runCrash(): StageResult {
  heading('crash harness (kill -9, 18 iterations)');
  const exitCode = run('npx', ['tsx', 'bench/crash-harness.ts', '--iterations', '18']);
  return exitCode === 0
    ? { name: 'crash', counts: { passed: 1, failed: 0, skipped: 0 }, ok: true }
    : failedStage('crash', `the crash harness exited with code ${exitCode}; see its report above`);
}

// ---- unit ------------------------------------------------------------------------------

function runUnit(): StageResult {
  heading('unit tests (vitest)');
  rmSync(UNIT_REPORT, { force: true });
  const exitCode = run('npx', ['vitest', 'run']);
  // Read now: Playwright empties test-results/ when it starts.
  let report: Record<string, unknown>;
  try {
    report = readJson(UNIT_REPORT) as Record<string, unknown>;
  } catch (error) {
    return failedStage('unit', `no readable report at test-results/unit.json (vitest exited with code ${exitCode}): ${(error as Error).message}`);
  }
  const counts = {
    passed: count(report.numPassedTests),
    failed: count(report.numFailedTests),
    skipped: count(report.numPendingTests) + count(report.numTodoTests),
  };
  const brokenFiles = count(report.numFailedTestSuites);
  const why = brokenFiles > 0 ? `${brokenFiles} test file(s) failed outside any test (e.g. an import error; see the output above)` : undefined;
  return settle('unit', exitCode, counts, report.success !== false, why);
}

// ---- security --------------------------------------------------------------------------

/** Electronegativity as one check: 1 passed, or 1 failed per failing finding or problem it reports. */
function runSecurity(): StageResult {
  heading('security (electronegativity)');
  rmSync(SECURITY_REPORT, { force: true });
  const exitCode = run('npx', ['tsx', 'scripts/electronegativity.ts']);
  let report: { ok?: unknown; failing?: unknown[]; stale?: unknown[]; unparsed?: unknown[]; inlineDisables?: unknown[]; problem?: unknown };
  try {
    report = readJson(SECURITY_REPORT) as typeof report;
  } catch (error) {
    return failedStage('security', `no readable report at test-results/electronegativity.json (exit code ${exitCode}): ${(error as Error).message}`);
  }
  const problems = [report.failing, report.stale, report.unparsed, report.inlineDisables].reduce((sum, list) => sum + (list?.length ?? 0), 0);
  if (report.ok !== true) {
    const problem =
      typeof report.problem === 'string'
        ? `Electronegativity could not run: ${report.problem}`
        : `${problems} problem(s); see the FAILING, STALE, UNPARSED or INLINE lines above`;
    return { name: 'security', counts: { passed: 0, failed: Math.max(1, problems), skipped: 0 }, ok: false, problem };
  }
  return settle('security', exitCode, { passed: 1, failed: 0, skipped: 0 }, true);
}

// ---- browser ---------------------------------------------------------------------------

async function bundledChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The Chromium the browser tests can use, or why there is none. */
async function findChromium(): Promise<{ path: string } | { missing: string }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { missing: `CHROMIUM_PATH is set to ${fromEnv}, which does not exist.` };
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  const bundled = await bundledChromium();
  if (bundled) return { path: bundled };
  return { missing: 'No Chromium found (CHROMIUM_PATH unset, no /usr/bin/chromium, no Playwright browser).' };
}

async function runE2e(): Promise<StageResult> {
  heading('browser tests (playwright)');
  const chromium = await findChromium();
  if ('missing' in chromium) {
    const message = [
      chromium.missing,
      'Install one of:',
      '  npx playwright install chromium          (Playwright’s own build)',
      '  sudo apt-get install -y chromium         (Debian/Ubuntu; found at /usr/bin/chromium)',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n');
    console.error(message);
    return failedStage('e2e', 'no Chromium to run the browser tests (see the message above)');
  }
  console.log(`using Chromium at ${chromium.path}`);

  rmSync(E2E_REPORT, { force: true });
  // Playwright lets the environment choose where its JSON reporter writes.
  const exitCode = run('npm', ['run', 'test:e2e'], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: E2E_REPORT });
  let report: { stats?: Record<string, unknown>; errors?: unknown[] };
  try {
    report = readJson(E2E_REPORT) as typeof report;
  } catch (error) {
    return failedStage(
      'e2e',
      `no readable report at test-results/e2e.json (npm run test:e2e exited with code ${exitCode}; ` +
        `playwright.config.ts needs the 'json' reporter): ${(error as Error).message}`,
    );
  }
  const stats = report.stats ?? {};
  const counts = {
    passed: count(stats.expected) + count(stats.flaky),
    failed: count(stats.unexpected),
    skipped: count(stats.skipped),
  };
  return settle('e2e', exitCode, counts, (report.errors ?? []).length === 0);
}

// ---- summary ---------------------------------------------------------------------------

function line(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

async function main(): Promise<void> {
  const unitOnly = process.argv.includes('--unit-only');
  const stages: StageResult[] = [runTypecheck(), runUnit()];
  if (!unitOnly) stages.push(runCrash(), runSecurity(), await runE2e());

  heading('summary');
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const stage of stages) {
    console.log(`${stage.name}: ${line(stage.counts)}${stage.ok ? '' : '  FAILED'}`);
    if (stage.problem) console.log(`  ${stage.problem}`);
    total.passed += stage.counts.passed;
    total.failed += stage.counts.failed;
    total.skipped += stage.counts.skipped;
  }
  if (unitOnly) console.log('crash, security, e2e: not run (--unit-only)');
  console.log(line(total));
  process.exitCode = stages.every((stage) => stage.ok) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(line({ passed: 0, failed: 1, skipped: 0 }));
  process.exitCode = 1;
});
