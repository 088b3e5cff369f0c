import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../../tests/support/temp-dir';
import { type DurableAppendFile, durableAppendFile } from '../fs/durable-append';
import { JournalWriter } from './journal-writer';

/** A real file whose durable writes are recorded (and can be made to fail). */
async function recordedFile(path: string, calls: string[], failWith?: Error): Promise<DurableAppendFile> {
  const real = durableAppendFile(await open(path, 'w+'), false);
  return {
    writeDurably(bytes, position) {
      if (failWith) throw failWith;
      real.writeDurably(bytes, position);
      calls.push(`durable ${bytes.toString()}`);
    },
    close: () => real.close(),
  };
}

describe('journal writer', () => {
  it('acknowledges only after the bytes are written and made durable', async () => {
    await withTempDir(async (dir) => {
      const calls: string[] = [];
      const writer = new JournalWriter(await recordedFile(join(dir, 'j'), calls), { bytes: 0, lines: 0, crc: 0 });
      const ack = writer.append(Buffer.from('a\n')).then(() => calls.push('ack'));
      expect(calls).toEqual([]);
      await ack;
      expect(calls).toEqual(['durable a\n', 'ack']);
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe('a\n');
      await writer.close();
    });
  });

  it('shares one durable write among appends that arrive together (group commit)', async () => {
    await withTempDir(async (dir) => {
      const calls: string[] = [];
      const writer = new JournalWriter(await recordedFile(join(dir, 'j'), calls), { bytes: 0, lines: 0, crc: 0 });
      const lines = Array.from({ length: 200 }, (_, i) => `line ${i}\n`);
      await Promise.all(lines.map((l) => writer.append(Buffer.from(l))));
      expect(await readFile(join(dir, 'j'), 'utf8')).toBe(lines.join(''));
      expect(writer.syncs).toBe(1);
      expect(calls).toHaveLength(1);
      expect(writer.size).toBe(Buffer.byteLength(lines.join('')));
      await writer.close();
    });
  });

  it('batches appends made while earlier ones wait for their promises to run', async () => {
    await withTempDir(async (dir) => {
      const calls: string[] = [];
      const writer = new JournalWriter(await recordedFile(join(dir, 'j'), calls), { bytes: 0, lines: 0, crc: 0 });
      // Commands reach the writer after a few awaits of their own, at different depths.
      const late = async (text: string, hops: number) => {
        for (let i = 0; i < hops; i++) await Promise.resolve();
        await writer.append(Buffer.from(text));
      };
      await Promise.all([late('a\n', 0), late('b\n', 3), late('c\n', 10)]);
      expect(calls).toEqual(['durable a\nb\nc\n']);
      await writer.close();
    });
  });

  it('refuses every later append once a write failed', async () => {
    await withTempDir(async (dir) => {
      const file = await recordedFile(join(dir, 'j'), [], new Error('EIO: disk gone'));
      const writer = new JournalWriter(file, { bytes: 0, lines: 0, crc: 0 });
      await expect(writer.append(Buffer.from('a\n'))).rejects.toThrow(/EIO/);
      await expect(writer.append(Buffer.from('b\n'))).rejects.toThrow(/journal write failed/);
      expect(writer.failed).not.toBeNull();
      await file.close();
    });
  });
});

describe('durable append file', () => {
  it('writes at the given position whether or not the file was opened O_DSYNC', async () => {
    await withTempDir(async (dir) => {
      for (const dataSync of [false, true]) {
        const path = join(dir, `j-${dataSync}`);
        const file = durableAppendFile(await open(path, 'w+'), dataSync);
        file.writeDurably(Buffer.from('abc\n'), 0);
        file.writeDurably(Buffer.from('def\n'), 4);
        await file.close();
        expect(await readFile(path, 'utf8')).toBe('abc\ndef\n');
      }
    });
  });
});

describe('journal points', () => {
  it('resolves a point with the length, line count and CRC of exactly that prefix', async () => {
    await withTempDir(async (dir) => {
      const { crc32 } = await import('node:zlib');
      const writer = new JournalWriter(durableAppendFile(await open(join(dir, 'j'), 'w+'), false), { bytes: 0, lines: 0, crc: 0 });
      void writer.append(Buffer.from('a\n'));
      void writer.append(Buffer.from('b\nc\n'), 2);
      const at = writer.acceptedBytes;
      const point = writer.durableAt(at);
      // Accepted in the same turn: the same round, and the point still resolves at its own end.
      void writer.append(Buffer.from('d\n'));
      expect(await point).toEqual({ bytes: 6, lines: 3, crc: crc32('a\nb\nc\n') });
      await writer.drain();
      expect({ size: writer.size, lines: writer.lines, crc: writer.crc }).toEqual({ size: 8, lines: 4, crc: crc32('a\nb\nc\nd\n') });
      await writer.close();
    });
  });
});
