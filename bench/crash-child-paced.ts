// Like tests/support/crash-child.ts (8 concurrent writers, one ACK line per acknowledged note),
// but each writer pauses now and then (half the time, up to 2 ms). The journal writer then
// goes idle between batches, which is when the engine may start a snapshot: flat out, with 8
// writers, it never is, and no snapshot is written (see BENCHMARKS.md). This child exists so
// that the crash harness can kill the engine while snapshots are being written.
import { setTimeout as sleep } from 'node:timers/promises';
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';

async function main(): Promise<void> {
  const [dataDir, incidentIdArg, tag] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: crash-child-paced DATA_DIR [INCIDENT_ID] [TAG]');
  const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'crash-child' }) });
  let incidentId = incidentIdArg;
  if (!incidentId) {
    const declared = await engine.dispatch('incident.declare', { title: 'Crash harness (paced)', severity: 'SEV2' });
    if (!declared.ok) throw new Error(declared.error.message);
    incidentId = (declared.value as { id: string }).id;
  }
  process.stdout.write(`INCIDENT ${incidentId}\n`);
  let n = 0;
  const worker = async () => {
    for (;;) {
      const text = `${tag ?? 'run'}-${n++}`;
      const result = await engine.dispatch('timeline.log', { incidentId, text });
      if (!result.ok) {
        process.stdout.write(`REFUSED ${result.error.code}\n`);
        process.exit(3);
      }
      process.stdout.write(`ACK ${text}\n`);
      if (Math.random() < 0.5) await sleep(Math.random() * 2);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
