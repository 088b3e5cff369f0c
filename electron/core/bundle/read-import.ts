import { createHash } from 'node:crypto';
import { CommandFailure } from '../../../shared/contract/result';
import { BUNDLE_FORMAT, JOURNAL_NAME } from './bundle-files';
import { EntryRefused, entryBytes, entryPieces } from './inflate-bounded';
import { readJournalLines } from './journal-lines';
import { readZipDirectory, shownName, type ZipEntry } from './zip-reader';

/** Ceilings for what an imported file may claim or hold. */
export const IMPORT_LIMITS = {
  /** Sum of the uncompressed sizes of the files we read (manifest and journal), claimed and real. */
  uncompressedBytes: 512 * 1024 * 1024,
  events: 2_000_000,
  entries: 10_000,
};

/** A manifest is a few hundred bytes; anything much larger is not ours. */
const MAX_MANIFEST_BYTES = 64 * 1024;
const MANIFEST_NAME = 'manifest.json';

export interface ImportedFile {
  kind: 'bundle' | 'scribe-log';
  /** The decoded, checksum-verified JSON value of each journal line, in file order; not yet checked as events. */
  records: unknown[];
  /** The bundle's artefact files, each verified against the manifest's sha-256 and size, by hash. */
  attachments: Map<string, Uint8Array>;
}

/** What a manifest may say of one attachment. */
const ATTACHMENT_LIMIT = 64 * 1024 * 1024;

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', message);
};

/** A path that would land outside the folder it is unpacked into, or is not plain. */
export function isUnsafePath(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..') || name.includes('\0');
}

/**
 * The journal records of a bundle (.zip) or a scribe log (.jsonl); anything odd is refused whole.
 * Of a bundle only the manifest, the journal and the listed attachments are read: every other
 * file (the post-mortem, the CSVs, the private `private/responders.md`) is derived from the
 * journal, so it is neither trusted nor needed, and its presence never refuses a bundle.
 * Runs in slices (and inflates in the thread pool), so other commands are served meanwhile.
 */
export async function readImport(bytes: Uint8Array): Promise<ImportedFile> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return { kind: 'bundle', ...(await readBundle(bytes)) };
  if (bytes.length > 0 && bytes[0] === 0x7b) return { kind: 'scribe-log', records: await readJournalLines(bytes, 'the scribe log', IMPORT_LIMITS.events), attachments: new Map() };
  return refuse('This file is neither a Command Post bundle (.zip) nor a scribe log (.jsonl).');
}

async function readBundle(zip: Uint8Array): Promise<{ records: unknown[]; attachments: Map<string, Uint8Array> }> {
  const directory = await readZipDirectory(zip, IMPORT_LIMITS.entries);
  if (!directory.ok) return refuse(`The zip cannot be read: ${directory.reason}.`);
  const { entries } = directory;
  const unsafe = entries.find((e) => isUnsafePath(e.name));
  if (unsafe) refuse(`The zip contains a path that escapes its folder: ${shownName(unsafe.name)}`);
  const manifest = entries.find((e) => e.name === MANIFEST_NAME);
  if (!manifest) return refuse('This zip is not a Command Post bundle (no manifest.json).');
  const journal = entries.find((e) => e.name === JOURNAL_NAME);
  const claimed = manifest.size + (journal?.size ?? 0);
  if (claimed > IMPORT_LIMITS.uncompressedBytes) {
    refuse(`The bundle claims ${Math.round(claimed / 1048576)} MiB uncompressed, over the ${IMPORT_LIMITS.uncompressedBytes / 1048576} MiB limit.`);
  }
  if (manifest.size > MAX_MANIFEST_BYTES) refuse('This zip is not a Command Post bundle (its manifest.json is far too large).');

  const manifestText = new TextDecoder().decode(await readingEntry(manifest, () => entryBytes(zip, manifest, MAX_MANIFEST_BYTES)));
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    return refuse('The bundle manifest is not JSON.');
  }
  const format = typeof parsed === 'object' && parsed !== null ? (parsed as { format?: unknown }).format : undefined;
  if (format !== BUNDLE_FORMAT) refuse('This zip is not a Command Post bundle (unknown manifest format).');
  if (!journal) return refuse(`The bundle has no ${JOURNAL_NAME}.`);
  const pieces = entryPieces(zip, journal, IMPORT_LIMITS.uncompressedBytes - manifest.size);
  const records = await readingEntry(journal, () => readJournalLines(pieces, `the bundle's ${JOURNAL_NAME}`, IMPORT_LIMITS.events));
  return { records, attachments: await readAttachments(zip, entries, (parsed as { attachments?: unknown }).attachments) };
}

/** Each attachment the manifest lists: present, its size and sha-256 as said; one that is not refuses the whole file. */
async function readAttachments(zip: Uint8Array, entries: readonly ZipEntry[], listed: unknown): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (listed === undefined) return out;
  if (!Array.isArray(listed) || listed.length > IMPORT_LIMITS.entries) return refuse('The bundle manifest lists its attachments wrongly.');
  let total = 0;
  for (const item of listed as unknown[]) {
    const { path, sha256, size } = (item ?? {}) as { path?: unknown; sha256?: unknown; size?: unknown };
    if (typeof path !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > ATTACHMENT_LIMIT) {
      return refuse('The bundle manifest lists an attachment without a plain path, a sha-256 and a size.');
    }
    const entry = entries.find((e) => e.name === path);
    if (!entry) return refuse(`The bundle lists ${shownName(path)} but does not hold it. Nothing was imported.`);
    total += size;
    if (total > IMPORT_LIMITS.uncompressedBytes) refuse(`The bundle's attachments are over the ${IMPORT_LIMITS.uncompressedBytes / 1048576} MiB limit.`);
    const bytes = await readingEntry(entry, () => entryBytes(zip, entry, size));
    if (bytes.length !== size || createHash('sha256').update(bytes).digest('hex') !== sha256) {
      return refuse(`${shownName(path)} in the bundle does not match its sha-256 or size in the manifest. Nothing was imported.`);
    }
    out.set(sha256, bytes);
  }
  return out;
}

/** Runs `read` over an entry's contents; contents that break their header's word refuse the file. */
async function readingEntry<T>(entry: ZipEntry, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof EntryRefused) return refuse(`The zip cannot be read: ${shownName(entry.name)} ${error.message}.`);
    throw error;
  }
}
