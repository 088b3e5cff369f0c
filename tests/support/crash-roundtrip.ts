// After a kill: every incident, exported as a bundle, imports into an empty data folder with
// the same events, in the same order.
import { rm } from 'node:fs/promises';
import type { Engine } from '../../electron/core/engine-types';
import type { ExportedFile, ImportResult } from '../../shared/contract/contract';
import { readJournalOf, readRecords } from './crash-journal';
import { startEngine } from './engine-harness';
import { makeTempDir } from './temp-dir';

export interface RoundTripCounts {
  incidents: number;
  events: number;
  failed: number;
}

export const emptyRoundTripCounts = (): RoundTripCounts => ({ incidents: 0, events: 0, failed: 0 });

export async function roundTrip(engine: Engine, dir: string, incidentIds: Iterable<string>, counts: RoundTripCounts, fail: (m: string) => void): Promise<void> {
  const empty = await makeTempDir();
  const other = await startEngine(empty);
  try {
    for (const incidentId of incidentIds) {
      const problem = await roundTripOne(engine, dir, other, empty, incidentId, counts);
      if (problem === null) continue;
      counts.failed += 1;
      fail(`the bundle exported from ${incidentId} does not import into an empty data folder as it was: ${problem}`);
    }
  } finally {
    await other.close();
    await rm(empty, { recursive: true, force: true });
  }
}

/** What is wrong with one incident's round trip, or null. */
async function roundTripOne(from: Engine, fromDir: string, to: Engine, toDir: string, incidentId: string, counts: RoundTripCounts): Promise<string | null> {
  const exported = await from.dispatch('bundle.export', { incidentId });
  if (!exported.ok) return `export refused: ${exported.error.code} ${exported.error.message}`;
  const file = exported.value as ExportedFile;
  const source = readRecords((await readJournalOf(fromDir, incidentId)) ?? Buffer.alloc(0)).ids;
  const imported = await to.dispatch('bundle.import', { fileName: file.fileName, base64: file.base64 });
  if (!imported.ok) return `import refused: ${imported.error.code} ${imported.error.message}`;
  const r = imported.value as ImportResult;
  const copy = readRecords((await readJournalOf(toDir, incidentId)) ?? Buffer.alloc(0)).ids;
  counts.incidents += 1;
  counts.events += copy.length;
  if (!r.created || r.confirmToken !== null) return `the import ${r.created ? 'answered a preview' : 'did not create the incident'}`;
  if (r.added !== source.length) return `${r.added} events added, ${source.length} in the journal`;
  const differ = copy.findIndex((id, k) => id !== source[k]);
  if (copy.length !== source.length || differ !== -1) return `${copy.length} events, ${source.length} expected, first difference at ${differ}`;
  return null;
}
