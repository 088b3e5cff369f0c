import { type ClipboardEvent, type DragEvent, useState } from 'react';
import { isSnippet } from '../../lib/artefact-paste';
import { pendingFile, pendingSnippet } from '../../lib/pending-files';
import { addPending, pendingFor } from '../../store/attachment-store';

const hasFiles = (types: readonly string[]) => types.includes('Files');

/**
 * Paste and drop into the scribe box: files (a screenshot from the clipboard, a dropped PDF)
 * wait as chips for the next line; a long pasted log waits as a snippet file instead of
 * filling the box. Short text pastes as usual.
 */
export function useScribeFiles(incidentId: string) {
  const [dropping, setDropping] = useState(false);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const data = event.clipboardData;
    const files = [...data.files];
    if (files.length > 0) {
      event.preventDefault();
      addPending(incidentId, files.map((f) => pendingFile(f)));
      return;
    }
    const text = data.getData('text/plain');
    if (!isSnippet(text)) return;
    event.preventDefault();
    addPending(incidentId, [pendingSnippet(text, pendingFor(incidentId).map((p) => p.name))]);
  };

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles([...event.dataTransfer.types])) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };

  const onDragLeave = () => setDropping(false);

  const onDrop = (event: DragEvent<HTMLElement>) => {
    setDropping(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    event.preventDefault();
    addPending(incidentId, files.map((f) => pendingFile(f)));
  };

  return { dropping, onPaste, dropTarget: { onDragOver, onDragLeave, onDrop } };
}
