// Checks electron-builder.yml without running electron-builder (the Electron binary
// cannot be downloaded here): the config is valid for electron-builder's own schema,
// names our targets and fuses, and every icon it points at is a real image of the
// size its name or container claims.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

// js-yaml and app-builder-lib come with electron-builder (pinned by package-lock.json).
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown>;

function loadConfig(): Config {
  const parsed = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('electron-builder.yml is not a mapping');
  return parsed as Config;
}

function section(config: Config, key: string): Config {
  const value = config[key];
  if (typeof value !== 'object' || value === null) throw new Error(`electron-builder.yml has no "${key}" section`);
  return value as Config;
}

function targets(platform: Config): string[] {
  const target = platform.target;
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'object' && entry !== null ? String((entry as Config).target) : String(entry)));
}

// ---- image readers ---------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG fully (signature, chunk CRCs, IHDR, image data) and returns its size. */
function readPng(bytes: Buffer, label: string): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${label}: not a PNG (bad signature)`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let bytesPerPixel = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length && !ended) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`${label}: bad CRC in ${type}`);
    if (offset === 8 && type !== 'IHDR') throw new Error(`${label}: first chunk is ${type}, not IHDR`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[data[9]!];
      if (data[8] !== 8 || channels === undefined || data[12] !== 0) {
        throw new Error(`${label}: expected 8-bit non-interlaced, got depth ${data[8]} type ${data[9]}`);
      }
      bytesPerPixel = channels;
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!ended) throw new Error(`${label}: no IEND chunk`);
  const raw = inflateSync(Buffer.concat(idat));
  const expected = height * (1 + width * bytesPerPixel);
  if (raw.length !== expected) throw new Error(`${label}: image data is ${raw.length} bytes, expected ${expected}`);
  return { width, height };
}

/** Sizes of the PNG images inside a Windows .ico. */
function readIco(bytes: Buffer, label: string): number[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error(`${label}: not an ICO`);
  const count = bytes.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const stated = bytes[entry] === 0 ? 256 : bytes[entry]!;
    const length = bytes.readUInt32LE(entry + 8);
    const start = bytes.readUInt32LE(entry + 12);
    const image = readPng(bytes.subarray(start, start + length), `${label}#${i}`);
    if (image.width !== stated || image.height !== stated) {
      throw new Error(`${label}#${i}: entry says ${stated}px, image is ${image.width}×${image.height}`);
    }
    sizes.push(stated);
  }
  return sizes;
}

const ICNS_PNG_SIZES: Record<string, number> = {
  icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512,
};

/** Largest image size inside a macOS .icns whose entries are PNG-compressed. */
function readIcns(bytes: Buffer, label: string): number {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error(`${label}: not an ICNS`);
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error(`${label}: length field does not match the file`);
  let largest = 0;
  for (let offset = 8; offset < bytes.length; ) {
    const type = bytes.toString('latin1', offset, offset + 4);
    const length = bytes.readUInt32BE(offset + 4);
    const stated = ICNS_PNG_SIZES[type];
    if (stated === undefined) throw new Error(`${label}: unexpected entry ${type}`);
    const image = readPng(bytes.subarray(offset + 8, offset + length), `${label}:${type}`);
    if (image.width !== stated || image.height !== stated) {
      throw new Error(`${label}:${type} should be ${stated}px, is ${image.width}×${image.height}`);
    }
    largest = Math.max(largest, stated);
    offset += length;
  }
  return largest;
}

// ---- tests -------------------------------------------------------------------------------

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it('passes electron-builder’s own schema', async () => {
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and where it builds', () => {
    expect(config.appId).toBe('dev.commandpost.console');
    expect(config.productName).toBe('Command Post');
    expect(config.asar).toBe(true);
    expect(section(config, 'directories')).toMatchObject({ output: 'release', buildResources: 'resources' });
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    // Only compiled output ships: no positive pattern reaches a source folder.
    for (const pattern of files.filter((p) => !p.startsWith('!'))) {
      expect(pattern).toMatch(/^(?:out\/|package\.json$)/);
    }
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(targets(section(config, 'linux')).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(section(config, 'mac'))).toEqual(['dmg']);
    expect(targets(section(config, 'win'))).toEqual(['nsis']);
    expect(section(config, 'linux').maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(section(config, 'mac').category).toBe('public.app-category.developer-tools');
  });

  it('flips the hardening fuses', () => {
    expect(section(config, 'electronFuses')).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at icons that exist and are the size they claim', () => {
    const iconPaths = ['linux', 'mac', 'win', 'nsis']
      .flatMap((key) => {
        const platform = section(config, key);
        return [platform.icon, platform.installerIcon, platform.uninstallerIcon];
      })
      .filter((value): value is string => typeof value === 'string');
    expect(iconPaths.length).toBeGreaterThanOrEqual(3);

    for (const iconPath of iconPaths) {
      const full = join(ROOT, iconPath);
      expect(existsSync(full), `${iconPath} is referenced but missing`).toBe(true);
      if (statSync(full).isDirectory()) {
        const names = readdirSync(full).filter((name) => name.endsWith('.png'));
        expect(names.length, `${iconPath} holds no PNGs`).toBeGreaterThan(0);
        for (const name of names) {
          const match = /^(\d+)x(\d+)\.png$/.exec(name);
          expect(match, `${iconPath}/${name} is not named WxH.png`).not.toBeNull();
          const image = readPng(readFileSync(join(full, name)), `${iconPath}/${name}`);
          expect([image.width, image.height]).toEqual([Number(match![1]), Number(match![2])]);
        }
        expect(names).toContain('512x512.png');
      } else if (iconPath.endsWith('.png')) {
        const image = readPng(readFileSync(full), iconPath);
        expect(image.width).toBe(image.height);
        expect(image.width).toBeGreaterThanOrEqual(512);
      } else if (iconPath.endsWith('.ico')) {
        expect(readIco(readFileSync(full), iconPath)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      } else if (iconPath.endsWith('.icns')) {
        expect(readIcns(readFileSync(full), iconPath)).toBeGreaterThanOrEqual(512);
      } else {
        throw new Error(`${iconPath}: unexpected icon format`);
      }
    }
  });

  it('keeps the default icon at 512×512', () => {
    expect(readPng(readFileSync(join(ROOT, 'resources/icon.png')), 'resources/icon.png')).toEqual({ width: 512, height: 512 });
  });
});

describe('the renderer build', () => {
  it('ships no source maps (they would publish the sources next to the app)', async () => {
    const config = (await import('../../renderer/vite.config')).default as { build?: { sourcemap?: unknown } };
    expect(config.build?.sourcemap ?? false).toBe(false);
  });
});
