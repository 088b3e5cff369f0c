// Notes and imports at once: four writers log notes on one incident while an importer brings in
// the files of PLAN_FILE one after another, with short pauses in between: scribe logs, bundles,
// and hostile files the gate must refuse. The crash harness SIGKILLs it.
//
// The writers pause now and then (half the time, up to 2 ms), as the paced crash child does:
// an import into an incident reads its journal once the journal writer is idle, and writers
// that never pause keep it busy for good (the import then waits as long as the notes flow).
//
// Prints NOTE <eventId> for each acknowledged note, START i before import i,
// PREVIEW i and CONFIRM i when a merge answered a preview and the child confirms it (as an
// operator would, even for a file that should never get that far), ACK i <added> once the file
// is written, REFUSED i <code> when it is refused, and DONE after the last file.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openEngine } from '../../electron/core/engine';
import { createMemorySettings } from '../../electron/core/settings/conf-settings';
import type { ImportResult } from '../../shared/contract/contract';
import type { TimelineEntry } from '../../shared/domain/incident';

const WRITERS = 4;

const [dataDir, incidentId, tag, planFile] = process.argv.slice(2);
if (!dataDir || !incidentId || !tag || !planFile) throw new Error('usage: crash-mixed-child DATA_DIR INCIDENT_ID TAG PLAN_FILE');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Array<{ path: string; name: string }>;
const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName: 'crash-ic' }) });
const say = (line: string) => process.stdout.write(`${line}\n`);

let n = 0;
const writer = async () => {
  for (;;) {
    const text = `${tag}-${n++}`;
    const result = await engine.dispatch('timeline.log', { incidentId, text });
    if (!result.ok) {
      // On stderr, so that the harness's report of a child that exited on its own says why.
      process.stderr.write(`a note was refused: ${result.error.code} ${result.error.message}\n`);
      process.exit(3);
    }
    say(`NOTE ${(result.value as TimelineEntry).eventId}`);
    if (Math.random() < 0.5) await sleep(Math.random() * 2);
  }
};

const importer = async () => {
  for (const [i, file] of plan.entries()) {
    await sleep(Math.random() * 30);
    const input = { fileName: file.name, base64: readFileSync(file.path).toString('base64') };
    say(`START ${i}`);
    let r = await engine.dispatch('bundle.import', input);
    const token = r.ok ? (r.value as ImportResult).confirmToken : null;
    if (token !== null) {
      say(`PREVIEW ${i}`);
      say(`CONFIRM ${i}`);
      r = await engine.dispatch('bundle.import', { ...input, confirm: token });
    }
    if (!r.ok) say(`REFUSED ${i} ${r.error.code}`);
    else if ((r.value as ImportResult).confirmToken !== null) say(`REFUSED ${i} PREVIEW_AGAIN`);
    else say(`ACK ${i} ${(r.value as ImportResult).added}`);
  }
  say('DONE');
};

await Promise.all([importer(), ...Array.from({ length: WRITERS }, writer)]);
