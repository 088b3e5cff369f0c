import type { ArtefactRecord } from '../../../shared/domain/incident';
import { CommandFailure } from '../../../shared/contract/result';
import type { SyncControl } from '../sync/sync-control';
import { ArtefactStore } from './artefact-store';
import { fetchFromTeam } from './artefact-fetch';

export interface HeldFile {
  record: ArtefactRecord;
  bytes: Uint8Array;
}

export interface ArtefactFiles {
  files: HeldFile[];
  /** Artefacts whose file could not be had, with why, in the words the viewer uses. */
  missing: Array<{ record: ArtefactRecord; why: string }>;
}

/**
 * The files of the given artefacts for an export or a printout: from this console, or else from
 * the team's store (checked and kept here, as when a teammate's file is opened), so a bundle made
 * on a console that never showed a screenshot still carries it. What cannot be had is left out
 * and said, never an error for the whole export.
 */
export async function artefactFiles(sync: SyncControl, incidentId: string, incidentDir: string, records: readonly ArtefactRecord[]): Promise<ArtefactFiles> {
  const store = new ArtefactStore(incidentDir);
  const out: ArtefactFiles = { files: [], missing: [] };
  for (const record of records) {
    try {
      const bytes = (await store.get(record.hash)) ?? (await fetchFromTeam(sync, incidentId, record, store));
      out.files.push({ record, bytes });
    } catch (error) {
      if (!(error instanceof CommandFailure)) throw error;
      out.missing.push({ record, why: error.message });
    }
  }
  return out;
}
