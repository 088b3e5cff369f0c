import { sniffArtefact } from '../../shared/artefacts/sniff';
import type { ScribeKind } from '../../shared/domain/incident';
import { api } from '../api';
import type { PendingFile } from './artefact-paste';
import { readFileAsBase64 } from './files';
import { plainMessage } from './plain-error';

const MIB = 1024 * 1024;

/**
 * Every file checked the way the engine will check it (size, then the bytes, in the engine's
 * own words) before any is sent: with two files, the second being refused must not leave the
 * first logged alone.
 */
export async function refusalOf(files: readonly PendingFile[], maxMiB: number): Promise<string | null> {
  for (const file of files) {
    if (file.size > maxMiB * MIB) {
      return `${file.name} is ${(file.size / MIB).toFixed(1)} MiB; an artefact may be at most ${maxMiB} MiB (Settings → Alerts sets the limit).`;
    }
    const sniffed = sniffArtefact(new Uint8Array(await file.blob.arrayBuffer()));
    if (!sniffed.ok) return `${file.name} was not attached: ${sniffed.reason}.`;
  }
  return null;
}

export type AttachOutcome = { ok: true; entryId: string | null } | { ok: false; error: string; attached: string[] };

/** The new entry the files are logged on: the words and the line's prefixes, as `timeline.log` takes them. */
export interface EntryLine {
  text: string;
  kind: ScribeKind;
  occurredAt?: number;
  attribution?: string | null;
  workstreamId?: string | null;
}

/**
 * The files onto one entry: the first one logs the entry with the line (when `entryId` is
 * null), the rest join it. Stops at the first refusal and says which files went.
 */
export async function attachFiles(incidentId: string, entryId: string | null, files: readonly PendingFile[], line: EntryLine): Promise<AttachOutcome> {
  let target = entryId;
  const attached: string[] = [];
  for (const file of files) {
    let base64: string;
    try {
      base64 = await readFileAsBase64(file.blob);
    } catch {
      return { ok: false, error: `${file.name} could not be read from this computer.`, attached };
    }
    const result = await api.call('artefact.attach', {
      incidentId,
      entryId: target,
      name: file.name,
      base64,
      ...(target === null ? line : {}),
    });
    if (!result.ok) return { ok: false, error: plainMessage(result.error), attached };
    target = result.value.entryId;
    attached.push(file.key);
  }
  return { ok: true, entryId: target };
}
