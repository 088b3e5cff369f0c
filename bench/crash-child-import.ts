// Imports files (post-mortem bundles and scribe logs, base64 text, one per path in PLAN_FILE)
// one after another through the engine's bundle.import; the crash harness SIGKILLs it at a
// random moment. Prints READY once the engine is open, START i before each import and ACK i
// once bundle.import has answered ok (its events are then durable).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';

async function main(): Promise<void> {
  const [dataDir, planFile] = process.argv.slice(2);
  if (!dataDir || !planFile) throw new Error('usage: crash-child-import DATA_DIR PLAN_FILE');
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as string[];
  const engine = await openEngine({ dataDir, scheduler: false, settings: createMemorySettings({ operatorName: 'crash-import' }) });
  process.stdout.write('READY\n');
  for (let i = 0; i < plan.length; i++) {
    const base64 = readFileSync(plan[i]!, 'utf8');
    process.stdout.write(`START ${i}\n`);
    const r = await engine.dispatch('bundle.import', { fileName: basename(plan[i]!), base64 });
    if (!r.ok) {
      process.stdout.write(`REFUSED ${i} ${r.error.code} ${r.error.message.replace(/\n/g, ' ')}\n`);
      continue;
    }
    const v = r.value as { added: number; alreadyHad: number; created: boolean };
    process.stdout.write(`ACK ${i} ${v.added} ${v.alreadyHad} ${v.created}\n`);
  }
  process.stdout.write('DONE\n');
  // Stay alive until killed, like an app left open.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
