import { fireDue, nextDeadlineAt } from '../../shared/domain/deadlines';
import { incidentNow, wallTimeFor } from '../../shared/drills/clock';
import type { EventDraft } from '../../shared/domain/events';
import type { IncidentLog } from './journal/incident-log';

export interface SchedulerDeps {
  logs: () => IncidentLog[];
  now: () => number;
  /** Commits the events that record due deadlines. */
  fire: (log: IncidentLog, drafts: EventDraft[]) => Promise<void>;
  /** Fires a drill's due injects; answers the wall time of its next one (null: none, or paused). */
  drills?: (log: IncidentLog, wall: number) => Promise<number | null>;
  /** The longest the one timer sleeps, so a clock jump or a missed wake is noticed. */
  maxSleepMs?: number;
}

/**
 * One timer for every clock of every incident. Each check computes what is due from the
 * wall-clock timestamps in the state (never from a timer's own count), records it as events,
 * and arms the timer again for the earliest deadline still to come, capped. Checks run at
 * start, after every change, on resume from sleep, and when the timer fires.
 */
export class Scheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private checking: Promise<void> | null = null;
  private pending = false;
  private stopped = false;
  private readonly maxSleepMs: number;

  constructor(private readonly deps: SchedulerDeps) {
    this.maxSleepMs = deps.maxSleepMs ?? 30_000;
  }

  /** Check now (coalesced with a check already under way); resolves once it is done. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.checking) {
      this.pending = true;
      return this.checking;
    }
    this.checking = this.runChecks().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.checking ?? Promise.resolve();
  }

  private async runChecks(): Promise<void> {
    do {
      this.pending = false;
      await this.checkOnce();
    } while (this.pending && !this.stopped);
  }

  private async checkOnce(): Promise<void> {
    const wall = this.deps.now();
    let earliest: number | null = null;
    const soonest = (at: number | null) => {
      if (at !== null && (earliest === null || at < earliest)) earliest = at;
    };
    for (const log of this.deps.logs()) {
      const state = log.state;
      if (!state || log.integrity.status === 'corrupt' || log.failed) continue;
      // A drill's clocks run on the drill's time: its deadlines fall due at its speed.
      const now = incidentNow(state.drill, wall);
      if (state.drill && this.deps.drills) soonest(await this.deps.drills(log, wall));
      const drafts = fireDue(log.state ?? state, now);
      if (drafts.length > 0) {
        try {
          await this.deps.fire(log, drafts);
        } catch (error) {
          console.error(`could not record due deadlines of ${state.id}: ${(error as Error).message}`);
        }
      }
      const after = log.state;
      const next = after ? nextDeadlineAt(after, now) : null;
      soonest(next === null || !after?.drill ? next : after.drill.endedAt !== null ? null : wallTimeFor(after.drill.clock, next));
    }
    this.arm(earliest === null ? this.maxSleepMs : Math.min(Math.max(earliest - this.deps.now(), 0), this.maxSleepMs));
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.wake();
    }, delayMs);
    // The timer alone must not keep a Node process (a test, the host on shutdown) alive.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
