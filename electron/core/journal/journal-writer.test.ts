import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../../tests/support/temp-dir';
import { JournalWriter } from './journal-writer';

describe('journal writer', () => {
  it('acknowledges only after the bytes are written and fsynced', async () => {
    await withTempDir(async (dir) => {
      const file = await open(join(dir, 'j'), 'w+');
      const calls: string[] = [];
      const realSync = file.sync.bind(file);
      file.sync = async () => {
        calls.push('sync');
        await realSync();
      };
      const writer = new JournalWriter(file, { bytes: 0, lines: 0, crc: 0 });
      const ack = writer.append(Buffer.from('a\n')).then(() => calls.push('ack'));
      await ack;
      expect(calls).toEqual(['sync', 'ack']);
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe('a\n');
      await writer.close();
    });
  });

  it('shares one fsync among appends that arrive together (group commit)', async () => {
    await withTempDir(async (dir) => {
      const file = await open(join(dir, 'j'), 'w+');
      const writer = new JournalWriter(file, { bytes: 0, lines: 0, crc: 0 });
      const lines = Array.from({ length: 200 }, (_, i) => `line ${i}\n`);
      await Promise.all(lines.map((l) => writer.append(Buffer.from(l))));
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe(lines.join(''));
      // The first append flushes alone; everything queued behind it goes in the next round.
      expect(writer.syncs).toBeLessThanOrEqual(3);
      expect(writer.size).toBe(Buffer.byteLength(lines.join('')));
      await writer.close();
    });
  });

  it('refuses every later append once a write failed', async () => {
    await withTempDir(async (dir) => {
      const file = await open(join(dir, 'j'), 'w+');
      file.sync = async () => {
        throw new Error('EIO: disk gone');
      };
      const writer = new JournalWriter(file, { bytes: 0, lines: 0, crc: 0 });
      await expect(writer.append(Buffer.from('a\n'))).rejects.toThrow(/EIO/);
      await expect(writer.append(Buffer.from('b\n'))).rejects.toThrow(/journal write failed/);
      expect(writer.failed).not.toBeNull();
      await file.close();
    });
  });
});

describe('journal points', () => {
  it('resolves a point with the length, line count and CRC of exactly that prefix', async () => {
    await withTempDir(async (dir) => {
      const { crc32 } = await import('node:zlib');
      const file = await open(join(dir, 'j'), 'w+');
      const writer = new JournalWriter(file, { bytes: 0, lines: 0, crc: 0 });
      void writer.append(Buffer.from('a\n'));
      void writer.append(Buffer.from('b\nc\n'), 2);
      const at = writer.acceptedBytes;
      const point = writer.durableAt(at);
      void writer.append(Buffer.from('d\n'));
      expect(await point).toEqual({ bytes: 6, lines: 3, crc: crc32('a\nb\nc\n') });
      await writer.drain();
      expect({ size: writer.size, lines: writer.lines, crc: writer.crc }).toEqual({ size: 8, lines: 4, crc: crc32('a\nb\nc\nd\n') });
      await writer.close();
    });
  });
});
