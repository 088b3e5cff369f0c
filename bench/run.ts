// `npm run bench [-- --quick] [-- --json]`: every section in one run, side by side.
//   --quick  fewer samples and runs (a smoke run, not for the record)
//   --json   print one JSON document on stdout instead of tables (progress stays on stderr)
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSection } from './append';
import { artefactsSection } from './artefacts';
import { exportSection } from './export';
import { buildFixtures } from './fixtures';
import { internalsSection } from './internals';
import { describeMachine } from './machine';
import { memorySection } from './memory';
import { openSection } from './open';
import { renderSection } from './render';
import { renderChecks, renderTable } from './report';
import type { BenchContext, Check, Section, SectionResult } from './sections';
import { startSection } from './start';
import { syncSection } from './sync';
import { yearSection } from './year';
import { int, ms } from './stats';

/** In order. */
const SECTIONS: Section[] = [
  appendSection,
  openSection,
  memorySection,
  startSection,
  yearSection,
  internalsSection,
  renderSection,
  exportSection,
  syncSection,
  artefactsSection,
];

const SIZES = [0, 10_000, 100_000];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const json = argv.includes('--json');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = argv.filter((a) => !['--quick', '--json'].includes(a) && !a.startsWith('--only='));
  if (unknown.length > 0) {
    process.stderr.write(`unknown option ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [-- --json] [-- --only=append,open]\n`);
    process.exit(2);
  }
  const started = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'command-post-bench-'));
  const progress = (m: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${m}\n`);
  const machine = describeMachine(root);
  const results: Array<{ section: Section; result: SectionResult | null; error?: string }> = [];
  try {
    progress(`building fixtures of ${SIZES.map(int).join(', ')} events in ${root} (${machine.fsType})`);
    const fixtures = await buildFixtures(root, SIZES, true);
    progress(`fixtures built in ${ms(fixtures.buildMs)} ms`);
    const ctx: BenchContext = { quick, root, fixtures, progress };
    for (const section of SECTIONS) {
      if (only && !only.includes(section.id)) continue;
      if (section.pending || !section.run) {
        results.push({ section, result: null });
        continue;
      }
      try {
        results.push({ section, result: await section.run(ctx) });
      } catch (error) {
        progress(`${section.id} failed: ${(error as Error).stack ?? String(error)}`);
        results.push({ section, result: null, error: (error as Error).message });
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const totalS = (performance.now() - started) / 1000;
  const checks: Check[] = results.flatMap((r) => r.result?.checks ?? []);
  const failed = results.filter((r) => r.error);

  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          machine,
          quick,
          totalSeconds: totalS,
          sections: results.map((r) => ({
            id: r.section.id,
            title: r.section.title,
            pending: r.section.pending ?? null,
            error: r.error ?? null,
            data: r.result?.data ?? null,
            checks: r.result?.checks ?? [],
          })),
          checks,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const out: string[] = [];
    out.push(`Command Post benchmark${quick ? ' (--quick: smoke run, fewer samples)' : ''}`);
    out.push(`${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, Linux ${machine.kernel}`);
    out.push(`temp dir ${machine.tmpDir} on ${machine.fsType} (${machine.fsDevice}${machine.mountOptions ? `, ${machine.mountOptions}` : ''})`);
    out.push(`${machine.date}, load average ${machine.loadAvg} at start (shared machine), commit ${machine.commit}`);
    for (const { section, result, error } of results) {
      out.push('', `## ${section.title}`, '');
      if (section.pending) {
        out.push(section.pending);
        continue;
      }
      if (error || !result) {
        out.push(`FAILED: ${error}`);
        continue;
      }
      for (const table of result.tables) out.push(renderTable(table), '');
      for (const note of result.notes) out.push(`- ${note}`);
    }
    out.push('', renderChecks(checks), '', `total ${totalS.toFixed(0)} s, load average ${loadavg()[0]!.toFixed(2)} at the end`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
