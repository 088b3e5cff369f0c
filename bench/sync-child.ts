// Console B of the sync bench, in its own process (its own event loop, as on another laptop):
//   tsx bench/sync-child.ts DATA_DIR SYNC_URL CONSOLE_ID
// Prints "ready", then "got <text> <wall ms, fractional>" for every note it applies and
// "count <n>" each time its number of timeline notes reaches a multiple of 1 000.
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import { createPgPort } from '../electron/core/sync/pg/pg-port';

const [dataDir, url, consoleId] = process.argv.slice(2) as [string, string, string];
const wall = () => performance.timeOrigin + performance.now();
let notes = 0;
const engine = await openEngine({
  dataDir,
  scheduler: false,
  consoleId,
  settings: createMemorySettings({ operatorName: 'Bench B' }),
  sync: { factory: createPgPort, override: { url }, heartbeatMs: 10_000 },
});
engine.subscribe((event) => {
  if (event.type !== 'timeline.logged') return;
  notes += 1;
  process.stdout.write(`got ${event.payload.text} ${wall()}\n`);
  if (notes % 1_000 === 0) process.stdout.write(`count ${notes} ${wall()}\n`);
});
process.stdout.write(`ready ${wall()}\n`);
process.on('SIGTERM', () => void engine.close().then(() => process.exit(0)));
