import { unzipSync } from 'fflate';
import { CommandFailure } from '../../../shared/contract/result';
import { decodeRecord } from '../journal/record';
import { BUNDLE_FORMAT, JOURNAL_NAME } from './bundle-files';

/** Ceilings for what an imported file may claim or hold. */
export const IMPORT_LIMITS = {
  /** Sum of the uncompressed sizes the zip claims for the files we read. */
  uncompressedBytes: 512 * 1024 * 1024,
  events: 2_000_000,
  entries: 10_000,
};

const refuse = (message: string): never => {
  throw new CommandFailure('INVALID_INPUT', message);
};

/** A path that would land outside the folder it is unpacked into, or is not plain. */
export function isUnsafePath(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..') || name.includes('\0');
}

export interface ImportedFile {
  kind: 'bundle' | 'scribe-log';
  /** Each journal line's event as written, checksum verified, not yet checked against the schema. */
  records: unknown[];
}

/** The records of a bundle (.zip) or a scribe log (.jsonl); a damaged file is refused whole. */
export async function readImport(bytes: Uint8Array): Promise<ImportedFile> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return { records: readBundle(bytes), kind: 'bundle' };
  if (bytes.length > 0 && bytes[0] === 0x7b) return { records: readJournalLines(bytes, 'the scribe log'), kind: 'scribe-log' };
  return refuse('This file is neither a Command Post bundle (.zip) nor a scribe log (.jsonl).');
}

function readBundle(bytes: Uint8Array): unknown[] {
  let claimed = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        count += 1;
        if (count > IMPORT_LIMITS.entries) refuse('The zip has too many files to be a bundle.');
        if (isUnsafePath(file.name)) refuse(`The zip contains a path that escapes its folder: ${file.name}`);
        if (file.name !== JOURNAL_NAME && file.name !== 'manifest.json') return false;
        claimed += file.originalSize;
        if (claimed > IMPORT_LIMITS.uncompressedBytes) {
          refuse(`The bundle claims ${Math.round(claimed / 1048576)} MiB uncompressed, over the ${IMPORT_LIMITS.uncompressedBytes / 1048576} MiB limit.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    return refuse(`The zip cannot be read (${(error as Error).message}); it may be truncated.`);
  }
  const manifest = files['manifest.json'];
  if (!manifest) return refuse('This zip is not a Command Post bundle (no manifest.json).');
  let parsed: { format?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder().decode(manifest)) as { format?: unknown };
  } catch {
    return refuse('The bundle manifest is not JSON.');
  }
  if (parsed.format !== BUNDLE_FORMAT) refuse('This zip is not a Command Post bundle (unknown manifest format).');
  const journal = files[JOURNAL_NAME];
  if (!journal) return refuse(`The bundle has no ${JOURNAL_NAME}.`);
  return readJournalLines(journal, `the bundle's ${JOURNAL_NAME}`);
}

/** Every line must be a whole, checksummed record; what it says is the gate's to check. */
export function readJournalLines(bytes: Uint8Array, label: string): unknown[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: unknown[] = [];
  let start = 0;
  let line = 0;
  while (start < buffer.length) {
    let nl = buffer.indexOf(0x0a, start);
    if (nl === -1) nl = buffer.length;
    line += 1;
    const raw = buffer.subarray(start, nl);
    start = nl + 1;
    if (raw.length === 0) continue;
    const decoded = decodeRecord(raw);
    if (!decoded.ok) return refuse(`Line ${line} of ${label} is damaged (${decoded.reason}); nothing was imported.`);
    records.push(decoded.event);
    if (records.length > IMPORT_LIMITS.events) refuse(`${label} has more than ${IMPORT_LIMITS.events} events.`);
  }
  return records;
}
