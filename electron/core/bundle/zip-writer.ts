import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/**
 * A plain zip (deflate, UTF-8 names, no zip64: bundles stay far below 4 GiB) whose entries are
 * compressed by node:zlib in the thread pool, in parallel and off the event loop: a scribe's
 * note is not held up while a 100 000-event bundle is written.
 */
export async function zipFiles(files: Record<string, Uint8Array>, mtime: Date): Promise<Buffer> {
  const { time, date } = dosDateTime(mtime);
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, data]) => {
      const level = data.byteLength > 1_000_000 ? 1 : 6;
      return { name: Buffer.from(name, 'utf8'), data, crc: crc32(data), packed: await deflate(data, { level }) };
    }),
  );
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.data.byteLength, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, e.name, e.packed);

    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(e.crc, 16);
    head.writeUInt32LE(e.packed.length, 20);
    head.writeUInt32LE(e.data.byteLength, 24);
    head.writeUInt16LE(e.name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, e.name);
    offset += local.length + e.name.length + e.packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
