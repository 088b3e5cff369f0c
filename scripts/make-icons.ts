// Draws the Command Post app icon (a beacon: a red core sending a pulse inside an amber ring on a
// dark rounded square) and writes every file electron-builder asks for:
//   resources/icon.png            512×512, the default icon
//   resources/icons/NxN.png       the Linux icon set
//   resources/icon.ico            Windows, PNG-compressed entries (Vista and later)
//   resources/icon.icns           macOS, PNG-compressed entries (10.7 and later)
// Node only: the PNG encoder is zlib plus a hand-written CRC-32, so the icons can be
// regenerated on any machine with `npx tsx scripts/make-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
// ICNS types that accept PNG data, and the pixel size each one holds.
const ICNS_ENTRIES: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const PALETTE = {
  backgroundTop: [0x2a, 0x30, 0x3b, 255],
  backgroundBottom: [0x10, 0x13, 0x18, 255],
  rim: [0xff, 0xff, 0xff, 26],
  amber: [0xf5, 0xa5, 0x24, 255],
  red: [0xe5, 0x38, 0x35, 255],
  redHot: [0xff, 0x7a, 0x59, 255],
  glow: [0xe5, 0x38, 0x35, 120],
  pulse: [0xe5, 0x38, 0x35, 150],
} satisfies Record<string, Rgba>;

// ---- geometry: signed distances in unit space (0..1 across the icon) -------------

function roundedSquare(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x - 0.5) - half + radius;
  const qy = Math.abs(y - 0.5) - half + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(x: number, y: number, radius: number): number {
  return Math.hypot(x - 0.5, y - 0.5) - radius;
}

function ring(x: number, y: number, radius: number, width: number): number {
  return Math.abs(Math.hypot(x - 0.5, y - 0.5) - radius) - width / 2;
}

// A bar from `from` to `to` along one axis through the centre, with round ends.
function tick(x: number, y: number, from: number, to: number, width: number, vertical: boolean): number {
  const along = vertical ? Math.abs(y - 0.5) : Math.abs(x - 0.5);
  const across = vertical ? Math.abs(x - 0.5) : Math.abs(y - 0.5);
  const t = Math.min(Math.max(along, from), to);
  return Math.hypot(along - t, across) - width / 2;
}

// ---- raster ------------------------------------------------------------------------

function over(dst: number[], color: Rgba, coverage: number): void {
  const a = (color[3] / 255) * coverage;
  if (a <= 0) return;
  const outA = a + (dst[3] ?? 0) * (1 - a);
  for (let c = 0; c < 3; c++) {
    const d = dst[c] ?? 0;
    dst[c] = outA === 0 ? 0 : (color[c]! * a + d * (dst[3] ?? 0) * (1 - a)) / outA;
  }
  dst[3] = outA;
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => a[i]! + (b[i]! - a[i]!) * t) as unknown as Rgba;
}

/** Renders the icon at `size`×`size` as straight-alpha RGBA bytes. */
export function renderIcon(size: number): Uint8Array {
  const px = 1 / size;
  // Strokes never get thinner than ~1.4 px, so the mark survives at 16×16.
  const stroke = (w: number): number => Math.max(w, 1.4 * px);
  const coverage = (distance: number): number => Math.min(Math.max(0.5 - distance / px, 0), 1);

  const ringRadius = 0.285;
  const ringWidth = stroke(0.06);
  const tickWidth = stroke(0.06);
  const coreRadius = Math.max(0.11, 2.2 * px);
  const pulseRadius = 0.19;
  const out = new Uint8Array(size * size * 4);

  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = (col + 0.5) / size;
      const y = (row + 0.5) / size;
      const pixel = [0, 0, 0, 0];

      const body = roundedSquare(x, y, 0.44, 0.1);
      const bodyCoverage = coverage(body);
      if (bodyCoverage > 0) {
        over(pixel, mix(PALETTE.backgroundTop, PALETTE.backgroundBottom, y), bodyCoverage);
        // A faint rim so the square reads on a dark dock or taskbar.
        over(pixel, PALETTE.rim, coverage(Math.abs(body + stroke(0.008)) - stroke(0.008)) * bodyCoverage);

        const distance = Math.hypot(x - 0.5, y - 0.5);
        const glow = Math.max(0, 1 - distance / 0.3) ** 2;
        over(pixel, PALETTE.glow, glow * bodyCoverage);

        // The pulse ring is dropped at small sizes, where it would blur into the core.
        if (size >= 48) over(pixel, PALETTE.pulse, coverage(ring(x, y, pulseRadius, stroke(0.028))));
        over(pixel, PALETTE.amber, coverage(ring(x, y, ringRadius, ringWidth)));
        over(pixel, PALETTE.amber, coverage(tick(x, y, ringRadius, 0.395, tickWidth, true)));
        over(pixel, PALETTE.amber, coverage(tick(x, y, ringRadius, 0.395, tickWidth, false)));

        const core = coverage(circle(x, y, coreRadius));
        over(pixel, mix(PALETTE.redHot, PALETTE.red, Math.min(1, distance / coreRadius)), core);
      }

      const at = (row * size + col) * 4;
      const alpha = pixel[3] ?? 0;
      out[at] = Math.round(pixel[0] ?? 0);
      out[at + 1] = Math.round(pixel[1] ?? 0);
      out[at + 2] = Math.round(pixel[2] ?? 0);
      out[at + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

// ---- PNG ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row++) {
    raw[row * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---- containers --------------------------------------------------------------------

function encodeIco(images: ReadonlyArray<readonly [number, Buffer]>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const [size, png] of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry[2] = 0; // no palette
    entry[3] = 0;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

function encodeIcns(entries: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

// ---- main --------------------------------------------------------------------------

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const resources = join(root, 'resources');
  mkdirSync(join(resources, 'icons'), { recursive: true });

  const cache = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    let encoded = cache.get(size);
    if (!encoded) {
      encoded = encodePng(size, renderIcon(size));
      cache.set(size, encoded);
    }
    return encoded;
  };

  const written: string[] = [];
  const write = (relative: string, bytes: Buffer): void => {
    writeFileSync(join(resources, relative), bytes);
    written.push(`resources/${relative} (${bytes.length} bytes)`);
  };

  write('icon.png', png(512));
  for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, png(size));
  write('icon.ico', encodeIco(ICO_SIZES.map((size) => [size, png(size)] as const)));
  write('icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => [type, png(size)] as const)));

  for (const line of written) console.log(line);
}

main();
