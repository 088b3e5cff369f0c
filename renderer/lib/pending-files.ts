import { pastedImageName, plainFileName, snippetName, type PendingFile } from './artefact-paste';

let next = 0;
const key = () => `pending-${++next}`;

/** A file pasted, dropped or picked, ready to be attached. */
export function pendingFile(file: File, at = new Date()): PendingFile {
  return { key: key(), name: pastedImageName(file, at), size: file.size, blob: file, snippet: null };
}

/** A long pasted log kept as a text file instead of a note. */
export function pendingSnippet(text: string, taken: readonly string[], at = new Date()): PendingFile {
  const blob = new Blob([text], { type: 'text/plain' });
  return { key: key(), name: plainFileName(snippetName(at, taken), 'snippet.log'), size: blob.size, blob, snippet: text };
}
