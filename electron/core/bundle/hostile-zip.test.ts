import { crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../../shared/contract/result';
import { forgedEvents, journalBytes, manifestBytes } from '../../../tests/support/import-fixtures';
import { deflated, type ForgedEntry, forgeZip, localRecord, stored } from '../../../tests/support/zip-forge';
import { MAX_LINE_BYTES } from './journal-lines';
import { IMPORT_LIMITS, readImport } from './read-import';

/** A declaration and three notes: four lines. */
const journal = journalBytes(forgedEvents(3));
const manifest = (): ForgedEntry => deflated('manifest.json', manifestBytes());
const incident = (): ForgedEntry => deflated('incident.jsonl', journal);

/** Refused with INVALID_INPUT or TOO_LARGE and a message matching `message`, within `withinMs`. */
async function expectRefused(zip: Uint8Array, message: RegExp, withinMs = 500): Promise<string> {
  const t0 = performance.now();
  let failure: unknown = null;
  try {
    await readImport(zip);
  } catch (error) {
    failure = error;
  }
  const elapsed = performance.now() - t0;
  expect(failure).toBeInstanceOf(CommandFailure);
  const { code, message: text } = failure as CommandFailure;
  expect(['INVALID_INPUT', 'TOO_LARGE']).toContain(code);
  expect(text).toMatch(message);
  expect(elapsed).toBeLessThan(withinMs);
  return text;
}

const zip64Extra = (): Buffer => {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  return extra;
};

describe('a forged but honest bundle', () => {
  it('reads: the records of every line, in order (deflated, stored, with data descriptors)', async () => {
    const expected = forgedEvents(3);
    expect(await readImport(forgeZip([manifest(), incident()]))).toEqual({ kind: 'bundle', records: expected, attachments: new Map() });
    expect(await readImport(forgeZip([stored('manifest.json', manifestBytes()), stored('incident.jsonl', journal)]))).toMatchObject({ records: expected });
    // What streaming zippers (macOS Archive Utility among them) write: sizes after the data.
    const withDescriptor = (e: ForgedEntry, signed: boolean): ForgedEntry => {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(e.crc, 4);
      d.writeUInt32LE(e.packed.length, 8);
      d.writeUInt32LE(e.size, 12);
      return { ...e, flags: 0x0008, trailer: signed ? d : d.subarray(4) };
    };
    const zip = forgeZip([withDescriptor(manifest(), true), withDescriptor(incident(), false)]);
    expect(await readImport(zip)).toMatchObject({ kind: 'bundle', records: expected });
  });
});

describe('hostile zips are refused quickly, with a clear message', () => {
  // 100 MB of zeros deflate to about 100 kB.
  let bomb: ForgedEntry;
  beforeAll(() => {
    const zeros = Buffer.alloc(100 * 1024 * 1024);
    bomb = { name: 'incident.jsonl', packed: deflateRawSync(zeros, { level: 9 }), method: 8, crc: crc32(zeros), size: zeros.length };
  });

  it('an entry that claims 3 kB and inflates to 100 MB (a deflate bomb)', async () => {
    expect(bomb.packed.length).toBeLessThan(200_000);
    await expectRefused(forgeZip([manifest(), { ...bomb, size: 3_000 }]), /incident\.jsonl inflates to more than the 3000 bytes its header claims/);
  });

  it('an entry listed 1000 times in the central directory', async () => {
    const zip = forgeZip([manifest(), incident()], {
      list: (entries, offsets) => [{ entry: entries[0]!, offset: offsets[0]! }, ...Array.from({ length: 1000 }, () => ({ entry: entries[1]!, offset: offsets[1]! }))],
    });
    await expectRefused(zip, /lists incident\.jsonl more than once/);
    // The same bytes under 1000 different names: each name must be its own file.
    const renamed = forgeZip([manifest(), incident()], {
      list: (entries, offsets) => [
        { entry: entries[0]!, offset: offsets[0]! },
        ...Array.from({ length: 1000 }, (_, i) => ({ entry: { ...entries[1]!, name: `copy-${i}.jsonl` }, offset: offsets[1]! })),
      ],
    });
    await expectRefused(renamed, /local header of copy-0\.jsonl names another file/);
  });

  it('entries whose data overlap: a header hidden inside another entry', async () => {
    const inner = incident();
    const outer = stored('notes.txt', localRecord(inner));
    const zip = forgeZip([manifest(), outer], {
      list: (entries, offsets) => [
        { entry: entries[0]!, offset: offsets[0]! },
        { entry: entries[1]!, offset: offsets[1]! },
        { entry: inner, offset: offsets[1]! + 30 + 'notes.txt'.length },
      ],
    });
    await expectRefused(zip, /notes\.txt and incident\.jsonl share bytes/);
  });

  it("an entry whose data runs into the central directory", async () => {
    const journalEntry = incident();
    await expectRefused(forgeZip([manifest(), { ...journalEntry, compressedSize: journalEntry.packed.length + 40 }]), /data of incident\.jsonl runs into the central directory/);
  });

  it('duplicate names, and names that differ only in case', async () => {
    await expectRefused(forgeZip([manifest(), incident(), incident()]), /lists incident\.jsonl more than once/);
    await expectRefused(forgeZip([manifest(), incident(), deflated('INCIDENT.jsonl', journal)]), /both incident\.jsonl and INCIDENT\.jsonl/);
    await expectRefused(forgeZip([manifest(), deflated('Manifest.JSON', manifestBytes()), incident()]), /both manifest\.json and Manifest\.JSON/);
  });

  it('zip64 markers', async () => {
    await expectRefused(forgeZip([manifest(), incident()], { end: { count: 0xffff, onDisk: 0xffff } }), /zip64/);
    await expectRefused(forgeZip([manifest(), incident()], { end: { centralStart: 0xffffffff } }), /zip64/);
    await expectRefused(forgeZip([manifest(), { ...incident(), centralExtra: zip64Extra() }]), /incident\.jsonl uses zip64/);
    await expectRefused(forgeZip([manifest(), { ...incident(), localExtra: zip64Extra() }]), /incident\.jsonl uses zip64/);
    await expectRefused(forgeZip([manifest(), { ...incident(), size: 0xffffffff }]), /zip64/);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    await expectRefused(forgeZip([manifest(), incident()], { beforeEnd: locator }), /zip64/);
  });

  it('a truncated or damaged central directory', async () => {
    const good = forgeZip([manifest(), incident()]);
    await expectRefused(good.subarray(0, good.length - 30), /truncated/);
    await expectRefused(good.subarray(0, Math.floor(good.length / 2)), /truncated/);
    const central = forgeZip([manifest(), incident()]).readUInt32LE(good.length - 6);
    await expectRefused(forgeZip([manifest(), incident()], { end: { centralSize: good.length } }), /central directory runs past the end of the file; it may be truncated/);
    await expectRefused(forgeZip([manifest(), incident()], { end: { centralStart: central - 10 } }), /central directory is damaged or truncated/);
    await expectRefused(forgeZip([manifest(), incident()], { end: { count: 3, onDisk: 3 } }), /central directory is damaged or truncated/);
    await expectRefused(forgeZip([manifest(), incident()], { end: { count: 1, onDisk: 1 } }), /central directory holds more than its entries/);
  });

  it('a comment or an extra field that runs past what holds it', async () => {
    await expectRefused(forgeZip([manifest(), incident()], { end: { commentLength: 500 } }), /comment runs past the end of the file/);
    const longExtra = Buffer.alloc(8);
    longExtra.writeUInt16LE(0x5455, 0);
    longExtra.writeUInt16LE(400, 2);
    await expectRefused(forgeZip([manifest(), { ...incident(), centralExtra: longExtra }]), /extra field that runs past its header/);
  });

  it('claimed sizes over the limit, for the journal or the manifest', async () => {
    const over = IMPORT_LIMITS.uncompressedBytes + 1;
    await expectRefused(forgeZip([manifest(), { ...incident(), size: over }]), /claims 512 MiB uncompressed, over the 512 MiB limit/);
    await expectRefused(forgeZip([{ ...manifest(), size: 10_000_000 }, incident()]), /manifest\.json is far too large/);
  });

  it('encryption, unknown compression, and data descriptors that do not match', async () => {
    await expectRefused(forgeZip([manifest(), { ...incident(), flags: 0x0001 }]), /incident\.jsonl is encrypted/);
    await expectRefused(forgeZip([manifest(), { ...incident(), method: 12 }]), /compression method 12/);
    await expectRefused(forgeZip([manifest(), { ...incident(), flags: 0x0008 }]), /data descriptor of incident\.jsonl is missing/);
  });

  it('contents that do not match their header: CRC, a short inflate, damaged deflate data', async () => {
    await expectRefused(forgeZip([manifest(), { ...incident(), crc: 12345 }]), /incident\.jsonl has a CRC-32 that does not match its contents/);
    await expectRefused(forgeZip([manifest(), { ...incident(), size: journal.length + 1 }]), /inflates to \d+ bytes, not the \d+ its header claims/);
    const damaged = incident();
    await expectRefused(forgeZip([manifest(), { ...damaged, packed: Buffer.alloc(damaged.packed.length, 0xff) }]), /incident\.jsonl has damaged compressed data/);
  });

  it('paths escaping the folder, too many entries, no manifest, a foreign manifest', async () => {
    await expectRefused(forgeZip([manifest(), incident(), stored('../../evil.sh', Buffer.from('rm -rf /'))]), /escapes its folder: \.\.\/\.\.\/evil\.sh/);
    const longName = `${'a/'.repeat(2_000)}../../x\n`;
    const text = await expectRefused(forgeZip([manifest(), incident(), stored(longName, Buffer.from('x'))]), /escapes its folder: a\/a\/.*…$/);
    expect(text.length).toBeLessThan(200);
    const many = Array.from({ length: IMPORT_LIMITS.entries + 1 }, (_, i) => stored(`f${i}`, Buffer.alloc(0)));
    await expectRefused(forgeZip(many), /more than 10000 files/);
    await expectRefused(forgeZip([incident()]), /not a Command Post bundle \(no manifest\.json\)/);
    await expectRefused(forgeZip([stored('manifest.json', Buffer.from('{"format":"other"}')), incident()]), /unknown manifest format/);
    await expectRefused(forgeZip([stored('manifest.json', Buffer.from('null')), incident()]), /unknown manifest format/);
  });

  it('a journal line longer than any event, even with no newline in the file', async () => {
    const line = Buffer.alloc(MAX_LINE_BYTES + 10, 0x61);
    line[0] = 0x7b;
    await expectRefused(line, /Line 1 of the scribe log is longer than any event/);
    await expectRefused(forgeZip([manifest(), deflated('incident.jsonl', Buffer.concat([journal, line]), 1)]), /Line 5 of the bundle's incident\.jsonl is longer than any event/);
  });

  it('a journal with an empty line or a damaged one names the line', async () => {
    await expectRefused(forgeZip([manifest(), deflated('incident.jsonl', Buffer.concat([journal, Buffer.from('\n'), journal]))]), /Line 5 of the bundle's incident\.jsonl is empty/);
    const tampered = Buffer.from(journal.toString('utf8').replace('latency unchanged', 'latency unchanget'));
    await expectRefused(forgeZip([manifest(), deflated('incident.jsonl', tampered)]), /Line 2 of the bundle's incident\.jsonl is damaged \(checksum does not match\)/);
  });
});
