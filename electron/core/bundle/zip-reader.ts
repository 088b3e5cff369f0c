import { TimeSlice } from './time-slice';

/**
 * The directory of a zip, read by hand and trusted in nothing: end record → central directory →
 * each local header. Only what a plain zip of ours (or a re-zipped one) uses is accepted: stored
 * or deflated entries, no zip64, no encryption, no spanning. Every range is checked against the
 * file, names must be unique even ignoring case (bundles are unpacked on case-insensitive file
 * systems), and no two entries may share bytes: that is how a small zip lists one huge entry
 * many times, or hides one entry's header inside another's data.
 *
 * Parsing is O(entries) over headers only; no entry is decompressed here.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the zip claims: a claim, to be checked while inflating. */
  size: number;
  /** Offset of the entry's compressed data in the zip. */
  dataStart: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const END_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;
const END_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const MAX_COMMENT = 0xffff;
const ZIP64_EXTRA = 0x0001;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

class BadZip extends Error {}

/** A name as it may appear in a message: control characters made visible, and never long. */
export function shownName(name: string): string {
  const plain = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

const bad = (reason: string): never => {
  throw new BadZip(reason);
};

/** Reads the directory; `maxEntries` is checked before any entry is looked at. */
export async function readZipDirectory(zip: Uint8Array, maxEntries: number): Promise<ZipDirectory> {
  try {
    return { ok: true, entries: await readDirectory(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), maxEntries) };
  } catch (error) {
    if (error instanceof BadZip) return { ok: false, reason: error.message };
    throw error;
  }
}

interface Span {
  name: string;
  start: number;
  end: number;
}

async function readDirectory(buf: Buffer, maxEntries: number): Promise<ZipEntry[]> {
  const end = findEndRecord(buf);
  if (end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_LOCATOR_SIG) bad('it is a zip64 archive, which bundles never are');
  const disk = buf.readUInt16LE(end + 4);
  const centralDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const centralSize = buf.readUInt32LE(end + 12);
  const centralStart = buf.readUInt32LE(end + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralStart === 0xffffffff) bad('it is a zip64 archive, which bundles never are');
  if (disk !== 0 || centralDisk !== 0 || onDisk !== count) bad('it spans several disks');
  if (count > maxEntries) bad(`it has more than ${maxEntries} files, too many for a bundle`);
  const centralEnd = centralStart + centralSize;
  if (centralEnd > end) bad('its central directory runs past the end of the file; it may be truncated');

  const entries: ZipEntry[] = [];
  const spans: Span[] = [];
  const names = new Map<string, string>();
  // Ten thousand entries take a while on a cold start: the engine's thread gets turns meanwhile.
  const slice = new TimeSlice();
  let at = centralStart;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > centralEnd || buf.readUInt32LE(at) !== CENTRAL_SIG) bad('its central directory is damaged or truncated');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const startDisk = buf.readUInt16LE(at + 34);
    const localStart = buf.readUInt32LE(at + 42);
    const next = at + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > centralEnd) bad('an entry of its central directory runs past the directory; it may be truncated');
    const nameStart = at + CENTRAL_BYTES;
    const name = decodeName(buf, nameStart, nameStart + nameLength, flags);
    checkExtra(buf, nameStart + nameLength, nameStart + nameLength + extraLength, name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localStart === 0xffffffff || startDisk === 0xffff) {
      bad(`${shownName(name)} uses zip64 sizes, which bundles never do`);
    }
    if (startDisk !== 0) bad('it spans several disks');
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) bad(`${shownName(name)} is encrypted`);
    if (method !== 0 && method !== 8) bad(`${shownName(name)} uses compression method ${method}; only stored and deflate are read`);
    if (method === 0 && compressedSize !== size) bad(`${shownName(name)} is stored, yet its two sizes differ`);
    claimName(names, name);

    const entry: ZipEntry = { name, method: method === 0 ? 0 : 8, crc, compressedSize, size, dataStart: 0 };
    const span = readLocal(buf, entry, { start: nameStart, end: nameStart + nameLength }, flags, localStart, centralStart);
    entries.push(entry);
    spans.push(span);
    at = next;
    if (slice.due) await slice.pause();
  }
  if (at !== centralEnd) bad('its central directory holds more than its entries');
  checkDisjoint(spans);
  return entries;
}

/** The end record is the last 22 bytes plus a comment; the comment must end exactly at the end of the file. */
function findEndRecord(buf: Buffer): number {
  let overlong = false;
  for (let at = buf.length - END_BYTES; at >= Math.max(0, buf.length - END_BYTES - MAX_COMMENT); at--) {
    if (buf.readUInt32LE(at) !== END_SIG) continue;
    const commentEnd = at + END_BYTES + buf.readUInt16LE(at + 20);
    if (commentEnd === buf.length) return at;
    if (commentEnd > buf.length) overlong = true;
  }
  return bad(overlong ? 'its comment runs past the end of the file; it may be truncated' : 'it has no end of central directory; it may be truncated');
}

/** Names are UTF-8 when flagged; otherwise CP437, read byte for byte (only ASCII names matter to us). */
function decodeName(buf: Buffer, start: number, end: number, flags: number): string {
  if (end === start) bad('an entry has no name');
  if (isAscii(buf, start, end)) return buf.toString('latin1', start, end);
  if (flags & FLAG_UTF8) {
    try {
      return UTF8_STRICT.decode(buf.subarray(start, end));
    } catch {
      return bad('an entry name is not valid UTF-8');
    }
  }
  return buf.toString('latin1', start, end);
}

function isAscii(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! > 0x7f) return false;
  return true;
}

/** Extra fields must tile their area exactly; a zip64 field means sizes we do not read. */
function checkExtra(buf: Buffer, start: number, end: number, name: string): void {
  let at = start;
  while (at < end) {
    if (at + 4 > end) bad(`${shownName(name)} has a damaged extra field`);
    const id = buf.readUInt16LE(at);
    const length = buf.readUInt16LE(at + 2);
    if (at + 4 + length > end) bad(`${shownName(name)} has an extra field that runs past its header`);
    if (id === ZIP64_EXTRA) bad(`${shownName(name)} uses zip64 sizes, which bundles never do`);
    at += 4 + length;
  }
}

/** Exact duplicates, and names equal once case and Unicode form are ignored, would overwrite each other when unpacked. */
function claimName(names: Map<string, string>, name: string): void {
  // Only a name with non-ASCII characters has other Unicode forms.
  const folded = (/^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFC')).toLowerCase();
  const earlier = names.get(folded);
  if (earlier === name) bad(`it lists ${shownName(name)} more than once`);
  if (earlier !== undefined) bad(`it holds both ${shownName(earlier)} and ${shownName(name)}, which are the same file on many systems`);
  names.set(folded, name);
}

/**
 * The local header must agree with the central directory (two readers must see the same file),
 * and the entry — header, data, descriptor — must end before the central directory starts.
 * Sets `entry.dataStart`; returns the bytes the entry occupies.
 */
function readLocal(buf: Buffer, entry: ZipEntry, central: { start: number; end: number }, flags: number, start: number, centralStart: number): Span {
  const { name } = entry;
  if (start + LOCAL_BYTES > centralStart || buf.readUInt32LE(start) !== LOCAL_SIG) bad(`the local header of ${shownName(name)} is missing or damaged`);
  const localFlags = buf.readUInt16LE(start + 6);
  const method = buf.readUInt16LE(start + 8);
  const crc = buf.readUInt32LE(start + 14);
  const compressedSize = buf.readUInt32LE(start + 18);
  const size = buf.readUInt32LE(start + 22);
  const nameLength = buf.readUInt16LE(start + 26);
  const extraLength = buf.readUInt16LE(start + 28);
  const dataStart = start + LOCAL_BYTES + nameLength + extraLength;
  if (dataStart > centralStart) bad(`the local header of ${shownName(name)} runs into the central directory`);
  if (buf.compare(buf, central.start, central.end, start + LOCAL_BYTES, start + LOCAL_BYTES + nameLength) !== 0) {
    bad(`the local header of ${shownName(name)} names another file`);
  }
  checkExtra(buf, start + LOCAL_BYTES + nameLength, dataStart, name);
  if (localFlags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) bad(`${shownName(name)} is encrypted`);
  if (method !== entry.method || (localFlags & FLAG_DESCRIPTOR) !== (flags & FLAG_DESCRIPTOR)) {
    bad(`the local header of ${shownName(name)} disagrees with the central directory`);
  }
  const dataEnd = dataStart + entry.compressedSize;
  let end = dataEnd;
  if (flags & FLAG_DESCRIPTOR) {
    // Sizes may be zero here and follow the data; the central directory's are the ones we use,
    // and the descriptor must repeat them, so the entry's extent is known either way.
    const zeroOrSame = (local: number, central: number) => local === 0 || local === central;
    if (!zeroOrSame(crc, entry.crc) || !zeroOrSame(compressedSize, entry.compressedSize) || !zeroOrSame(size, entry.size)) {
      bad(`the local header of ${shownName(name)} disagrees with the central directory`);
    }
    end = dataEnd + descriptorLength(buf, entry, dataEnd, centralStart);
  } else if (crc !== entry.crc || compressedSize !== entry.compressedSize || size !== entry.size) {
    bad(`the local header of ${shownName(name)} disagrees with the central directory`);
  }
  if (end > centralStart) bad(`the data of ${shownName(name)} runs into the central directory`);
  entry.dataStart = dataStart;
  return { name, start, end };
}

/** A data descriptor is 12 bytes, or 16 with its optional signature; it must match the central directory. */
function descriptorLength(buf: Buffer, entry: ZipEntry, at: number, limit: number): number {
  const matches = (from: number) =>
    from + 12 <= limit && buf.readUInt32LE(from) === entry.crc && buf.readUInt32LE(from + 4) === entry.compressedSize && buf.readUInt32LE(from + 8) === entry.size;
  if (at + 4 <= limit && buf.readUInt32LE(at) === DESCRIPTOR_SIG && matches(at + 4)) return 16;
  if (matches(at)) return 12;
  return bad(`the data descriptor of ${shownName(entry.name)} is missing or disagrees with the central directory`);
}

function checkDisjoint(spans: Span[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const span = sorted[i]!;
    if (span.start < prev.end) bad(`${shownName(prev.name)} and ${shownName(span.name)} share bytes`);
  }
}
