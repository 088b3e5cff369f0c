import { readFile, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentEvent } from '../../shared/domain/events';
import { CommandFailure } from '../../shared/contract/result';
import { IncidentId } from '../../shared/contract/schemas';
import { ensurePrivateDir } from './fs/private';
import type { HybridClock } from '../../shared/domain/hlc';
import { IncidentLog, JOURNAL_FILE } from './journal/incident-log';
import { checkRecord } from './journal/record';

/**
 * Incident ids are compared without case: on the default file systems of macOS and Windows
 * `INC-x` and `inc-x` are one folder, so they must be one incident everywhere.
 */
const keyOf = (incidentId: string) => incidentId.toLowerCase();

/** Every incident on this machine: `<dataDir>/incidents/<id>/journal.jsonl`. */
export class IncidentRegistry {
  /** Keyed by `keyOf(id)`. */
  private readonly logs = new Map<string, IncidentLog>();
  /** Serialises reopen and recovery per incident, so two callers never open one file twice. */
  private readonly reopening = new Map<string, Promise<IncidentLog>>();
  /** The tail of each incident's queue of exclusive work (check, then commit). */
  private readonly queues = new Map<string, Promise<unknown>>();

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
  ): Promise<IncidentRegistry> {
    const registry = new IncidentRegistry(join(dataDir, 'incidents'), now, onCommitted, clock);
    await ensurePrivateDir(registry.root);
    for (const name of await readdir(registry.root)) {
      if (!IncidentId.safeParse(name).success) continue;
      const dir = join(registry.root, name);
      const hasJournal = await stat(join(dir, JOURNAL_FILE)).then(
        () => true,
        () => false,
      );
      const hasRecovered = await stat(join(dir, `${JOURNAL_FILE}.recovered`)).then(
        () => true,
        () => false,
      );
      if (!hasJournal && !hasRecovered) continue;
      const log = await IncidentLog.open(dir, registry.options());
      // A journal with no readable declaration is an incident whose creation never completed.
      if (log.state && registry.logs.has(keyOf(name))) {
        // Two folders whose names differ only in case (made before ids were compared without
        // case, on a case-sensitive disk): both stay on disk, the second is not opened.
        console.error(`incident folder ${dir} differs only in case from one already open; it was left as it is`);
      }
      if (log.state && !registry.logs.has(keyOf(name))) registry.logs.set(keyOf(name), log);
      else await log.close();
    }
    return registry;
  }

  all(): IncidentLog[] {
    return [...this.logs.values()];
  }

  has(incidentId: string): boolean {
    return this.logs.has(keyOf(incidentId));
  }

  /** The id under which an incident is held here, whatever the case it is asked for in. */
  heldId(incidentId: string): string | null {
    return this.logs.get(keyOf(incidentId))?.state?.id ?? null;
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
    const pending = this.reopening.get(key);
    if (pending) return pending;
    const log = this.logs.get(key);
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
    await Promise.all([...this.reopening.values()]);
    await Promise.all(this.all().map((log) => log.close()));
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
    return { now: this.now, onCommitted: this.onCommitted, clock: this.clock };
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
