// Memory: heap held by an engine with an incident of N events loaded, measured in a child
// Node with --expose-gc so that garbage is collected before each reading.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cloneFixture } from './fixtures';
import type { Section, SectionResult } from './sections';
import { int, mib } from './stats';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

interface MemoryReading {
  engineHeap: number;
  engineHeapWithView: number;
  rssDelta: number;
  externalDelta: number;
  heapAfterClose: number;
}

export const memorySection: Section = {
  id: 'memory',
  title: 'Memory',
  async run(ctx): Promise<SectionResult> {
    const size = Math.max(...ctx.fixtures.bySize.keys());
    const fixture = await cloneFixture(ctx.fixtures.bySize.get(size)!, join(ctx.root, 'memory'));
    ctx.progress(`memory: child node --expose-gc with ${int(size)} events`);
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, fixture.dataDir, fixture.incidentId], {
      cwd: REPO,
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(stdout.trim().split('\n').at(-1)!) as MemoryReading;
    const perEvent = m.engineHeap / fixture.events;
    return {
      tables: [
        {
          title: `Memory with ${int(size)} events loaded (child node --expose-gc)`,
          columns: ['measure', 'value'],
          rows: [
            ['engine heap (heapUsed delta, after gc)', mib(m.engineHeap)],
            ['per event', `${int(perEvent)} B`],
            ['… plus one incident.get view held', mib(m.engineHeapWithView)],
            ['RSS delta', mib(m.rssDelta)],
            ['heap left after engine.close() and dropping the engine', mib(m.heapAfterClose)],
            ['journal on disk, for scale', mib(fixture.journalBytes)],
          ],
        },
      ],
      checks: [],
      notes: ['No target in DESIGN.md; reported for trend. The view copy is shallow (timeline.slice), so holding it costs one array, not the entries.'],
      data: { size, ...m, perEvent, journalBytes: fixture.journalBytes },
    };
  },
};
