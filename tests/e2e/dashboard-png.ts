import { deflateSync } from 'node:zlib';

// A made-up dashboard screenshot (a latency chart on a dark panel), drawn as a real PNG, so the
// timeline's thumbnails and the viewer have something worth looking at.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** `width`×`height` RGB: grid lines, a threshold, and a latency line that spikes at two thirds. */
export function dashboardPng(width = 640, height = 360, hue: 'blue' | 'amber' = 'blue'): Uint8Array {
  const line = hue === 'blue' ? [90, 169, 255] : [255, 184, 28];
  const rows: Buffer[] = [];
  const curve = (x: number) => {
    const t = x / width;
    const base = 0.72 + 0.04 * Math.sin(t * 40);
    const spike = Math.exp(-(((t - 0.66) / 0.05) ** 2)) * 0.55;
    return Math.round((base - spike) * height);
  };
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let px = [14, 18, 24];
      if (y % 45 === 0 || x % 80 === 0) px = [32, 40, 52];
      if (Math.abs(y - Math.round(height * 0.35)) < 1 && x % 12 < 7) px = [255, 77, 77];
      const cy = curve(x);
      if (y >= cy && y < cy + 3) px = line;
      else if (y > cy + 3) px = px.map((v, i) => Math.round(v * 0.7 + line[i]! * 0.12));
      row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array(0))]));
}
