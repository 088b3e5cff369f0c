import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Zips built byte by byte, so tests can write what a hostile zip says: sizes that lie, one entry
 * listed many times, headers inside another entry's data, zip64 markers, bad lengths.
 */
export interface ForgedEntry {
  name: string;
  /** The bytes written as the entry's data (already compressed when method is 8). */
  packed: Uint8Array;
  method: number;
  crc: number;
  /** The uncompressed size both headers claim. */
  size: number;
  flags?: number;
  /** What the headers claim the compressed size is; the length of `packed` unless set. */
  compressedSize?: number;
  localExtra?: Uint8Array;
  centralExtra?: Uint8Array;
  /** Written right after the data (a data descriptor). */
  trailer?: Uint8Array;
}

/** One record of the central directory: which entry it describes, and where it says its local header is. */
export interface Listed {
  entry: ForgedEntry;
  offset: number;
}

export interface EndRecord {
  disk: number;
  centralDisk: number;
  onDisk: number;
  count: number;
  centralSize: number;
  centralStart: number;
  commentLength: number;
}

export interface ForgeOptions {
  /** The central directory's records; each entry once, at its own header, unless set. */
  list?: (entries: ForgedEntry[], offsets: number[]) => Listed[];
  /** Fields of the end record to overwrite. */
  end?: Partial<EndRecord>;
  /** Bytes placed between the central directory and the end record (a zip64 locator, say). */
  beforeEnd?: Uint8Array;
  comment?: Uint8Array;
}

const UTF8 = 0x0800;

export function deflated(name: string, data: Uint8Array, level = 9): ForgedEntry {
  return { name, packed: deflateRawSync(data, { level }), method: 8, crc: crc32(data), size: data.length };
}

export function stored(name: string, data: Uint8Array): ForgedEntry {
  return { name, packed: data, method: 0, crc: crc32(data), size: data.length };
}

/** The local header, name, extra field, data and trailer of one entry. */
export function localRecord(e: ForgedEntry): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const extra = e.localExtra ?? new Uint8Array();
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(UTF8 | (e.flags ?? 0), 6);
  head.writeUInt16LE(e.method, 8);
  head.writeUInt32LE(e.crc, 14);
  head.writeUInt32LE(e.compressedSize ?? e.packed.length, 18);
  head.writeUInt32LE(e.size, 22);
  head.writeUInt16LE(name.length, 26);
  head.writeUInt16LE(extra.length, 28);
  return Buffer.concat([head, name, extra, e.packed, e.trailer ?? new Uint8Array()]);
}

function centralRecord({ entry: e, offset }: Listed): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const extra = e.centralExtra ?? new Uint8Array();
  const head = Buffer.alloc(46);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(20, 6);
  head.writeUInt16LE(UTF8 | (e.flags ?? 0), 8);
  head.writeUInt16LE(e.method, 10);
  head.writeUInt32LE(e.crc, 16);
  head.writeUInt32LE(e.compressedSize ?? e.packed.length, 20);
  head.writeUInt32LE(e.size, 24);
  head.writeUInt16LE(name.length, 28);
  head.writeUInt16LE(extra.length, 30);
  head.writeUInt32LE(offset, 42);
  return Buffer.concat([head, name, extra]);
}

export function forgeZip(entries: ForgedEntry[], options: ForgeOptions = {}): Buffer {
  const locals = entries.map(localRecord);
  const offsets: number[] = [];
  let at = 0;
  for (const local of locals) {
    offsets.push(at);
    at += local.length;
  }
  const listed = options.list ? options.list(entries, offsets) : entries.map((entry, i) => ({ entry, offset: offsets[i]! }));
  const central = Buffer.concat(listed.map(centralRecord));
  const comment = options.comment ?? new Uint8Array();
  const fields: EndRecord = {
    disk: 0,
    centralDisk: 0,
    onDisk: listed.length,
    count: listed.length,
    centralSize: central.length,
    centralStart: at,
    commentLength: comment.length,
    ...options.end,
  };
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(fields.disk, 4);
  end.writeUInt16LE(fields.centralDisk, 6);
  end.writeUInt16LE(fields.onDisk, 8);
  end.writeUInt16LE(fields.count, 10);
  end.writeUInt32LE(fields.centralSize, 12);
  end.writeUInt32LE(fields.centralStart, 16);
  end.writeUInt16LE(fields.commentLength, 20);
  return Buffer.concat([...locals, central, options.beforeEnd ?? new Uint8Array(), end, comment]);
}
