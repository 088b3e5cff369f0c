import { readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncidentEvent } from '../../shared/domain/events';
import { CommandFailure } from '../../shared/contract/result';
import { IncidentId } from '../../shared/contract/schemas';
import { ensurePrivateDir } from './fs/private';
import { IncidentLog, JOURNAL_FILE } from './journal/incident-log';

/** Every incident on this machine: `<dataDir>/incidents/<id>/journal.jsonl`. */
export class IncidentRegistry {
  private readonly logs = new Map<string, IncidentLog>();
  /** Serialises reopen and recovery per incident, so two callers never open one file twice. */
  private readonly reopening = new Map<string, Promise<IncidentLog>>();

  private constructor(
    private readonly root: string,
    private readonly now: () => number,
    private readonly onCommitted: (events: IncidentEvent[]) => void,
  ) {}

  static async open(dataDir: string, now: () => number, onCommitted: (events: IncidentEvent[]) => void): Promise<IncidentRegistry> {
    const registry = new IncidentRegistry(join(dataDir, 'incidents'), now, onCommitted);
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
      if (log.state) registry.logs.set(name, log);
      else await log.close();
    }
    return registry;
  }

  all(): IncidentLog[] {
    return [...this.logs.values()];
  }

  has(incidentId: string): boolean {
    return this.logs.has(incidentId);
  }

  /** The incident's log, reopened from disk if its last write failed. */
  async get(incidentId: string): Promise<IncidentLog> {
    const pending = this.reopening.get(incidentId);
    if (pending) return pending;
    const log = this.logs.get(incidentId);
    if (!log) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
    if (!log.failed) return log;
    return this.replace(incidentId, async () => {
      await log.close().catch(() => undefined);
      return IncidentLog.open(log.dir, this.options());
    });
  }

  async create(incidentId: string): Promise<IncidentLog> {
    if (this.logs.has(incidentId)) throw new CommandFailure('CONFLICT', `Incident ${incidentId} already exists.`);
    const dir = join(this.root, incidentId);
    // A folder here that is not a known incident is a creation (or an import) that a crash cut
    // short before its first record was durable: keep its bytes aside, under a name that is not
    // an incident id, and start again.
    const leftover = await stat(dir).then(
      () => true,
      () => false,
    );
    if (leftover) await rename(dir, join(this.root, `.unfinished-${incidentId}-${this.now()}`));
    const log = await IncidentLog.create(dir, this.options());
    this.logs.set(incidentId, log);
    return log;
  }

  /** Forget an incident whose creation failed before anything was durable. */
  discard(incidentId: string): void {
    this.logs.delete(incidentId);
  }

  async recover(incidentId: string): Promise<IncidentLog> {
    const log = await this.get(incidentId);
    return this.replace(incidentId, () => log.recover());
  }

  async close(): Promise<void> {
    await Promise.all([...this.reopening.values()]);
    await Promise.all(this.all().map((log) => log.close()));
  }

  private async replace(incidentId: string, make: () => Promise<IncidentLog>): Promise<IncidentLog> {
    const next = make();
    this.reopening.set(incidentId, next);
    try {
      const log = await next;
      this.logs.set(incidentId, log);
      return log;
    } finally {
      this.reopening.delete(incidentId);
    }
  }

  private options() {
    return { now: this.now, onCommitted: this.onCommitted };
  }
}
