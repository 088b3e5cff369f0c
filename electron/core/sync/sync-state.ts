import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { QuarantinedEvent } from '../../../shared/sync/sync-status';
import { writeFileDurably } from '../fs/durable';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private';

/**
 * What sync must remember across a crash, per team: which incidents are shared, how far each
 * incident's journal has been pushed (`pushedSeq`, a journal sequence number), and how far its
 * server sequence has been pulled (`cursor`). Both move only after the work they describe is
 * durable (a push acknowledged by the database, pulled events in the journal), so a kill -9 at
 * any point makes the next run redo a step — a re-push is a no-op in the database, a re-pull is
 * skipped by event id — and never skip one.
 */
const IncidentProgress = z.strictObject({
  pushedSeq: z.number().int().min(0),
  cursor: z.number().int().min(0),
});
const StoredState = z.strictObject({
  version: z.literal(1),
  team: z.string().max(40),
  incidents: z.record(z.string().max(64), IncidentProgress),
});
type Stored = z.infer<typeof StoredState>;
export type IncidentProgress = z.infer<typeof IncidentProgress>;

export const SYNC_DIR = 'sync';
const STATE_FILE = 'state.json';
const QUARANTINE_FILE = 'quarantine.jsonl';

export class SyncStateFile {
  private state: Stored;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    private readonly dir: string,
    team: string,
    stored: Stored | null,
  ) {
    // Progress belongs to one team's database: another team starts again from nothing pushed or pulled.
    this.state = stored && stored.team === team ? stored : { version: 1, team, incidents: {} };
  }

  static async open(dataDir: string, team: string): Promise<SyncStateFile> {
    const dir = join(dataDir, SYNC_DIR);
    await ensurePrivateDir(dir);
    const text = await readFile(join(dir, STATE_FILE), 'utf8').catch(() => null);
    let stored: Stored | null = null;
    if (text !== null) {
      try {
        const parsed = StoredState.safeParse(JSON.parse(text));
        if (parsed.success) stored = parsed.data;
        else console.error('sync state file is not as written; starting sync progress again (re-push and re-pull are harmless)');
      } catch {
        console.error('sync state file is not JSON; starting sync progress again (re-push and re-pull are harmless)');
      }
    }
    return new SyncStateFile(dir, team, stored);
  }

  get team(): string {
    return this.state.team;
  }

  shared(): string[] {
    return Object.keys(this.state.incidents);
  }

  isShared(incidentId: string): boolean {
    return Object.hasOwn(this.state.incidents, incidentId);
  }

  progress(incidentId: string): IncidentProgress | null {
    return Object.hasOwn(this.state.incidents, incidentId) ? this.state.incidents[incidentId]! : null;
  }

  /** Changes one incident's progress and resolves once that is durable. */
  async update(incidentId: string, change: Partial<IncidentProgress>): Promise<void> {
    const held = this.progress(incidentId) ?? { pushedSeq: 0, cursor: 0 };
    this.state.incidents[incidentId] = {
      pushedSeq: Math.max(held.pushedSeq, change.pushedSeq ?? 0),
      cursor: Math.max(held.cursor, change.cursor ?? 0),
    };
    await this.flush();
  }

  /** Writes coalesce: many updates while one write runs become one more write. */
  private flush(): Promise<void> {
    this.dirty = true;
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      await writeFileDurably(join(this.dir, STATE_FILE), JSON.stringify(this.state));
    });
    return this.writing;
  }

  /** Keeps a refused event's row beside the journal, for whoever investigates. */
  async quarantine(entry: QuarantinedEvent, body: unknown): Promise<void> {
    const line = JSON.stringify({ ...entry, body });
    await appendFile(join(this.dir, QUARANTINE_FILE), `${line.length > 200_000 ? JSON.stringify({ ...entry, body: '(too large to keep)' }) : line}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
  }
}
