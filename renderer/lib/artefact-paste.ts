// What a paste or a drop into the scribe box becomes: the pure decisions, tested on their own.

/** A paste longer than this many characters is a log, not a note: it becomes a snippet file. */
export const SNIPPET_MIN_CHARS = 4_000;
/** …or one with more lines than this. */
export const SNIPPET_MIN_LINES = 40;
/** The entry text taken from a snippet's first lines when the scribe typed none. */
const SNIPPET_TEXT_MAX = 160;

export function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** A pasted text is a snippet when it is over 4 000 characters or over 40 lines. */
export function isSnippet(text: string): boolean {
  return text.length > SNIPPET_MIN_CHARS || lineCount(text) > SNIPPET_MIN_LINES;
}

/** `snippet-HHMM.log`, in the local time the scribe pasted it; a second one that minute gets `-2`. */
export function snippetName(at: Date, taken: readonly string[] = []): string {
  const base = `snippet-${String(at.getHours()).padStart(2, '0')}${String(at.getMinutes()).padStart(2, '0')}`;
  if (!taken.includes(`${base}.log`)) return `${base}.log`;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}.log`)) return `${base}-${n}.log`;
}

/** The first one or two non-blank lines, short enough for one timeline row. */
export function snippetHeadline(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 2);
  const head = lines.join(' · ');
  return head.length > SNIPPET_TEXT_MAX ? `${head.slice(0, SNIPPET_TEXT_MAX - 1)}…` : head;
}

export interface PendingFile {
  /** Local id for the chip. */
  key: string;
  name: string;
  size: number;
  blob: Blob;
  /** A long paste turned into a file: its first lines name the entry when nothing was typed. */
  snippet: string | null;
}

/**
 * The entry's words: what was typed; else a snippet's first lines; else empty (the engine then
 * says "Attached NAME").
 */
export function entryTextFor(typed: string, pending: readonly PendingFile[]): string {
  if (typed.trim() !== '') return typed;
  const snippet = pending.find((p) => p.snippet !== null);
  return snippet?.snippet ? snippetHeadline(snippet.snippet) : '';
}

/** A name the engine accepts: no slashes or control characters, at most 255 characters. */
export function plainFileName(name: string, fallback: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim();
  if (cleaned === '') return fallback;
  return cleaned.length > 255 ? cleaned.slice(cleaned.length - 255) : cleaned;
}

/** A screenshot pasted from the clipboard arrives as `image.png`; give it a time so several differ. */
export function pastedImageName(file: { name: string; type: string }, at: Date): string {
  const generic = file.name === '' || /^image\.(png|jpe?g|gif|webp)$/i.test(file.name);
  if (!generic) return plainFileName(file.name, 'file');
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = `${String(at.getHours()).padStart(2, '0')}${String(at.getMinutes()).padStart(2, '0')}${String(at.getSeconds()).padStart(2, '0')}`;
  return `screenshot-${stamp}.${ext}`;
}
