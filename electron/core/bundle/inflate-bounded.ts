import { createInflateRaw, crc32 } from 'node:zlib';
import type { ZipEntry } from './zip-reader';

/** Why an entry's contents were refused, in words that follow its name. */
export class EntryRefused extends Error {}

/** Output comes in pieces of this size: a lie about the size is caught within one piece. */
const PIECE = 256 * 1024;

/**
 * The contents of one entry, piece by piece, held to what its header claims: the bytes that
 * really come out are counted and the inflater is torn down as soon as they pass the claimed
 * size; in the end there must be exactly that many, with the CRC-32 the header names.
 * Only a reader that reached the end without an EntryRefused has good contents.
 *
 * Inflating runs in node:zlib's thread pool, a piece ahead of the reader, so the engine's thread
 * only counts, checksums and hands on pieces; nothing is ever held whole.
 */
export async function* entryPieces(zip: Uint8Array, entry: ZipEntry, limit: number): AsyncGenerator<Buffer, void, undefined> {
  if (entry.size > limit) throw new EntryRefused(`claims ${entry.size} bytes, over the ${limit}-byte limit`);
  const packed = Buffer.from(zip.buffer, zip.byteOffset + entry.dataStart, entry.compressedSize);
  let total = 0;
  let crc = 0;
  for await (const piece of entry.method === 0 ? storedPieces(packed) : inflatedPieces(packed)) {
    total += piece.length;
    if (total > entry.size) throw new EntryRefused(`inflates to more than the ${entry.size} bytes its header claims`);
    crc = crc32(piece, crc);
    yield piece;
  }
  if (total !== entry.size) throw new EntryRefused(`inflates to ${total} bytes, not the ${entry.size} its header claims`);
  if (crc !== entry.crc) throw new EntryRefused('has a CRC-32 that does not match its contents');
}

/** The whole contents of a small entry. */
export async function entryBytes(zip: Uint8Array, entry: ZipEntry, limit: number): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of entryPieces(zip, entry, limit)) pieces.push(piece);
  return Buffer.concat(pieces);
}

function* storedPieces(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += PIECE) yield data.subarray(at, at + PIECE);
}

async function* inflatedPieces(packed: Buffer): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize: PIECE });
  inflater.end(packed);
  try {
    for await (const piece of inflater) yield piece as Buffer;
  } catch (error) {
    throw new EntryRefused(`has damaged compressed data (${(error as Error).message})`);
  } finally {
    // Also when the reader stops early, so nothing goes on inflating for no one.
    inflater.destroy();
  }
}
