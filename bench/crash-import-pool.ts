// The files the import kills import (bench/crash-import.ts), made once per run.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { encodeRecord } from '../electron/core/journal/record';
import type { ExportedFile } from '../shared/contract/contract';
import type { IncidentEvent } from '../shared/domain/events';
import { mustOk, startEngine } from '../tests/support/engine-harness';
import { bundleOf } from '../tests/support/import-files';
import { buildIncident, loadTemplates, noteEvent } from './fixtures';
import { formatStamp } from '../shared/domain/hlc';

/** The scribe whose logs are imported: one author, timeline lines only, as a scribe log must be. */
const SCRIBE = 'Lee (scribe)';
/** The other console whose later bundle of the same incident is merged. */
const CONSOLE_B = 'Kim (console B)';

export interface ImportFile {
  path: string;
  /** The name it is imported under (it ends up in each imported event's `origin.file`). */
  name: string;
  /** `merge`: a bundle of an incident already here, written only once its preview is confirmed. */
  kind: 'bundle' | 'merge' | 'scribe-log';
  incidentId: string;
  /** Event ids in the file, in file order. */
  ids: string[];
  /** The ids no earlier file of the pool carries: the events this file brings. */
  brings: string[];
}

/**
 * Files to import, in an order that always works, for each incident: its bundle (the incident
 * built by the benchmark fixtures — the engine's own declaration and ~3 000 notes — and
 * exported by the engine), a scribe log of 2 000 events, the bundle of the same incident from
 * another console (the first bundle's events and 500 more, a role change among them: a merge,
 * previewed then confirmed), and two more scribe logs.
 */
export async function prepareImportPool(root: string, bundles: number): Promise<ImportFile[]> {
  await loadTemplates(join(root, 'template'));
  const files: ImportFile[] = [];
  const add = async (name: string, kind: ImportFile['kind'], incidentId: string, base64: string, ids: string[], brings: string[]) => {
    const path = join(root, `${name}.b64`);
    await writeFile(path, base64);
    files.push({ path, name: basename(name), kind, incidentId, ids, brings });
  };
  for (let b = 0; b < bundles; b++) {
    const src = join(root, `src-${b}`);
    const fixture = await buildIncident(src, 3_000);
    const incidentId = fixture.incidentId;
    const engine = await startEngine(src);
    const exported = await mustOk<ExportedFile>(engine.dispatch('bundle.export', { incidentId }));
    await engine.close();
    const journal = Buffer.from(unzipSync(Buffer.from(exported.base64, 'base64'), { filter: (f) => f.name === 'incident.jsonl' })['incident.jsonl']!);
    const bundleIds = journal.toString('utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { event: IncidentEvent }).event.id);
    await add(`bundle-${b}.zip`, 'bundle', incidentId, exported.base64, bundleIds, bundleIds);
    const log = async (l: number) => {
      const events = scribeLog(incidentId, Date.now() - 3_600_000 + l * 10_000);
      const ids = events.map((e) => e.id);
      await add(`log-${b}-${l}.jsonl`, 'scribe-log', incidentId, Buffer.from(events.map(encodeRecord).join('')).toString('base64'), ids, ids);
    };
    await log(0);
    const later = consoleB(incidentId, bundleIds.length + 1, Date.now() - 1_800_000);
    const merged = bundleOf(Buffer.concat([journal, Buffer.from(later.map(encodeRecord).join(''))]));
    const laterIds = later.map((e) => e.id);
    await add(`merge-${b}.zip`, 'merge', incidentId, Buffer.from(merged).toString('base64'), [...bundleIds, ...laterIds], laterIds);
    await log(1);
    await log(2);
  }
  return files;
}

/** 1 998 notes of one scribe, then an amendment and a strike of two of them. */
function scribeLog(incidentId: string, base: number): IncidentEvent[] {
  const notes = Array.from({ length: 1_998 }, (_, i) => ({ ...noteEvent(incidentId, i + 1, base), actor: SCRIBE }) as IncidentEvent);
  const entryOf = (e: IncidentEvent | undefined) => (e as Extract<IncidentEvent, { type: 'timeline.logged' }>).payload.entryId;
  const at = base + 2_000_000;
  const envelope = { incidentId, at, actor: SCRIBE };
  return [
    ...notes,
    { ...envelope, id: randomUUID(), seq: 1_999, hlc: formatStamp({ wall: at, counter: 1, node: 'scribe' }), type: 'timeline.amended', payload: { entryId: entryOf(notes[10]), text: 'amended by the scribe', kind: 'finding' } },
    { ...envelope, id: randomUUID(), seq: 2_000, hlc: formatStamp({ wall: at, counter: 2, node: 'scribe' }), type: 'timeline.struck', payload: { entryId: entryOf(notes[20]), reason: 'wrong host' } },
  ];
}

/** What another console logged on the same incident: 499 notes and a new communications lead. */
function consoleB(incidentId: string, firstSeq: number, base: number): IncidentEvent[] {
  const notes = Array.from({ length: 499 }, (_, i) => ({ ...noteEvent(incidentId, firstSeq + i, base), actor: CONSOLE_B }) as IncidentEvent);
  const role: IncidentEvent = {
    id: randomUUID(),
    incidentId,
    seq: firstSeq + notes.length,
    hlc: formatStamp({ wall: base + 1_000_000, counter: 0, node: 'console-b' }),
    at: base + 1_000_000,
    actor: CONSOLE_B,
    type: 'role.assigned',
    payload: { role: 'communications-lead', name: 'Kim', contact: '' },
  };
  return [...notes, role];
}
