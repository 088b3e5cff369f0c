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
}

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', message);
};

/** A path that would land outside the folder it is unpacked into, or is not plain. */
export function isUnsafePath(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..') || name.includes('\0');
}

/**
 * The journal records of a bundle (.zip) or a scribe log (.jsonl); anything odd is refused whole.
 * Runs in slices (and inflates in the thread pool), so other commands are served meanwhile.
 */
export async function readImport(bytes: Uint8Array): Promise<ImportedFile> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return { kind: 'bundle', records: await readBundle(bytes) };
  if (bytes.length > 0 && bytes[0] === 0x7b) return { kind: 'scribe-log', records: await readJournalLines(bytes, 'the scribe log', IMPORT_LIMITS.events) };
  return refuse('This file is neither a Command Post bundle (.zip) nor a scribe log (.jsonl).');
}

async function readBundle(zip: Uint8Array): Promise<unknown[]> {
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
  return readingEntry(journal, () => readJournalLines(pieces, `the bundle's ${JOURNAL_NAME}`, IMPORT_LIMITS.events));
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
