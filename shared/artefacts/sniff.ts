/**
 * What an attached file is, read from its bytes — never from its name or the type a browser
 * claims. Only what the console can show safely is let in: raster images (shown as images),
 * PDFs (offered for download, never rendered inline) and text (shown as text, markup included:
 * an SVG or HTML file is text here, never active content). Anything else is refused by name.
 */

export type ArtefactKind = 'image' | 'pdf' | 'text';

export interface Sniffed {
  kind: ArtefactKind;
  mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf' | 'text/plain';
  /** Said beside the artefact: "SVG shown as text", "HTML shown as text". */
  note: string | null;
}

export type SniffResult = { ok: true; value: Sniffed } | { ok: false; reason: string };

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffArtefact(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image(bytes, 'image/png', pngIntact);
  if (starts(bytes, [0xff, 0xd8, 0xff])) return image(bytes, 'image/jpeg', (b) => b.length > 4 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9);
  if (starts(bytes, ascii('GIF87a')) || starts(bytes, ascii('GIF89a'))) return image(bytes, 'image/gif', (b) => b[b.length - 1] === 0x3b);
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return image(bytes, 'image/webp', webpIntact);
  if (starts(bytes, ascii('%PDF-'))) return { ok: true, value: { kind: 'pdf', mime: 'application/pdf', note: null } };
  const dangerous = dangerousKind(bytes);
  if (dangerous) return { ok: false, reason: `it is ${dangerous}, which the console never stores` };
  const text = utf8Text(bytes);
  if (text === null) return { ok: false, reason: 'it is not an image, a PDF or text (its bytes match no type the console can show safely)' };
  const head = text.slice(0, 1_024).trimStart().toLowerCase();
  const note = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(head)
    ? 'SVG shown as text'
    : /^<!doctype html|^<html[\s>]|<script[\s>]/.test(head)
      ? 'HTML shown as text'
      : null;
  return { ok: true, value: { kind: 'text', mime: 'text/plain', note } };
}

function image(bytes: Uint8Array, mime: Sniffed['mime'], intact: (b: Uint8Array) => boolean): SniffResult {
  if (!intact(bytes)) return { ok: false, reason: `it claims to be ${mime.slice(6).toUpperCase()} but is cut short or damaged` };
  return { ok: true, value: { kind: 'image', mime, note: null } };
}

/** A PNG has its IHDR first and an IEND chunk at the very end. */
function pngIntact(b: Uint8Array): boolean {
  return b.length >= 8 + 25 + 12 && starts(b, ascii('IHDR'), 12) && starts(b, ascii('IEND'), b.length - 8);
}

/** RIFF's own length matches the file. */
function webpIntact(b: Uint8Array): boolean {
  if (b.length < 16) return false;
  const size = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
  return size + 8 === b.length || size + 9 === b.length; // odd sizes are padded by one byte
}

/** Executables, archives and scripts, by their first bytes. */
function dangerousKind(b: Uint8Array): string | null {
  if (starts(b, [0x4d, 0x5a])) return 'a Windows program';
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux program';
  if (starts(b, [0xcf, 0xfa, 0xed, 0xfe]) || starts(b, [0xfe, 0xed, 0xfa, 0xcf]) || starts(b, [0xca, 0xfe, 0xba, 0xbe])) return 'a macOS program';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return 'a zip archive (or an Office file)';
  if (starts(b, ascii('#!'))) return 'a script';
  return null;
}

/** The text, if the bytes are UTF-8 with no NUL and few control characters; otherwise null. */
function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 65_536); i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1b) control++;
  }
  return control > 8 ? null : text;
}
