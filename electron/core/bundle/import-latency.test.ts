import { readFileSync } from 'node:fs';
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
  /** Each note's dispatch → reply, wall clock. */
  latencies: number[];
  /** The longest the engine's thread ran without a turn of its event loop, in CPU ms. */
  longestHold: number;
  importMs: number;
  reply: Result<unknown>;
}

/**
 * The engine thread's CPU time in ms: on Linux from the kernel's account of the main thread
 * (its tid is the pid), so that time the thread spent waiting for a CPU another process held is
 * not counted; elsewhere, wall time.
 */
function engineThreadClock(): () => number {
  const path = `/proc/self/task/${process.pid}/schedstat`;
  const read = () => Number(readFileSync(path, 'utf8').split(' ')[0]) / 1e6;
  try {
    read();
    return read;
  } catch {
    return () => performance.now();
  }
}

/** Samples the engine's thread at every turn of its event loop; `stop` gives the longest stretch between two turns. */
function watchHolds(clock: () => number): { stop: () => number } {
  let last = clock();
  let longest = 0;
  let watching = true;
  const sample = () => {
    const now = clock();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const turn = () => {
    sample();
    if (watching) setTimeout(turn, 1);
  };
  setTimeout(turn, 1);
  return {
    stop: () => {
      // The stretch that ends with the reply counts too (a blocking import is all one stretch).
      sample();
      watching = false;
      return longest;
    },
  };
}

/**
 * Scribe notes on `incidentId`, one after another, each timed from dispatch to reply; the import
 * is dispatched right after the first note, so that note waits for whatever the import does
 * before its first pause. Notes go on until the import has answered, and a few more.
 */
async function notesDuringImport(engine: Engine, incidentId: string, zip: Buffer, clock: () => number): Promise<Run> {
  const latencies: number[] = [];
  const imported: { reply?: Result<unknown>; ms?: number; longestHold?: number } = {};
  let after = 0;
  const deadline = performance.now() + 60_000;
  for (let i = 0; after < 5 && performance.now() < deadline; i++) {
    const t0 = performance.now();
    const note = engine.dispatch('timeline.log', { incidentId, text: `note ${i} while an import runs` });
    if (i === 0) {
      const holds = watchHolds(clock);
      void engine.dispatch('bundle.import', { fileName: 'hostile.zip', base64: zip.toString('base64') }).then((reply) => {
        imported.ms = performance.now() - t0;
        imported.longestHold = holds.stop();
        imported.reply = reply;
      });
    }
    const r = await note;
    latencies.push(performance.now() - t0);
    expect(r.ok).toBe(true);
    if (imported.reply) after += 1;
  }
  if (!imported.reply || imported.ms === undefined || imported.longestHold === undefined) throw new Error('the import did not answer within 60 s');
  return { latencies, longestHold: imported.longestHold, importMs: imported.ms, reply: imported.reply };
}

/** Notes with no import running, for `ms`: what this machine gives a note at the moment. */
async function notesAlone(engine: Engine, incidentId: string, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + ms;
  for (let i = 0; performance.now() < until; i++) {
    const t0 = performance.now();
    await mustOk(engine.dispatch('timeline.log', { incidentId, text: `note ${i} with no import` }));
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

const percentiles = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${sorted.length} notes, p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p100 ${sorted.at(-1)!.toFixed(1)} ms`;
};
const summary = (name: string, run: Run) =>
  `${name}: refused in ${run.importMs.toFixed(0)} ms, engine thread held at most ${run.longestHold.toFixed(1)} ms; ${percentiles(run.latencies)}`;

/**
 * The machine is shared and has two cores: a note can wait 50 ms and more for a CPU or for its
 * fsync with no import at all (measured with the rest of the suite running: p100 of 55-85 ms in
 * half of the 150-note windows; with other projects' browser tests beside it, 90-170 ms in every
 * window). So an attempt whose notes meet such a spike is run again, up to ATTEMPTS times, and
 * each attempt also times notes with no import for as long as the import took: unless those all
 * stay within half the budget, the machine, not the import, is what this attempt measured.
 * What the import itself costs is also measured without the machine's noise: the longest stretch
 * of CPU time the engine's thread ran without a turn of its event loop. The blocking import this
 * replaced held it for 800 ms and more, in every attempt, whatever the load.
 */
const ATTEMPTS = 5;

describe('an import does not hold up the other windows', () => {
  it(`answers every note on another incident within ${BUDGET_MS} ms while hostile zips are imported, and refuses them`, async () => {
    const bomb = deflateBomb();
    const long = longJournalDamagedAtTheEnd();
    const clock = engineThreadClock();
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await declare(engine, 'Search results are stale');
      // Warm up: the journal's file handles, the JIT, the first fsyncs.
      for (let i = 0; i < 200; i++) await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: `warm-up ${i}` }));

      const seen: string[] = [];
      let met = false;
      let quietButMissed = 0;
      for (let attempt = 1; attempt <= ATTEMPTS && !met; attempt++) {
        const bombRun = await notesDuringImport(engine, id, bomb, clock);
        const longRun = await notesDuringImport(engine, id, long.zip, clock);
        const alone = await notesAlone(engine, id, longRun.importMs);
        seen.push(
          `attempt ${attempt}: ${summary('deflate bomb', bombRun)}\n  ${summary(`${long.lines}-line journal, last line damaged`, longRun)}\n  no import, as long: ${percentiles(alone)}`,
        );
        expect(Math.max(bombRun.longestHold, longRun.longestHold), seen.join('\n')).toBeLessThan(BUDGET_MS);
        expect(bombRun.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/inflates to more than the 3000 bytes its header claims/) } });
        expect(longRun.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(new RegExp(`Line ${long.lines} of the bundle's incident.jsonl is damaged`)) } });
        // The long import was long enough to be measured: notes were answered while it ran.
        expect(longRun.latencies.length).toBeGreaterThan(10);
        met = Math.max(...bombRun.latencies, ...longRun.latencies) < BUDGET_MS;
        // A fair attempt: with no import, every note had half the budget to spare.
        if (!met && Math.max(...alone) < BUDGET_MS / 2) quietButMissed += 1;
      }
      console.log(seen.join('\n'));
      // Missing the budget only counts where the machine met it easily without an import.
      if (!met) expect(quietButMissed, `notes missed ${BUDGET_MS} ms during the import, though not half of it without one:\n${seen.join('\n')}`).toBe(0);
      await engine.close();
    });
  }, 120_000);
});
