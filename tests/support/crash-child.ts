// Runs the engine and logs notes with 8 concurrent writers, printing each acknowledged note.
// The crash harness kills this process with SIGKILL at a random moment.
// With `paced`, each writer pauses now and then (half the time, up to 2 ms), so the journal goes
// quiet between batches and snapshots start often: the harness uses it to kill mid-snapshot.
import { setTimeout as sleep } from 'node:timers/promises';
import { openEngine } from '../../electron/core/engine';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';

const [dataDir, incidentIdArg, tag, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child DATA_DIR [INCIDENT_ID] [TAG] [paced]');
const paced = mode === 'paced';

const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'crash-child' }) });
let incidentId = incidentIdArg;
if (!incidentId) {
  const declared = await engine.dispatch('incident.declare', { title: paced ? 'Crash harness (paced)' : 'Crash harness', severity: 'SEV2' });
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
    if (paced && Math.random() < 0.5) await sleep(Math.random() * 2);
  }
};
await Promise.all(Array.from({ length: 8 }, worker));
