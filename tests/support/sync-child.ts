// A console in a child process, for kill -9 tests of team sync:
//   tsx tests/support/sync-child.ts DATA_DIR SYNC_URL CONSOLE_ID log INCIDENT_ID   logs notes until killed, "ack <text>" after each
//   tsx tests/support/sync-child.ts DATA_DIR SYNC_URL CONSOLE_ID idle INCIDENT_ID  syncs; "have <n>" whenever the count changes
import { openEngine } from '../../electron/core/engine';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import { createPgPort } from '../../electron/core/sync/pg/pg-port';

const [dataDir, url, consoleId, mode, incidentId] = process.argv.slice(2) as [string, string, string, string, string];
const engine = await openEngine({
  dataDir,
  scheduler: false,
  consoleId,
  settings: createMemorySettings({ operatorName: `child ${consoleId}` }),
  sync: { factory: createPgPort, override: { url }, heartbeatMs: 300, retryMs: [50, 100] },
});
process.stdout.write('ready\n');
if (mode === 'log') {
  // Wait until the incident has come from the team, then log as fast as acknowledgements come.
  while (!(await engine.dispatch('incident.get', { incidentId })).ok) await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; ; i++) {
    const text = `${consoleId} note ${i}`;
    const r = await engine.dispatch('timeline.log', { incidentId, text });
    if (r.ok) process.stdout.write(`ack ${text}\n`);
  }
} else {
  let last = -1;
  for (;;) {
    const r = await engine.dispatch('incident.get', { incidentId });
    const n = r.ok ? (r.value as { lastSeq: number }).lastSeq : 0;
    if (n !== last) process.stdout.write(`have ${n}\n`);
    last = n;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
