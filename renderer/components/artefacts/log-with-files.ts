import type { PendingFile } from '../../lib/artefact-paste';
import { attachFiles, type EntryLine, refusalOf } from '../../lib/artefact-send';
import { removePending, setRefusal } from '../../store/attachment-store';
import { currentSettings } from '../../store/settings-snapshot';

/** Whether the entry was logged (with all its files, or — rarely — some), for the box to empty or keep its text. */
export type FilesOutcome = 'logged' | 'refused' | 'partly';

/**
 * A new entry carrying the pending files, with the line's @name, time and workstream. All are
 * checked first, so a refused one sends nothing; the refusal is said beside the box and the
 * text stays in it.
 */
export async function logWithFiles(incidentId: string, files: readonly PendingFile[], line: EntryLine): Promise<FilesOutcome> {
  const refusal = await refusalOf(files, currentSettings().artefactMaxMiB);
  if (refusal) {
    setRefusal(incidentId, refusal);
    return 'refused';
  }
  const outcome = await attachFiles(incidentId, null, files, line);
  if (outcome.ok) {
    removePending(incidentId, files.map((f) => f.key));
    setRefusal(incidentId, null);
    return 'logged';
  }
  if (outcome.attached.length === 0) {
    setRefusal(incidentId, outcome.error);
    return 'refused';
  }
  // The engine took the entry and some files, then refused one (a full disk, say): what is left waits.
  removePending(incidentId, outcome.attached);
  setRefusal(incidentId, `The entry was logged with ${outcome.attached.length} of ${files.length} files; the rest wait here. ${outcome.error}`);
  return 'partly';
}
