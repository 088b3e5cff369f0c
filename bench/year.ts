// A year of incidents: 1 000 incident folders (990 closed small, 5 closed of 10 000 events, 5
// open), built once per run. Start of the engine and of the host, `incident.list`, and memory
// with one 100 000-event incident open, each beside its peer with one (or ten) incidents.
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import { cloneFixture, incidentDir } from './fixtures';
import type { Section, SectionResult } from './sections';
import { startOnce } from './start';
import { int, median, mib, ms, percentile } from './stats';
import { buildYear, YEAR } from './year-fixture';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const MEMORY_CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const load = () => loadavg()[0]!.toFixed(2);

const open = (dataDir: string) => openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'bench' }) });

/** Engine open (journals, scheduler's first wake, sync and intake start) to ready, `runs` times. */
async function engineStarts(dataDir: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const engine = await open(dataDir);
    out.push(performance.now() - t0);
    await engine.close();
  }
  return out;
}

async function listTimes(dataDir: string, runs: number): Promise<{ times: number[]; count: number }> {
  const engine = await open(dataDir);
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await engine.dispatch('incident.list', {});
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`incident.list failed: ${r.error.message}`);
    count = (r.value as unknown[]).length;
  }
  await engine.close();
  return { times, count };
}

async function hostStarts(dataDir: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await startOnce(process.execPath, ['scripts/serve.mjs'], dataDir)).toFirstPage);
  return out;
}

interface Heap {
  engineHeap: number;
  rssDelta: number;
}

async function heapOf(dataDir: string, incidentId: string, list: boolean): Promise<Heap> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', MEMORY_CHILD, dataDir, incidentId, ...(list ? ['--list'] : [])], {
    cwd: REPO,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Heap;
}

export const yearSection: Section = {
  id: 'year',
  title: 'A year of incidents',
  async run(ctx): Promise<SectionResult> {
    const runs = ctx.quick ? 3 : 5;
    const loadBefore = load();
    const year = join(ctx.root, 'year', 'data');
    ctx.progress(`year: writing ${int(YEAR.closedSmall + YEAR.closedLarge + YEAR.open)} incidents`);
    const built = performance.now();
    await buildYear(join(ctx.root, 'year'), year);
    const buildMs = performance.now() - built;
    const ten = join(ctx.root, 'year-ten', 'data');
    await buildYear(join(ctx.root, 'year-ten'), ten, { closedSmall: 8, closedLarge: 0, largeEvents: 0, open: 2 });
    const one = (await cloneFixture(ctx.fixtures.bySize.get(0)!, join(ctx.root, 'year-one'))).dataDir;

    // The first start replays every journal once and writes the summaries: the upgrade's cost.
    ctx.progress('year: first start (no summaries yet)');
    const first = (await engineStarts(year, 1))[0]!;
    await engineStarts(ten, 1);
    ctx.progress('year: engine starts');
    const engineYear = await engineStarts(year, runs);
    const engineOne = await engineStarts(one, runs);
    ctx.progress('year: incident.list');
    const listYear = await listTimes(year, 30);
    const listTen = await listTimes(ten, 30);
    ctx.progress('year: host starts (node scripts/serve.mjs; building what it needs first, not timed)');
    const prepared = spawnSync(process.execPath, ['scripts/serve.mjs', '--help'], { cwd: REPO, encoding: 'utf8' });
    if (prepared.status !== 0) throw new Error(`scripts/serve.mjs --help failed: ${prepared.stderr}`);
    const hostYear = await hostStarts(year, runs);
    const hostOne = await hostStarts(one, runs);

    ctx.progress('year: memory (child node --expose-gc)');
    const big = ctx.fixtures.bySize.get(Math.max(...ctx.fixtures.bySize.keys()))!;
    const alone = await cloneFixture(big, join(ctx.root, 'year-big'));
    await mkdir(join(year, 'incidents'), { recursive: true });
    await cp(incidentDir(big.dataDir, big.incidentId), incidentDir(year, big.incidentId), { recursive: true });
    const heapAlone = await heapOf(alone.dataDir, big.incidentId, false);
    const heapYear = await heapOf(year, big.incidentId, true);
    const loadAfter = load();

    const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
    const memRatio = heapYear.engineHeap / heapAlone.engineHeap;
    const hostMed = median(hostYear);
    const listMed = median(listYear.times);
    return {
      tables: [
        {
          title: `A year of incidents (${int(listYear.count)} incidents; load ${loadBefore} → ${loadAfter})`,
          columns: ['measure', 'with the year', 'peer', 'peer is'],
          rows: [
            ['engine start, median ms', ms(median(engineYear)), ms(median(engineOne)), '1 incident'],
            ['engine start, max ms', ms(Math.max(...engineYear)), ms(Math.max(...engineOne)), '1 incident'],
            ['first start after the upgrade (no summaries yet), ms', ms(first), '', 'once'],
            ['host start, spawn to first page, median ms (node scripts/serve.mjs)', ms(hostMed), ms(median(hostOne)), '1 incident'],
            ['incident.list, median ms', ms(listMed), ms(median(listTen.times)), `${listTen.count} incidents`],
            ['incident.list, p95 ms', ms(percentile(sorted(listYear.times), 95)), ms(percentile(sorted(listTen.times), 95)), `${listTen.count} incidents`],
            [`engine heap with ${int(big.events)}-event incident open`, mib(heapYear.engineHeap), mib(heapAlone.engineHeap), 'that incident alone'],
            ['RSS delta', mib(heapYear.rssDelta), mib(heapAlone.rssDelta), 'that incident alone'],
          ],
        },
      ],
      checks: [
        { name: 'host start with 1 000 incidents (median)', measured: `${ms(hostMed)} ms`, target: '< 1 000 ms', pass: hostMed < 1_000 },
        { name: 'incident.list at 1 000 (median)', measured: `${ms(listMed)} ms`, target: '< 100 ms', pass: listMed < 100 },
        { name: 'memory, 1 000 listed + 100 000-event open vs that one alone', measured: `${memRatio.toFixed(2)}×`, target: '≤ 1.5×', pass: memRatio <= 1.5 },
      ],
      notes: [
        `Fixture written in ${ms(buildMs)} ms: ${YEAR.closedSmall} closed incidents of 7 events, ${YEAR.closedLarge} closed of ${int(YEAR.largeEvents)} notes, ${YEAR.open} open (opened at every start: the scheduler, intake and sync need them).`,
        'Engine start is openEngine() in this process to ready (journals or summaries read, first scheduler wake, sync and intake started). Host start spawns `node scripts/serve.mjs` and fetches the first page.',
        `Memory: heapUsed after gc in a child node, engine open, incident.list asked (for the year), the big incident fetched by incident.get. 1-minute load ${loadBefore} before, ${loadAfter} after.`,
      ],
      data: { buildMs, first, engineYear, engineOne, listYear, listTen, hostYear, hostOne, heapYear, heapAlone, memRatio },
    };
  },
};
