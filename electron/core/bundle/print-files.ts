import type { IncidentState } from '../../../shared/domain/incident';
import { type ArtefactExcerpts, type InlineImages, isInlineImage } from '../../../shared/domain/review/postmortem-render';
import type { HeldFile } from '../artefacts/artefact-files';

/** Enough of a log for the excerpt the printable post-mortem shows where a snippet is placed. */
const SNIPPET_HEAD_BYTES = 16_384;

/**
 * A printout carries its screenshots inside the page (a third more as base64); past this many
 * bytes of images the rest are named, not shown, so a page of dashboards still opens and prints.
 */
export const PRINT_IMAGES_MAX_BYTES = 32 * 1024 * 1024;

/** Each text artefact's first bytes, by artefact id, for the excerpt shown where it is placed. */
export function snippetHeads(state: IncidentState, files: readonly { id: string; bytes: Uint8Array }[]): Record<string, string> {
  const text = new Set(state.artefacts.filter((a) => a.mime === 'text/plain').map((a) => a.id));
  const decoder = new TextDecoder();
  return Object.fromEntries(files.filter((a) => text.has(a.id)).map((a) => [a.id, decoder.decode(a.bytes.subarray(0, SNIPPET_HEAD_BYTES))]));
}

/** The artefacts a printout shows: raster images and text snippets. */
export const printable = (state: IncidentState) => state.artefacts.filter((a) => isInlineImage(a.mime) || a.mime === 'text/plain');

/** The images (as `data:` URLs, in timeline order, up to the budget) and excerpts of a printout, and the images left out. */
export function printFiles(state: IncidentState, held: readonly HeldFile[], budget = PRINT_IMAGES_MAX_BYTES): { images: InlineImages; excerpts: ArtefactExcerpts; over: string[] } {
  const images: Record<string, string> = {};
  const over: string[] = [];
  let used = 0;
  for (const { record, bytes } of held) {
    if (!isInlineImage(record.mime)) continue;
    if (used + bytes.length > budget) {
      over.push(record.name);
      continue;
    }
    used += bytes.length;
    images[record.id] = `data:${record.mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  }
  return { images, excerpts: snippetHeads(state, held.map((h) => ({ id: h.record.id, bytes: h.bytes }))), over };
}
