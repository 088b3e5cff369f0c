import { readFile, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentEvent } from '../../shared/domain/events';
import { CommandFailure } from '../../shared/contract/result';
import { IncidentId } from '../../shared/contract/schemas';
import { ensurePrivateDir } from './fs/private';
import type { HybridClock } from '../../shared/domain/hlc';
import { IncidentLog, JOURNAL_FILE } from './journal/incident-log';
import { checkRecord } from './journal/record';
import { cardOf, type IncidentCard } from './summaries/incident-card';
import { readTrustedSummary, type TrustedSummary, writeSummary } from './summaries/summary-file';

/**
 * Incident ids are compared without case: on the default file systems of macOS and Windows
 * `INC-x` and `inc-x` are one folder, so they must be one incident everywhere.
 */
const keyOf = (incidentId: string) => incidentId.toLowerCase();

/** A closed incident not open now: ten minutes after its last use, a closed incident is closed again. */
const IDLE_CLOSE_MS = 10 * 60_000;

/** How long a closed incident stays without commits before its summary is written. */
const QUIET_SUMMARY_MS = 5_000;

export interface IdleOptions {
  idleCloseMs?: number;
  quietSummaryMs?: number;
}

/** The journal length and last sequence number the card (and its summary file) reflects. */
interface CardEntry extends TrustedSummary {
  dir: string;
}

/** Every incident on this machine: `<dataDir>/incidents/<id>/journal.jsonl`. */
export class IncidentRegistry {
  /** Keyed by `keyOf(id)`. */
  private readonly logs = new Map<string, IncidentLog>();
  /** Serialises reopen and recovery per incident, so two callers never open one file twice. */
  private readonly reopening = new Map<string, Promise<IncidentLog>>();
  /** The tail of each incident's queue of exclusive work (check, then commit). */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Closed incidents not opened: their summaries only. Keyed by `keyOf(id)`. */
  private readonly cards = new Map<string, CardEntry>();
  /** Logs being closed to a summary: a `get` meanwhile waits, then opens it again. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Their ids, so that `has` and `heldId` still know them meanwhile (sync must not pull one as new). */
  private readonly closingIds = new Map<string, string>();
  /** When each incident was last asked for (performance.now()). */
  private readonly lastUsed = new Map<string, number>();
  /** The journal length of each incident's summary on disk, where known. */
  private readonly summaryBytes = new Map<string, number>();
  private readonly quietTimers = new Map<string, NodeJS.Timeout>();
  private idleCloseMs = IDLE_CLOSE_MS;
  private quietSummaryMs = QUIET_SUMMARY_MS;
  /** A summary write after quiet, in flight: a close waits for it rather than write beside it. */
  private readonly summaryWrites = new Map<string, Promise<void>>();
  private idleTimer: NodeJS.Timeout | null = null;
  /** How many journals were opened lazily from a summary: for tests and the bench. */
  opensFromSummary = 0;

  private constructor(
    private readonly root: string,
    private readonly now: () => number,
    private readonly onCommitted: (events: IncidentEvent[]) => void,
    /** The console's one clock: every incident's events are stamped by it. */
    readonly clock: HybridClock,
  ) {}

  static async open(
    dataDir: string,
    now: () => number,
    onCommitted: (events: IncidentEvent[]) => void,
    clock: HybridClock,
    idle: IdleOptions = {},
  ): Promise<IncidentRegistry> {
    const registry = new IncidentRegistry(join(dataDir, 'incidents'), now, onCommitted, clock);
    registry.idleCloseMs = idle.idleCloseMs ?? IDLE_CLOSE_MS;
    registry.quietSummaryMs = idle.quietSummaryMs ?? QUIET_SUMMARY_MS;
    await ensurePrivateDir(registry.root);
    const names = (await readdir(registry.root)).filter((name) => IncidentId.safeParse(name).success);
    // A closed incident whose summary matches its journal stays a summary; every other one is opened.
    const found = await Promise.all(
      names.map(async (name) => {
        const dir = join(registry.root, name);
        const summary = readTrustedSummary(dir);
        if (summary && summary.card.status === 'closed') return { name, dir, summary };
        const hasJournal = await exists(join(dir, JOURNAL_FILE));
        const hasRecovered = await exists(join(dir, `${JOURNAL_FILE}.recovered`));
        return hasJournal || hasRecovered ? { name, dir, summary: null } : null;
      }),
    );
    for (const entry of found) {
      if (!entry) continue;
      const { name, dir, summary } = entry;
      if (registry.has(name)) {
        // Two folders whose names differ only in case (made before ids were compared without
        // case, on a case-sensitive disk): both stay on disk, the second is not opened.
        console.error(`incident folder ${dir} differs only in case from one already open; it was left as it is`);
        continue;
      }
      if (summary) {
        registry.cards.set(keyOf(name), { dir, ...summary });
        continue;
      }
      const log = await IncidentLog.open(dir, registry.options());
      // A journal with no readable declaration is an incident whose creation never completed.
      if (!log.state) {
        await log.close();
        continue;
      }
      registry.logs.set(keyOf(name), log);
      // Closed, with no summary yet (or a stale one): write it now, so the next start skips it.
      if (log.state.status === 'closed') await registry.retire(keyOf(name));
    }
    registry.idleTimer = setInterval(() => void registry.closeIdle(), Math.min(registry.idleCloseMs, 60_000));
    registry.idleTimer.unref();
    return registry;
  }

  /** Every incident held in memory now: every one not closed, and closed ones looked at lately. */
  opened(): IncidentLog[] {
    return [...this.logs.values()];
  }

  /** Every incident on this machine as the list shows it, opened or not (without `shared`). */
  cardsOfAll(): IncidentCard[] {
    const cards: IncidentCard[] = [];
    for (const log of this.logs.values()) if (log.state) cards.push(cardOf(log.state, log.integrity));
    for (const { card } of this.cards.values()) cards.push(card);
    return cards;
  }

  /** The summary of a closed incident that is not open now (null when it is open, or unknown). */
  unopened(incidentId: string): TrustedSummary | null {
    return this.cards.get(keyOf(incidentId)) ?? null;
  }

  /**
   * Runs `work` on an incident's log, opening it for the time of the work only if it was not
   * open: reports that need the full state of every closed incident do not keep them all open.
   */
  async visit<T>(incidentId: string, work: (log: IncidentLog) => T | Promise<T>): Promise<T> {
    const key = keyOf(incidentId);
    const wasOpen = this.logs.has(key);
    const log = await this.get(incidentId);
    try {
      return await work(log);
    } finally {
      if (!wasOpen && this.logs.get(key) === log && this.canRetire(key, log)) await this.retire(key);
    }
  }

  /**
   * Closes closed incidents nobody used for `idleCloseMs` and nobody holds for a command,
   * keeping their summaries. Returns how many it closed (for tests).
   */
  async closeIdle(at = performance.now()): Promise<number> {
    let closed = 0;
    for (const [key, log] of [...this.logs]) {
      if (at - (this.lastUsed.get(key) ?? 0) < this.idleCloseMs || !this.canRetire(key, log)) continue;
      await this.retire(key);
      closed += 1;
    }
    return closed;
  }

  has(incidentId: string): boolean {
    const key = keyOf(incidentId);
    return this.logs.has(key) || this.cards.has(key) || this.closingIds.has(key);
  }

  /** The id under which an incident is held here, whatever the case it is asked for in. */
  heldId(incidentId: string): string | null {
    const key = keyOf(incidentId);
    return this.logs.get(key)?.state?.id ?? this.cards.get(key)?.card.id ?? this.closingIds.get(key) ?? null;
  }

  /**
   * Runs `work` alone for this incident: two imports of one file (or an import and a
   * declaration) never both check what is there and then both write.
   */
  exclusive<T>(incidentId: string, work: () => Promise<T>): Promise<T> {
    const key = keyOf(incidentId);
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** The incident's log, reopened from disk if its last write failed. */
  async get(incidentId: string): Promise<IncidentLog> {
    const key = keyOf(incidentId);
    if (this.has(incidentId) || this.closing.has(key)) this.lastUsed.set(key, performance.now());
    const closing = this.closing.get(key);
    if (closing) {
      await closing;
      return this.get(incidentId);
    }
    const pending = this.reopening.get(key);
    if (pending) return pending;
    const log = this.logs.get(key);
    const card = this.cards.get(key);
    if (!log && card) return this.openLazily(key, card);
    if (!log) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
    if (!log.failed) return log;
    return this.replace(key, async () => {
      await log.close().catch(() => undefined);
      return IncidentLog.open(log.dir, this.options());
    });
  }

  async create(incidentId: string): Promise<IncidentLog> {
    const held = this.heldId(incidentId);
    if (held !== null) {
      throw new CommandFailure(
        'CONFLICT',
        held === incidentId ? `Incident ${incidentId} already exists.` : `Incident ${held} is already here; ${incidentId} differs from it only in case.`,
      );
    }
    const dir = join(this.root, incidentId);
    // A folder here that is not a known incident is a creation (or an import) that a crash cut
    // short before its first record was durable: keep its bytes aside, under a name that is not
    // an incident id, and start again. A folder whose journal holds a record is never moved:
    // it is somebody's incident (perhaps under another case of the same id).
    const leftover = await stat(dir).then(
      () => true,
      () => false,
    );
    if (leftover) {
      if (await holdsRecord(dir)) {
        throw new CommandFailure('CONFLICT', `The folder for ${incidentId} already holds an incident journal; nothing was moved or written.`);
      }
      await rename(dir, join(this.root, `.unfinished-${incidentId}-${this.now()}`));
    }
    const log = await IncidentLog.create(dir, this.options());
    this.logs.set(keyOf(incidentId), log);
    return log;
  }

  /** Forget an incident whose creation failed before anything was durable. */
  discard(incidentId: string): void {
    this.logs.delete(keyOf(incidentId));
  }

  async recover(incidentId: string): Promise<IncidentLog> {
    const log = await this.get(incidentId);
    return this.replace(keyOf(incidentId), () => log.recover());
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    for (const timer of this.quietTimers.values()) clearTimeout(timer);
    await Promise.all([...this.reopening.values(), ...this.closing.values()]);
    await Promise.all([...this.logs.keys()].map((key) => this.retire(key)));
  }

  private async openLazily(key: string, entry: CardEntry): Promise<IncidentLog> {
    const log = await this.replace(key, () => IncidentLog.open(entry.dir, this.options()));
    this.cards.delete(key);
    this.opensFromSummary += 1;
    // Closing it again need not rewrite a summary that still matches.
    this.summaryBytes.set(key, entry.journalBytes);
    return log;
  }

  private canRetire(key: string, log: IncidentLog): boolean {
    return log.state?.status === 'closed' && log.quiet && !log.failed && !this.queues.has(key) && !this.reopening.has(key) && !this.closing.has(key);
  }

  /**
   * Closes an incident's log and keeps its card, writing the summary beside the journal when
   * it changed. From here until the summary is written, a `get` waits for it.
   */
  private retire(key: string): Promise<void> {
    const log = this.logs.get(key);
    if (!log) return Promise.resolve();
    clearTimeout(this.quietTimers.get(key));
    this.quietTimers.delete(key);
    const work = (async () => {
      await this.summaryWrites.get(key);
      await log.close();
      const state = log.state;
      if (!state) return;
      const card = cardOf(state, log.integrity);
      const bytes = log.closedBytes;
      const summary = { card, journalBytes: bytes ?? 0, journalSeq: log.nextSeq - 1 };
      if (bytes !== null && log.integrity.status !== 'corrupt' && this.summaryBytes.get(key) !== bytes) {
        await writeSummary(log.dir, summary).then(
          () => this.summaryBytes.set(key, bytes),
          (error: unknown) => console.error(`summary of ${log.dir} was not written: ${(error as Error).message}`),
        );
      }
      // A closed incident waits as its card (a damaged one too: it has no summary file, so the
      // next start opens it again and reports it); `get` opens it from disk.
      if (state.status === 'closed') this.cards.set(key, { dir: log.dir, ...summary });
    })();
    this.logs.delete(key);
    if (log.state) this.closingIds.set(key, log.state.id);
    const done = work.finally(() => {
      this.closing.delete(key);
      this.closingIds.delete(key);
    });
    this.closing.set(key, done);
    return done;
  }

  private async replace(key: string, make: () => Promise<IncidentLog>): Promise<IncidentLog> {
    const next = make();
    this.reopening.set(key, next);
    try {
      const log = await next;
      this.logs.set(key, log);
      return log;
    } finally {
      this.reopening.delete(key);
    }
  }

  private options() {
    return {
      now: this.now,
      onCommitted: (events: IncidentEvent[]) => {
        this.onCommitted(events);
        const id = events[0]?.incidentId;
        if (id) this.summarizeWhenQuiet(keyOf(id));
      },
      clock: this.clock,
    };
  }

  /**
   * A closed incident that changed (a review, an action item) gets its summary a few seconds
   * after its last commit, so that a crash before the next idle close costs no replay at start.
   */
  private summarizeWhenQuiet(key: string): void {
    const log = this.logs.get(key);
    if (log?.state?.status !== 'closed') return;
    clearTimeout(this.quietTimers.get(key));
    const timer = setTimeout(() => {
      this.quietTimers.delete(key);
      const bytes = log.quietBytes;
      if (this.logs.get(key) !== log || !log.state || log.state.status !== 'closed' || bytes === null || log.integrity.status === 'corrupt') return;
      const summary = { card: cardOf(log.state, log.integrity), journalBytes: bytes, journalSeq: log.nextSeq - 1 };
      const writing = writeSummary(log.dir, summary)
        .then(
          () => void this.summaryBytes.set(key, bytes),
          (error: unknown) => console.error(`summary of ${log.dir} was not written: ${(error as Error).message}`),
        )
        .finally(() => this.summaryWrites.delete(key));
      this.summaryWrites.set(key, writing);
    }, this.quietSummaryMs);
    timer.unref();
    this.quietTimers.set(key, timer);
  }
}

/** Whether the folder's journal (or a recovery's fresh copy) holds at least one whole record. */
async function holdsRecord(dir: string): Promise<boolean> {
  for (const name of [JOURNAL_FILE, `${JOURNAL_FILE}.recovered`]) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (!bytes) continue;
    const end = bytes.indexOf(0x0a);
    if (checkRecord(bytes.subarray(0, end === -1 ? bytes.length : end)).ok) return true;
  }
  return false;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
