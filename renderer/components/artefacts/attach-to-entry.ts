import { attachFiles, refusalOf } from '../../lib/artefact-send';
import { pendingFile } from '../../lib/pending-files';
import { pickFiles } from '../../lib/pick-files';
import { currentSettings } from '../../store/settings-snapshot';
import { showNotice } from '../../store/war-room-store';

/** "Attach a file…" on an entry already logged: picked, checked, attached; a refusal is said above the timeline. */
export async function attachToEntry(incidentId: string, entryId: string): Promise<void> {
  const files = (await pickFiles()).map((f) => pendingFile(f));
  if (files.length === 0) return;
  const refusal = await refusalOf(files, currentSettings().artefactMaxMiB);
  if (refusal) {
    showNotice(refusal);
    return;
  }
  const outcome = await attachFiles(incidentId, entryId, files, { text: '', kind: 'note' });
  showNotice(outcome.ok ? null : outcome.error);
}
