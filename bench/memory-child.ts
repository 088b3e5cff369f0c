// Run as: node --expose-gc --import tsx bench/memory-child.ts DATA_DIR INCIDENT_ID [--list]
// (--list: the incident list is asked for too, as the console does at start.)
// Prints one JSON line: heap and RSS deltas of an engine holding the incident.
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): NodeJS.MemoryUsage {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  const [dataDir, incidentId, flag] = process.argv.slice(2);
  if (!gc || !dataDir || !incidentId) throw new Error('usage: node --expose-gc --import tsx bench/memory-child.ts DATA_DIR INCIDENT_ID');
  // Warm the module graph so that code is not counted as the incident's.
  const warm = await openEngine({ dataDir: `${dataDir}-warm`, settings: createMemorySettings() });
  await warm.close();
  const before = settle();
  let engine: Awaited<ReturnType<typeof openEngine>> | null = await openEngine({ dataDir, settings: createMemorySettings() });
  if (flag === '--list') await engine.dispatch('incident.list', {});
  let view: unknown = await engine.dispatch('incident.get', { incidentId });
  const withView = settle();
  const viewLength = (view as { value: { timeline: unknown[] } }).value.timeline.length;
  view = null;
  const held = settle();
  await engine.close();
  engine = null;
  const closed = settle();
  process.stdout.write(
    `${JSON.stringify({
      heapBefore: before.heapUsed,
      engineHeap: held.heapUsed - before.heapUsed,
      engineHeapWithView: withView.heapUsed - before.heapUsed,
      rssDelta: held.rss - before.rss,
      externalDelta: held.external - before.external,
      heapAfterClose: closed.heapUsed - before.heapUsed,
      viewLength,
      released: view === null && engine === null,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
