import type { IncidentEvent, NewEvent } from '../../../shared/domain/events';
import { compareEvents } from '../../../shared/domain/merge';
import { SKEW_WARNING_MS, type QuarantinedEvent, type SyncStatus } from '../../../shared/sync/sync-status';
import { ArtefactStore } from '../artefacts/artefact-store';
import type { IncidentRegistry } from '../incident-registry';
import type { IncidentLog } from '../journal/incident-log';
import { scanJournal } from '../journal/journal-reader';
import { admitRow } from './remote-gate';
import type { PulledRow, SyncPort, SyncProblem, SyncResult } from './sync-port';
import { SyncStateFile } from './sync-state';

export interface TeamSyncOptions {
  dataDir: string;
  registry: IncidentRegistry;
  now: () => number;
  consoleId: string;
  team: string;
  /** Where, without the password, for the window. */
  target: string;
  port: SyncPort;
  /** Pull everything on this beat even without a hint (a lost NOTIFY, a dead connection). */
  heartbeatMs?: number;
  /** Waits between reconnection attempts, the last repeated. */
  retryMs?: readonly number[];
}

/** Rows per pull and per push statement. */
const BATCH = 500;
const QUARANTINE_SHOWN = 50;

class SyncStop extends Error {
  constructor(
    readonly code: SyncProblem,
    message: string,
  ) {
    super(message);
  }
}

/** What is waiting to be pushed for one incident: local events after `from` (a journal seq), read up to `upTo`. */
interface Outbox {
  from: number;
  upTo: number;
  events: IncidentEvent[];
}

/**
 * Team sync for one console: pushes what this console wrote into shared incidents, pulls what
 * teammates wrote, and keeps going whatever the database does. One loop does all the talking,
 * so pushes and pulls never race each other; local work never waits for it.
 */
export class TeamSync {
  private connected = false;
  private login: string | null = null;
  private problem: { code: SyncProblem; message: string } | null = null;
  private offlineSince: number | null = null;
  private lastSyncedAt: number | null = null;
  private skewMs: number | null = null;
  private attempts = 0;
  private stopped = false;
  private pulling = false;
  private readonly quarantined: QuarantinedEvent[] = [];
  private readonly outboxes = new Map<string, Outbox>();
  private readonly known = new Map<string, Set<string>>();
  /** Incidents a hint named, pulled on the next pass; `null` asks for every incident's head. */
  private readonly dirty = new Set<string>();
  private fullPull = true;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private passes = 0;
  private passWaiters: Array<{ after: number; resolve: () => void }> = [];
  private loop: Promise<void> | null = null;
  /** Artefact files the team's store is known to hold: asked about and uploaded once. */
  private readonly filesUp = new Set<string>();
  /** Files being fetched, so two windows asking at once make one download. */
  private readonly fetching = new Map<string, Promise<SyncResult<Uint8Array | null>>>();

  private constructor(
    private readonly options: TeamSyncOptions,
    private readonly state: SyncStateFile,
  ) {}

  static async start(options: TeamSyncOptions): Promise<TeamSync> {
    const state = await SyncStateFile.open(options.dataDir, options.team);
    const sync = new TeamSync(options, state);
    sync.loop = sync.run();
    return sync;
  }

  status(): SyncStatus {
    const waiting = [...this.outboxes.values()].reduce((n, o) => n + o.events.length, 0);
    const state = !this.connected
      ? this.problem === null
        ? 'connecting'
        : this.problem.code === 'unreachable'
          ? 'offline'
          : 'error'
      : waiting > 0 || this.pulling
        ? 'syncing'
        : 'synced';
    return {
      state,
      consoleId: this.options.consoleId,
      team: this.options.team,
      login: this.login,
      target: this.options.target,
      waiting,
      offlineSince: this.connected ? null : this.offlineSince,
      lastSyncedAt: this.lastSyncedAt,
      problem: this.connected ? null : this.problem,
      skewMs: this.skewMs,
      quarantined: this.quarantined.slice(-QUARANTINE_SHOWN),
      shared: this.state.shared(),
    };
  }

  isShared(incidentId: string): boolean {
    return this.state.isShared(incidentId);
  }

  /**
   * Teammates' events may arrive late (an hour offline) into any open shared incident: its events
   * are read into memory ahead, in the background, so such a re-reduce is done without the disk.
   */
  private readAhead(incidentId: string): void {
    const registry = this.options.registry;
    if (!registry.has(incidentId)) return;
    void registry
      .get(incidentId)
      .then((log) => (log.state && log.state.status !== 'closed' ? log.warmOrder() : undefined))
      .catch(() => undefined);
  }

  /** Shares an incident with the team: its whole journal is pushed, and teammates' events pulled. */
  async share(incidentId: string): Promise<void> {
    if (!this.state.isShared(incidentId)) await this.state.update(incidentId, {});
    this.readAhead(incidentId);
    this.outboxes.delete(incidentId);
    this.dirty.add(incidentId);
    // Counted at once, connected or not: the window says what waits.
    await this.outbox(incidentId).catch(() => null);
    this.kick();
  }

  /** Every committed event passes here (from the engine's stream), in journal order per incident. */
  noteCommitted(events: readonly IncidentEvent[]): void {
    for (const event of events) {
      const id = event.incidentId;
      if (!this.state.isShared(id)) continue;
      this.known.get(id)?.add(event.id);
      const box = this.outboxes.get(id);
      if (!box) continue;
      if (event.seq !== box.upTo + 1) {
        // Not contiguous with what the outbox has read: read it again from the journal.
        this.outboxes.delete(id);
        continue;
      }
      box.upTo = event.seq;
      if (!event.received) box.events.push(event);
    }
    if (events.some((e) => !e.received && this.state.isShared(e.incidentId))) this.kick();
  }

  /** Resolves after one whole pass (push everything, pull every incident) that starts after now. */
  async flushNow(): Promise<void> {
    this.fullPull = true;
    const after = this.passes + 1;
    const done = new Promise<void>((resolve) => this.passWaiters.push({ after, resolve }));
    this.kick();
    await done;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.kick();
    await this.loop;
    await this.options.port.close();
    for (const w of this.passWaiters) w.resolve();
    this.passWaiters = [];
  }

  private kickSoon(): void {
    setTimeout(() => this.kick(), 50).unref?.();
  }

  private kick(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = null;
    this.woken = false;
  }

  private async run(): Promise<void> {
    const heartbeat = this.options.heartbeatMs ?? 10_000;
    const retries = this.options.retryMs ?? [500, 1_000, 2_000, 5_000, 10_000, 15_000];
    let lastFull = 0;
    // Count what waits before the first connection: an offline start still says "12 waiting".
    await this.readOutboxes();
    for (const incidentId of this.state.shared()) this.readAhead(incidentId);
    while (!this.stopped) {
      if (!this.connected) {
        const ok = await this.connect();
        if (!ok) {
          // Incidents shared while offline: their events wait too, and the window says how many.
          await this.readOutboxes();
          // A failed attempt ends a pass too: whoever waits for one hears that it could not sync.
          this.finishPass(true);
          await this.sleep(retries[Math.min(this.attempts - 1, retries.length - 1)]!);
          continue;
        }
        this.fullPull = true;
      }
      const full = this.fullPull || this.options.now() - lastFull >= heartbeat;
      try {
        await this.pushAll();
        if (full) {
          this.fullPull = false;
          lastFull = this.options.now();
        }
        await this.pull(full);
        await this.pushAll();
        this.lastSyncedAt = this.options.now();
        this.finishPass(full);
      } catch (error) {
        if (error instanceof SyncStop) this.lose(error.code, error.message);
        else {
          console.error('team sync pass failed:', error);
          this.lose('failed', `Sync stopped on an unexpected error: ${(error as Error).message}`);
        }
        this.finishPass(true);
        continue;
      }
      if (!this.stopped) await this.sleep(Math.max(50, heartbeat - (this.options.now() - lastFull)));
    }
  }

  private async readOutboxes(): Promise<void> {
    for (const incidentId of this.state.shared()) {
      if (!this.outboxes.has(incidentId)) await this.outbox(incidentId).catch(() => null);
    }
  }

  private finishPass(full: boolean): void {
    if (!full) return;
    this.passes += 1;
    const ready = this.passWaiters.filter((w) => w.after <= this.passes);
    this.passWaiters = this.passWaiters.filter((w) => w.after > this.passes);
    for (const w of ready) w.resolve();
  }

  private async connect(): Promise<boolean> {
    const port = this.options.port;
    this.attempts += 1;
    await port.close();
    const session = await port.connect();
    if (!session.ok) return this.fail(session.error);
    const listening = await port.listen(
      (incidentId) => {
        this.dirty.add(incidentId);
        this.kick();
      },
      (message) => {
        // The listening connection died: reconnect (and pull everything) on the next pass.
        if (this.connected) this.lose('unreachable', `The connection to the team database was lost (${message}).`);
        this.kick();
      },
    );
    if (!listening.ok) return this.fail(listening.error);
    this.login = session.value.login;
    const skew = this.options.now() - session.value.serverNow;
    this.skewMs = Math.abs(skew) > SKEW_WARNING_MS ? skew : null;
    this.connected = true;
    this.problem = null;
    this.offlineSince = null;
    this.attempts = 0;
    return true;
  }

  private fail(error: { code: SyncProblem; message: string }): false {
    this.lose(error.code, error.message);
    return false;
  }

  private lose(code: SyncProblem, message: string): void {
    if (this.connected || this.offlineSince === null) this.offlineSince = this.options.now();
    this.connected = false;
    this.problem = { code, message };
  }

  private need<T>(result: SyncResult<T>): T {
    if (!result.ok) throw new SyncStop(result.error.code, result.error.message);
    return result.value;
  }

  // ---- push -------------------------------------------------------------------------------

  private async pushAll(): Promise<void> {
    for (const incidentId of this.state.shared()) {
      if (this.stopped) return;
      const box = await this.outbox(incidentId);
      if (!box) {
        // Read while events were being accepted: try again on the next pass.
        if (this.state.progress(incidentId) && this.options.registry.has(incidentId)) this.kickSoon();
        continue;
      }
      while (box.events.length > 0) {
        const batch = box.events.slice(0, BATCH);
        // A file goes up before the event that names it: whoever sees the event can fetch it.
        await this.pushFiles(incidentId, batch);
        this.need(
          await this.options.port.push(
            batch.map((event) => ({
              id: event.id,
              incidentId: event.incidentId,
              hlc: event.hlc,
              consoleId: this.options.consoleId,
              body: wireBody(event),
            })),
          ),
        );
        box.events.splice(0, batch.length);
        const pushed = box.events.length === 0 ? box.upTo : box.events[0]!.seq - 1;
        box.from = pushed;
        await this.state.update(incidentId, { pushedSeq: pushed });
      }
      if ((this.state.progress(incidentId)?.pushedSeq ?? 0) < box.upTo) {
        // Only events that came from the database were left: nothing to send, just move on.
        box.from = box.upTo;
        await this.state.update(incidentId, { pushedSeq: box.upTo });
      }
    }
  }

  /** Uploads the files the batch's attachments name that the team's store does not hold yet. */
  private async pushFiles(incidentId: string, batch: readonly IncidentEvent[]): Promise<void> {
    const hashes = new Set<string>();
    for (const event of batch) if (event.type === 'artefact.attached' && !this.filesUp.has(event.payload.hash)) hashes.add(event.payload.hash);
    if (hashes.size === 0) return;
    const port = this.options.port;
    for (const hash of this.need(await port.hasFiles([...hashes]))) {
      this.filesUp.add(hash);
      hashes.delete(hash);
    }
    if (hashes.size === 0) return;
    const store = new ArtefactStore((await this.options.registry.get(incidentId)).dir);
    for (const hash of hashes) {
      const bytes = await store.get(hash);
      if (bytes === null) {
        // Removed or damaged here after it was attached: the event still goes, and teammates
        // are told the file never reached the team. Holding the whole incident back would lose more.
        console.warn(`team sync: the file ${hash} of an artefact in ${incidentId} is not on this console; its event is pushed without it`);
        continue;
      }
      this.need(await port.putFile(hash, bytes));
      this.filesUp.add(hash);
    }
  }

  /**
   * An artefact file from the team's store, for a window that opens one this console does not
   * hold. Untrusted: the caller checks the bytes against the event that names them.
   */
  fetchFile(hash: string): Promise<SyncResult<Uint8Array | null>> {
    if (!this.connected) {
      const why = this.problem?.message ?? 'Connecting to the team database.';
      return Promise.resolve({ ok: false, error: { code: this.problem?.code ?? 'unreachable', message: why } });
    }
    let flight = this.fetching.get(hash);
    if (!flight) {
      flight = this.options.port.getFile(hash).finally(() => this.fetching.delete(hash));
      this.fetching.set(hash, flight);
    }
    return flight;
  }

  /** The incident's outbox, read from its journal after `pushedSeq` when not held in memory. */
  private async outbox(incidentId: string): Promise<Outbox | null> {
    const progress = this.state.progress(incidentId);
    if (!progress || !this.options.registry.has(incidentId)) return null;
    const held = this.outboxes.get(incidentId);
    if (held) return held;
    // A closed incident left as its summary wrote nothing since: with all of it pushed, no need to open it.
    const summary = this.options.registry.unopened(incidentId);
    if (summary && summary.journalSeq <= progress.pushedSeq) return { from: progress.pushedSeq, upTo: progress.pushedSeq, events: [] };
    const log = await this.options.registry.get(incidentId);
    const bytes = await log.readJournal();
    const scan = scanJournal(bytes, log.journalPath, 0, false, null);
    // Something accepted while the journal was read would be missed: read again next time.
    if (log.nextSeq - 1 !== scan.lastSeq) return null;
    const events = scan.events.filter((e) => e.seq > progress.pushedSeq && !e.received);
    const box: Outbox = { from: progress.pushedSeq, upTo: scan.lastSeq, events };
    this.outboxes.set(incidentId, box);
    return box;
  }

  // ---- pull -------------------------------------------------------------------------------

  private async pull(full: boolean): Promise<void> {
    const port = this.options.port;
    const wanted = new Map<string, number>();
    if (full) {
      for (const head of this.need(await port.heads())) {
        const cursor = this.state.progress(head.incidentId)?.cursor ?? 0;
        if (head.head > cursor || !this.options.registry.has(head.incidentId)) wanted.set(head.incidentId, head.head);
      }
    }
    for (const id of this.dirty) wanted.set(id, Number.MAX_SAFE_INTEGER);
    this.dirty.clear();
    if (wanted.size === 0) return;
    this.pulling = true;
    try {
      for (const incidentId of wanted.keys()) {
        if (this.stopped) return;
        await this.pullIncident(incidentId);
      }
    } finally {
      this.pulling = false;
    }
  }

  private async pullIncident(incidentId: string): Promise<void> {
    for (;;) {
      const cursor = this.state.progress(incidentId)?.cursor ?? 0;
      const rows = this.need(await this.options.port.pull(incidentId, cursor, BATCH));
      if (rows.length === 0) return;
      const last = rows.at(-1)!.serverSeq;
      const admitted: Array<{ row: PulledRow; event: IncidentEvent }> = [];
      for (const row of rows) {
        const checked = admitRow(row);
        if (checked.ok) admitted.push({ row, event: checked.event });
        else await this.quarantine(row, checked.reason);
      }
      await this.take(incidentId, admitted);
      await this.state.update(incidentId, { cursor: last });
      if (rows.length < BATCH) return;
    }
  }

  /** Commits what passed the gate and is not here yet, creating the incident from its opening if need be. */
  private async take(incidentId: string, admitted: Array<{ row: PulledRow; event: IncidentEvent }>): Promise<void> {
    if (admitted.length === 0) return;
    const registry = this.options.registry;
    const now = this.options.now();
    await registry.exclusive(incidentId, async () => {
      const heldId = registry.heldId(incidentId);
      if (heldId !== null && heldId !== incidentId) {
        for (const { row } of admitted) await this.quarantine(row, `an incident ${heldId} is already here; ids that differ only in case are one incident`);
        return;
      }
      let log: IncidentLog;
      let known: Set<string>;
      if (heldId === null) {
        const opening = admitted.map((a) => a.event).filter((e) => e.type === 'incident.declared' || e.type === 'incident.detected').sort(compareEvents)[0];
        if (!opening) {
          for (const { row } of admitted) await this.quarantine(row, 'the incident is not on this console and these rows do not open it');
          return;
        }
        log = await registry.create(incidentId);
        known = new Set();
        this.known.set(incidentId, known);
        // Opening first, so the journal's first record is the incident's opening, as everywhere.
        admitted.sort((a, b) => (a.event === opening ? -1 : b.event === opening ? 1 : 0));
      } else {
        log = await registry.get(incidentId);
        known = await this.knownIds(incidentId, log);
      }
      const fresh: NewEvent[] = [];
      for (const { row, event } of admitted) {
        if (known.has(event.id)) continue;
        known.add(event.id);
        const { seq: _seq, ...rest } = event;
        fresh.push({ ...rest, received: { serverSeq: row.serverSeq, uploadedBy: row.uploadedBy, at: now } } as NewEvent);
      }
      if (fresh.length === 0) return;
      try {
        await log.commit(fresh);
      } catch (error) {
        for (const e of fresh) known.delete(e.id);
        if (heldId === null) registry.discard(incidentId);
        throw error;
      }
      if (!this.state.isShared(incidentId)) {
        await this.state.update(incidentId, {});
        this.readAhead(incidentId);
      }
    });
  }

  private async knownIds(incidentId: string, log: IncidentLog): Promise<Set<string>> {
    let known = this.known.get(incidentId);
    if (!known) {
      // Held before the journal is read: an event committed while it is read (announced after
      // the read) is added by noteCommitted, so it is not taken for new when it comes back.
      known = new Set<string>();
      this.known.set(incidentId, known);
      try {
        for (const id of await log.eventIds()) known.add(id);
      } catch (error) {
        this.known.delete(incidentId);
        throw error;
      }
    }
    return known;
  }

  private async quarantine(row: PulledRow, reason: string): Promise<void> {
    const entry: QuarantinedEvent = {
      incidentId: row.incidentId,
      eventId: row.id,
      serverSeq: row.serverSeq,
      uploadedBy: row.uploadedBy,
      reason,
      at: this.options.now(),
    };
    this.quarantined.push(entry);
    if (this.quarantined.length > QUARANTINE_SHOWN * 2) this.quarantined.splice(0, QUARANTINE_SHOWN);
    await this.state.quarantine(entry, row.body);
  }
}

/** The event as it travels: without this console's journal position or receipt. */
export function wireBody(event: IncidentEvent): Record<string, unknown> {
  const { seq: _seq, received: _received, ...rest } = event;
  return rest as Record<string, unknown>;
}
