import { sniffArtefact } from '../../../shared/artefacts/sniff';
import { CommandFailure } from '../../../shared/contract/result';
import type { ArtefactRecord } from '../../../shared/domain/incident';
import type { SyncControl } from '../sync/sync-control';
import { type ArtefactStore, sha256 } from './artefact-store';

/**
 * The file of an artefact this console does not hold (a teammate attached it): fetched from the
 * team's store, checked against the event that names it — size, sha-256, and the type its bytes
 * say — and stored here durably before it is served, so it stays readable offline. Bytes that
 * do not match are refused and nothing is stored.
 */
export async function fetchFromTeam(sync: SyncControl, incidentId: string, record: ArtefactRecord, store: ArtefactStore): Promise<Uint8Array> {
  const pending = sync.fetchFile(incidentId, record.hash);
  if (!pending) throw new CommandFailure('NOT_FOUND', `The file of ${record.name} is not on this console (or no longer matches its hash).`);
  const got = await pending;
  if (!got.ok) {
    throw new CommandFailure(
      'UNAVAILABLE',
      `${record.name} was attached on another console and is not here yet, and the team database cannot be reached now (${got.error.message}). It opens once sync is back.`,
    );
  }
  if (got.value === null) {
    throw new CommandFailure('NOT_FOUND', `${record.name} has not reached the team database yet: the console that attached it has not synced it. It opens once that console is online.`);
  }
  const problem = mismatch(got.value, record);
  if (problem) {
    console.warn(`artefact ${record.hash} of ${incidentId} from the team database refused: ${problem}`);
    throw new CommandFailure('CONFLICT', `The file of ${record.name} from the team database was refused: ${problem}. Nothing was stored; ask whoever attached it to attach it again.`);
  }
  await store.put(got.value);
  return got.value;
}

/** Why the bytes are not the file the event names, or null when they are. */
export function mismatch(bytes: Uint8Array, record: ArtefactRecord): string | null {
  if (bytes.length !== record.size) return `it is ${bytes.length} bytes, and the timeline says ${record.size}`;
  const hash = sha256(bytes);
  if (hash !== record.hash) return `its sha-256 is ${hash.slice(0, 12)}…, not ${record.hash.slice(0, 12)}…`;
  const sniffed = sniffArtefact(bytes);
  if (!sniffed.ok) return `its bytes are refused (${sniffed.reason})`;
  if (sniffed.value.mime !== record.mime) return `its bytes are ${sniffed.value.mime}, and the timeline says ${record.mime}`;
  return null;
}
