// Imports files (post-mortem bundles and scribe logs, base64 text, listed in PLAN_FILE as {path, name})
// one after another through the engine's bundle.import; the crash harness SIGKILLs it at a
// random moment. Prints READY once the engine is open, START i before each import and ACK i
// once bundle.import has written it (its events are then durable). A bundle that merges into
// an incident already here answers a preview first (PREVIEW i): the child confirms it at once,
// as an operator would (CONFIRM i), and only the confirmed call is the acknowledgement.
import { readFileSync } from 'node:fs';
import { openEngine } from '../electron/core/engine';
import { createMemorySettings } from '../electron/core/settings/conf-settings';
import type { ImportResult } from '../shared/contract/contract';

async function main(): Promise<void> {
  const [dataDir, planFile] = process.argv.slice(2);
  if (!dataDir || !planFile) throw new Error('usage: crash-child-import DATA_DIR PLAN_FILE');
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Array<{ path: string; name: string }>;
  const engine = await openEngine({ dataDir, scheduler: false, settings: createMemorySettings({ operatorName: 'crash-import' }) });
  process.stdout.write('READY\n');
  for (let i = 0; i < plan.length; i++) {
    const input = { fileName: plan[i]!.name, base64: readFileSync(plan[i]!.path, 'utf8') };
    process.stdout.write(`START ${i}\n`);
    let r = await engine.dispatch('bundle.import', input);
    if (r.ok && (r.value as ImportResult).confirmToken !== null) {
      process.stdout.write(`PREVIEW ${i}\nCONFIRM ${i}\n`);
      r = await engine.dispatch('bundle.import', { ...input, confirm: (r.value as ImportResult).confirmToken });
    }
    if (!r.ok) {
      process.stdout.write(`REFUSED ${i} ${r.error.code} ${r.error.message.replace(/\n/g, ' ')}\n`);
      continue;
    }
    const v = r.value as ImportResult;
    // A confirmed call that answers another preview wrote nothing: not an acknowledgement.
    if (v.confirmToken !== null) process.stdout.write(`REFUSED ${i} PREVIEW_AGAIN the confirmed import answered a preview again\n`);
    else process.stdout.write(`ACK ${i} ${v.added} ${v.alreadyHad} ${v.created}\n`);
  }
  process.stdout.write('DONE\n');
  // Stay alive until killed, like an app left open.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
