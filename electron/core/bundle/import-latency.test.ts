import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract/result';
import type { Engine } from '../engine-types';
import { declare, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { forgedEvents, journalBytes, manifestBytes } from '../../../tests/support/import-fixtures';
import { withTempDir } from '../../../tests/support/temp-dir';
import { deflated, forgeZip } from '../../../tests/support/zip-forge';

/** DESIGN.md: a note is on screen within 10 ms; an import next door may cost it at most this. */
const BUDGET_MS = 50;

/** A bundle whose journal claims 3 kB and inflates to 100 MB of zeros (about 100 kB zipped). */
function deflateBomb(): Buffer {
  const zeros = Buffer.alloc(100 * 1024 * 1024);
  const journal = { name: 'incident.jsonl', packed: deflateRawSync(zeros, { level: 9 }), method: 8, crc: crc32(zeros), size: 3_000 };
  return forgeZip([deflated('manifest.json', manifestBytes()), journal]);
}

/** An honest-looking bundle of 30 000 notes (about 10 MB of journal) whose last line is damaged. */
function longJournalDamagedAtTheEnd(): { zip: Buffer; lines: number } {
  const events = forgedEvents(30_000);
  const journal = journalBytes(events);
  const cut = journal.subarray(0, journal.length - 20);
  return { zip: forgeZip([deflated('manifest.json', manifestBytes()), deflated('incident.jsonl', cut, 9)]), lines: events.length };
}

interface Run {
  latencies: number[];
  importMs: number;
  reply: Result<unknown>;
}

/**
 * Scribe notes on `incidentId`, one after another, each timed from dispatch to reply; the import
 * is dispatched right after the first note, so that note waits for whatever the import does
 * before its first pause. Notes go on until the import has answered, and a few more.
 */
async function notesDuringImport(engine: Engine, incidentId: string, zip: Buffer): Promise<Run> {
  const latencies: number[] = [];
  const imported: { reply?: Result<unknown>; ms?: number } = {};
  let after = 0;
  const deadline = performance.now() + 60_000;
  for (let i = 0; after < 5 && performance.now() < deadline; i++) {
    const t0 = performance.now();
    const note = engine.dispatch('timeline.log', { incidentId, text: `note ${i} while an import runs` });
    if (i === 0) {
      void engine.dispatch('bundle.import', { fileName: 'hostile.zip', base64: zip.toString('base64') }).then((reply) => {
        imported.ms = performance.now() - t0;
        imported.reply = reply;
      });
    }
    const r = await note;
    latencies.push(performance.now() - t0);
    expect(r.ok).toBe(true);
    if (imported.reply) after += 1;
  }
  if (!imported.reply || imported.ms === undefined) throw new Error('the import did not answer within 60 s');
  return { latencies, importMs: imported.ms, reply: imported.reply };
}

const summary = (name: string, run: Run) => {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)]!;
  return `${name}: import answered in ${run.importMs.toFixed(0)} ms; ${sorted.length} notes, latency p50 ${p50.toFixed(1)} ms, p100 ${sorted.at(-1)!.toFixed(1)} ms`;
};

/**
 * The machine is shared and has two cores: a note can wait 50 ms and more for the CPU or for its
 * fsync with no import at all (measured with the rest of the suite running: p100 of 55-85 ms in
 * half of the 150-note windows). So an attempt that meets such a spike is run again, up to
 * ATTEMPTS times; one clean attempt shows what the import itself costs. The blocking import this
 * replaced held every note for 800 ms and more, in every attempt.
 */
const ATTEMPTS = 5;

describe('an import does not hold up the other windows', () => {
  it(`answers every note on another incident within ${BUDGET_MS} ms while hostile zips are imported, and refuses them`, async () => {
    const bomb = deflateBomb();
    const long = longJournalDamagedAtTheEnd();
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await declare(engine, 'Search results are stale');
      // Warm up: the journal's file handles, the JIT, the first fsyncs.
      for (let i = 0; i < 200; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `warm-up ${i}` }));

      const seen: string[] = [];
      let worst = Number.POSITIVE_INFINITY;
      for (let attempt = 1; attempt <= ATTEMPTS && worst >= BUDGET_MS; attempt++) {
        const bombRun = await notesDuringImport(engine, id, bomb);
        const longRun = await notesDuringImport(engine, id, long.zip);
        seen.push(`attempt ${attempt}: ${summary('deflate bomb', bombRun)}; ${summary(`${long.lines}-line journal, last line damaged`, longRun)}`);
        expect(bombRun.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/inflates to more than the 3000 bytes its header claims/) } });
        expect(longRun.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(new RegExp(`Line ${long.lines} of the bundle's incident.jsonl is damaged`)) } });
        // The long import was long enough to be measured: notes were answered while it ran.
        expect(longRun.latencies.length).toBeGreaterThan(10);
        worst = Math.max(...bombRun.latencies, ...longRun.latencies);
      }
      console.log(seen.join('\n'));
      expect(worst, seen.join('\n')).toBeLessThan(BUDGET_MS);
      await engine.close();
    });
  }, 120_000);
});
