import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { IncidentEvent, NewEvent } from '../../../shared/domain/events';
import type { IncidentState } from '../../../shared/domain/incident';
import type { IntegrityReport, JournalProblem } from '../../../shared/domain/integrity';
import { applyEvent, replay } from '../../../shared/domain/reducer';
import { compareEvents } from '../../../shared/domain/merge';
import { CommandFailure } from '../../../shared/contract/result';
import { syncDir, writeFileDurably } from '../fs/durable';
import { durableAppendFile } from '../fs/durable-append';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private';
import { scanJournal, type TrustedPrefix } from './journal-reader';
import { JournalWriter } from './journal-writer';
import { checkRecord, decodeRecord, encodeRecord, peekId } from './record';
import { createYielder } from '../gate/yielder';
import { type HybridClock, LegacyStamper } from '../../../shared/domain/hlc';
import { readSnapshot, readWhole, removeStaleSnapshotTemps, writeSnapshot } from './snapshot';
import { StateSerializer } from './state-serializer';

export const JOURNAL_FILE = 'journal.jsonl';
export const SNAPSHOT_FILE = 'snapshot.json';

/** Snapshot when the journal tail past the last snapshot grows past this share of the whole. */
const SNAPSHOT_MIN_EVENTS = 2_000;
const SNAPSHOT_TAIL_SHARE = 0.05;

export interface IncidentLogOptions {
  now: () => number;
  onCommitted: (events: IncidentEvent[]) => void;
  /** This console's clock: stamps events made here, takes in the stamps of events from elsewhere. */
  clock: HybridClock;
}

/** Where an event sits in the order every console agrees on. */
interface OrderKey {
  type: string;
  hlc: string;
  id: string;
}

/**
 * Where the platform has it, the journal is opened with O_DSYNC: each write returns once its
 * data is durable (fdatasync's guarantee) in one system call instead of write, then fdatasync.
 * Windows has no O_DSYNC in Node; there the writer calls fdatasync after each write.
 */
const DATA_SYNC = process.platform !== 'win32' && typeof constants.O_DSYNC === 'number';

async function openForAppend(path: string, create: boolean): Promise<FileHandle> {
  const base = create ? constants.O_RDWR | constants.O_CREAT | constants.O_EXCL : constants.O_RDWR;
  return open(path, DATA_SYNC ? base | constants.O_DSYNC : base, PRIVATE_FILE_MODE);
}

/**
 * One incident's journal, snapshot and current state. Events are applied as soon as they are
 * accepted (so the next command decides on them), and acknowledged and published only once
 * they are durable. A failed write breaks the log; the engine then reopens it from disk.
 */
export class IncidentLog {
  private snapshotSeq = 0;
  /** The highest sequence number accepted into this journal; the next event gets one more. */
  private lastSeq = 0;
  private snapshotting: Promise<void> | null = null;
  private readonly serializer = new StateSerializer();
  /** The last event applied, in order: an event sorting before it needs a re-reduce. */
  private lastKey: OrderKey | null = null;
  /**
   * A re-reduce in progress: events accepted while it reads the journal are collected here, so
   * the rebuilt state has them too. While it runs the state is stale: no snapshot is taken.
   */
  private rebuilding: { extra: IncidentEvent[]; done: Promise<void> } | null = null;
  /** Every event in order, once a re-reduce or a read-ahead has decoded them: later re-reduces stay in memory. */
  private ordered: IncidentEvent[] | null = null;
  private warming: { extra: IncidentEvent[]; done: Promise<void> } | null = null;
  /** How many re-reduces this log has done, and the last one's cost: for the bench and tests. */
  rebuilds = 0;
  lastRebuildMs = 0;
  /** The journal's length when `close` finished: what a summary written after it reflects. */
  closedBytes: number | null = null;

  private constructor(
    readonly dir: string,
    public state: IncidentState | null,
    public integrity: IntegrityReport,
    private writer: JournalWriter | null,
    private readonly options: IncidentLogOptions,
  ) {}

  get journalPath(): string {
    return join(this.dir, JOURNAL_FILE);
  }

  /** Nothing waiting to be written or re-reduced: the state is exactly the journal on disk. */
  get quiet(): boolean {
    return this.writer !== null && this.writer.idle && !this.rebuilding && !this.snapshotting && !this.warming;
  }

  /** The journal's length when the log is quiet (the state is exactly those bytes); null otherwise. */
  get quietBytes(): number | null {
    return this.quiet && !this.writer!.failed ? this.writer!.acceptedBytes : null;
  }

  get failed(): boolean {
    return this.writer?.failed != null;
  }

  get syncs(): number {
    return this.writer?.syncs ?? 0;
  }

  /** The sequence number the next accepted event gets: the journal's own count, never the state's. */
  get nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** Creates the folder and an empty journal; the first commit writes the declaration. */
  static async create(dir: string, options: IncidentLogOptions): Promise<IncidentLog> {
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = await openForAppend(join(dir, JOURNAL_FILE), true);
    await file.sync();
    await syncDir(dir);
    await syncDir(join(dir, '..'));
    const writer = new JournalWriter(durableAppendFile(file, DATA_SYNC), { bytes: 0, lines: 0, crc: 0 });
    return new IncidentLog(dir, null, { status: 'ok', problems: [] }, writer, options);
  }

  static async open(dir: string, options: IncidentLogOptions): Promise<IncidentLog> {
    const journalPath = join(dir, JOURNAL_FILE);
    const label = journalPath;
    const problems: JournalProblem[] = [];
    await finishInterruptedRecovery(journalPath);
    await removeStaleSnapshotTemps(dir, SNAPSHOT_FILE);
    const bytes = await readWhole(journalPath);

    // A snapshot is used only if the journal up to its point is byte for byte what it was
    // (one CRC over the prefix); then only the tail is checked and parsed.
    const snap = await readSnapshot(join(dir, SNAPSHOT_FILE));
    let base: IncidentState | null = null;
    let trusted: TrustedPrefix | null = null;
    if (snap && !snap.ok) {
      problems.push(snapshotIgnored(dir, snap.reason));
    } else if (snap?.ok) {
      const h = snap.snapshot.header;
      if (h.journalBytes > bytes.length) problems.push(snapshotIgnored(dir, 'it is ahead of the journal'));
      else if (crc32(bytes.subarray(0, h.journalBytes)) !== h.prefixCrc) problems.push(snapshotIgnored(dir, 'the journal before it changed'));
      else {
        base = snap.snapshot.state;
        trusted = { bytes: h.journalBytes, lines: h.journalLines, lastSeq: h.lastSeq };
      }
    }
    let scan = scanJournal(bytes, label, trusted?.bytes ?? 0, false, trusted);
    // The tail applies on top of the snapshot only if all of it sorts after the snapshot's last
    // event; an event that arrived late (stamped before it) means the whole journal, in order.
    const snapKey = snap?.ok && base ? { type: '', hlc: snap.snapshot.header.lastStamp, id: snap.snapshot.header.lastId } : null;
    if (base && snapKey && scan.events.some((e) => compareEvents(e, snapKey) <= 0)) {
      base = null;
      trusted = null;
      scan = scanJournal(bytes, label, 0, false, null);
    }
    const snapshotSeq = base && snap?.ok ? snap.snapshot.header.lastSeq : 0;
    problems.push(...scan.problems);
    const ordered = scan.events.slice().sort(compareEvents);
    const state = replay(ordered, base);

    let size = bytes.length;
    const file = await openForAppend(journalPath, false);
    if (!scan.corrupt && (scan.tornTail || scan.missingFinalNewline)) {
      if (scan.tornTail) {
        // Keep the cut bytes beside the journal: nothing is thrown away, even unacknowledged.
        await writeFile(join(dir, `journal.torn-${options.now()}.bin`), scan.tornTail, { mode: PRIVATE_FILE_MODE });
        await file.truncate(scan.goodLength);
      }
      size = scan.goodLength;
      if (scan.missingFinalNewline) {
        await file.write(Buffer.from('\n'), 0, 1, size);
        size += 1;
      }
      await file.sync();
    }

    const status = scan.corrupt ? 'corrupt' : problems.length > 0 ? 'repaired' : 'ok';
    let writer: JournalWriter | null = null;
    if (scan.corrupt) await file.close();
    else {
      const kept = bytes.subarray(0, Math.min(size, bytes.length));
      const crc = size > bytes.length ? crc32(Buffer.from('\n'), crc32(kept)) : crc32(kept);
      const lines = scan.lineCount - (scan.tornTail ? countLines(scan.tornTail) : 0);
      writer = new JournalWriter(durableAppendFile(file, DATA_SYNC), { bytes: size, lines, crc });
    }
    const log = new IncidentLog(dir, state, { status, problems }, writer, options);
    log.snapshotSeq = snapshotSeq;
    log.lastSeq = Math.max(scan.lastSeq, snapshotSeq);
    const last = ordered.at(-1);
    log.lastKey = last ? { type: last.type, hlc: last.hlc, id: last.id } : snapKey;
    if (log.lastKey) options.clock.receive(log.lastKey.hlc);
    return log;
  }

  /**
   * Gives `drafts` their sequence numbers (the journal is the only place they come from) and,
   * if they have none, their clock stamps; applies them now, and resolves with the events once
   * they are on disk. Events from elsewhere that sort before the last one applied (an offline
   * console's hour of notes) are written in arrival order too, and the state is then re-reduced
   * in order before they are announced.
   */
  async commit(drafts: readonly NewEvent[]): Promise<IncidentEvent[]> {
    if (!this.writer) {
      throw new CommandFailure(
        'JOURNAL_CORRUPT',
        `The journal of this incident is damaged (${this.integrity.problems.find((p) => p.kind === 'corrupt-record')?.detail ?? 'see its report'}). Nothing was written. Recover it to keep writing.`,
      );
    }
    if (this.writer.failed) throw new CommandFailure('UNAVAILABLE', this.writer.failed.message);
    const first = this.lastSeq + 1;
    const clock = this.options.clock;
    const events = drafts.map((draft, i) => {
      if (draft.hlc) clock.receive(draft.hlc);
      const { hlc, ...rest } = draft;
      return { ...rest, seq: first + i, hlc: hlc ?? clock.send() } as IncidentEvent;
    });
    const bytes = Buffer.from(events.map(encodeRecord).join(''));
    this.lastSeq += events.length;
    const ordered = events.slice().sort(compareEvents);
    const late = this.lastKey !== null && ordered.length > 0 && compareEvents(ordered[0]!, this.lastKey) <= 0;
    this.warming?.extra.push(...events);
    if (late && this.ordered && !this.rebuilding) {
      this.reorderInMemory(events);
    } else if (late || this.rebuilding) {
      void this.rebuild();
      // The rebuild reads what was accepted before it began; these join it from here.
      this.rebuilding!.extra.push(...events);
    } else {
      for (const event of ordered) this.state = applyEvent(this.state, event);
      this.ordered?.push(...ordered);
      const last = ordered.at(-1);
      if (last) this.lastKey = { type: last.type, hlc: last.hlc, id: last.id };
    }
    await this.writer.append(bytes, events.length);
    // Announced only once the state holds them in order (without a re-reduce running, it does).
    if (this.rebuilding) await this.settled();
    this.options.onCommitted(events);
    this.maybeSnapshot();
    return events;
  }

  /** Resolves once no re-reduce is running: the state then holds every accepted event, in order. */
  async settled(): Promise<void> {
    while (this.rebuilding) await this.rebuilding.done;
  }

  /**
   * Reads every event of the journal, in order, into memory ahead of need (a shared incident,
   * where teammates' late events are to be expected), in slices that leave the event loop free.
   * The state is not touched; the next re-reduce is then done in memory.
   */
  warmOrder(): Promise<void> {
    if (this.ordered || this.rebuilding) return Promise.resolve();
    if (this.warming) return this.warming.done;
    const extra: IncidentEvent[] = [];
    const generation = this.rebuilds;
    const done = this.readJournal()
      .then((bytes) => decodeInSlices(bytes))
      .then((events) => {
        // A re-reduce that ran meanwhile has filled the cache with the truth: keep that one.
        if (this.rebuilds !== generation || this.ordered) return;
        this.ordered = unique([...events, ...extra]).sort(compareEvents);
      })
      .catch((error: unknown) => console.error(`reading ${this.dir} ahead failed: ${(error as Error).message}`))
      .finally(() => {
        this.warming = null;
      });
    this.warming = { extra, done };
    return done;
  }

  /** A late event with every event already in memory: sort (nearly sorted: fast) and reduce again. */
  private reorderInMemory(events: readonly IncidentEvent[]): void {
    const started = performance.now();
    const all = this.ordered!;
    all.push(...events);
    all.sort(compareEvents);
    this.state = replay(all);
    const last = all.at(-1);
    this.lastKey = last ? { type: last.type, hlc: last.hlc, id: last.id } : null;
    this.rebuilds += 1;
    this.lastRebuildMs = performance.now() - started;
  }

  /**
   * The state again from zero: every event in the journal (including those just accepted) and
   * every event accepted while it reads, sorted by stamp and id, reduced. The journal is decoded
   * in slices, so other windows' commands go on meanwhile; the events stay in memory after.
   */
  private rebuild(): Promise<void> {
    if (this.rebuilding) return this.rebuilding.done;
    const extra: IncidentEvent[] = [];
    const started = performance.now();
    // Read from what is accepted now (synchronously taken), then add what comes after.
    const reading = this.readJournal();
    const done = reading
      .then((bytes) => decodeInSlices(bytes))
      .then((events) => {
        const all = unique([...events, ...extra]).sort(compareEvents);
        this.state = replay(all);
        this.ordered = all;
        const last = all.at(-1);
        this.lastKey = last ? { type: last.type, hlc: last.hlc, id: last.id } : null;
        this.rebuilds += 1;
        this.lastRebuildMs = performance.now() - started;
      });
    const entry = {
      extra,
      done: done.finally(() => {
        if (this.rebuilding === entry) this.rebuilding = null;
      }),
    };
    this.rebuilding = entry;
    return entry.done;
  }

  /** The journal's bytes once everything accepted so far is durable. */
  async readJournal(): Promise<Buffer> {
    // Waits for what was accepted before the call, not for the writer to fall idle: while
    // scribes keep logging it may never be idle, and an import or export must not wait forever.
    if (!this.writer) return readFile(this.journalPath);
    const point = await this.writer.durableAt(this.writer.acceptedBytes);
    const bytes = await readFile(this.journalPath);
    return bytes.subarray(0, point.bytes);
  }

  /** Every event id in the journal, for merging imports by id. */
  async eventIds(): Promise<Set<string>> {
    const bytes = await this.readJournal();
    const ids = new Set<string>();
    for (let start = 0; start < bytes.length; ) {
      let nl = bytes.indexOf(0x0a, start);
      if (nl === -1) nl = bytes.length;
      const checked = checkRecord(bytes.subarray(start, nl));
      if (checked.ok) {
        const id = peekId(checked.body) ?? (JSON.parse(checked.body.toString('utf8')) as { id: string }).id;
        ids.add(id);
      }
      start = nl + 1;
    }
    return ids;
  }

  /**
   * The user's decision after corruption: the damaged file is set aside untouched, every
   * readable record goes into a fresh journal, and writing resumes.
   */
  async recover(): Promise<IncidentLog> {
    if (this.integrity.status !== 'corrupt') return this;
    const journalPath = this.journalPath;
    const bytes = await readFile(journalPath);
    const scan = scanJournal(bytes, journalPath, 0, true);
    const aside = join(this.dir, `journal.corrupt-${this.options.now()}.jsonl`);
    const fresh = Buffer.concat(scan.goodLines.flatMap((line) => [line, Buffer.from('\n')]));
    await writeFileDurably(`${journalPath}.recovered`, fresh);
    await rename(journalPath, aside);
    await rename(`${journalPath}.recovered`, journalPath);
    await rm(join(this.dir, SNAPSHOT_FILE), { force: true });
    await syncDir(this.dir);
    const reopened = await IncidentLog.open(this.dir, this.options);
    reopened.integrity = {
      status: 'repaired',
      problems: [
        ...this.integrity.problems,
        {
          kind: 'corrupt-record',
          file: aside,
          line: null,
          detail: `recovered: ${scan.goodLines.length} readable records kept; the damaged journal was kept as ${aside}`,
        },
      ],
    };
    return reopened;
  }

  async close(): Promise<void> {
    if (!this.writer) return;
    await this.writer.drain();
    await this.settled().catch(() => undefined);
    await this.snapshotting;
    if (this.state && !this.writer.failed && this.lastSeq > this.snapshotSeq) {
      await this.snapshotNow().catch((error: unknown) => console.error(`snapshot of ${this.dir} failed: ${(error as Error).message}`));
    }
    this.closedBytes = this.writer.failed ? null : this.writer.acceptedBytes;
    await this.writer.close();
    this.writer = null;
  }

  /** A snapshot once the tail past the last one is long enough, one at a time, off the ack path. */
  private maybeSnapshot(): void {
    if (!this.state || this.snapshotting || this.rebuilding || !this.writer || this.writer.failed) return;
    const since = this.lastSeq - this.snapshotSeq;
    if (since < Math.max(SNAPSHOT_MIN_EVENTS, this.lastSeq * SNAPSHOT_TAIL_SHARE)) return;
    this.snapshotting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.snapshotNow())
      .catch((error: unknown) => console.error(`snapshot of ${this.dir} failed: ${(error as Error).message}`))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /**
   * The state is serialised now, with every event accepted so far, and written only once the
   * journal is durable up to exactly those events: a snapshot never gets ahead of its journal,
   * even while commands keep arriving.
   */
  private async snapshotNow(): Promise<void> {
    const state = this.state;
    const writer = this.writer;
    const key = this.lastKey;
    // While a re-reduce runs the state lacks the late events already in the journal.
    if (!state || !writer || !key || this.rebuilding) return;
    // The journal's sequence number, which is also the state's count while nothing was dropped.
    const seq = this.lastSeq;
    const json = this.serializer.serialize(state);
    const point = await writer.durableAt(writer.acceptedBytes);
    await writeSnapshot(join(this.dir, SNAPSHOT_FILE), json, { id: state.id, lastSeq: seq, lastStamp: key.hlc, lastId: key.id }, point, this.options.now());
    this.snapshotSeq = seq;
  }
}

/** The first copy of each event id (a journal never holds two; a rebuild's extras may repeat one). */
function unique(events: IncidentEvent[]): IncidentEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

/** Every good record of a journal's bytes as events (stamps derived for old ones), giving way every few ms. */
async function decodeInSlices(bytes: Buffer): Promise<IncidentEvent[]> {
  const giveWay = createYielder(4);
  const stamper = new LegacyStamper();
  const events: IncidentEvent[] = [];
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    const decoded = decodeRecord(bytes.subarray(start, nl));
    if (decoded.ok) {
      const event = decoded.event as IncidentEvent & { hlc?: string };
      if (typeof event.hlc === 'string') stamper.see(event.hlc);
      else event.hlc = stamper.next(event.at);
      events.push(event);
    }
    start = nl + 1;
    await giveWay();
  }
  return events;
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
}

/** A crash between recovery's two renames leaves the fresh journal beside no journal. */
async function finishInterruptedRecovery(journalPath: string): Promise<void> {
  try {
    await stat(journalPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await rename(`${journalPath}.recovered`, journalPath);
  }
}

function snapshotIgnored(dir: string, reason: string): JournalProblem {
  return {
    kind: 'snapshot-ignored',
    file: join(dir, SNAPSHOT_FILE),
    line: null,
    detail: `the snapshot was not used because ${reason}; the journal was replayed in full`,
  };
}
