// Attaches distinct PNG-framed artefacts as fast as it can, printing each acknowledged hash;
// the test kills it with SIGKILL mid-stream.
import { openEngine } from '../../electron/core/engine';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import { PNG_1X1 } from './image-bytes';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-artefact-child DATA_DIR');
const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'crash-child' }) });
const declared = await engine.dispatch('incident.declare', { title: 'Artefacts under kill -9', severity: 'SEV2' });
if (!declared.ok) throw new Error(declared.error.message);
const incidentId = (declared.value as { id: string }).id;
process.stdout.write(`INCIDENT ${incidentId}\n`);
for (let n = 0; ; n++) {
  // Text artefacts of 64 KiB, each different: a log snippet per round.
  const text = `round ${n}\n${'2026-11-30T03:00:00Z ERROR pool exhausted\n'.repeat(1_600)}`;
  const bytes = n % 2 === 0 ? Buffer.from(text) : Buffer.from(PNG_1X1);
  const result = await engine.dispatch('artefact.attach', { incidentId, name: `snippet-${n}.log`, base64: bytes.toString('base64'), text: `snippet ${n}` });
  if (!result.ok) {
    process.stdout.write(`REFUSED ${result.error.code} ${result.error.message}\n`);
    process.exit(3);
  }
  process.stdout.write(`ACK ${(result.value as { hash: string }).hash}\n`);
}
