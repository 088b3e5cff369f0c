import type { EventDraft } from '../../../shared/domain/events';
import type { IncidentState } from '../../../shared/domain/incident';
import { drillTimeAt, wallTimeFor } from '../../../shared/drills/clock';
import { skipReason } from '../../../shared/drills/conditions';
import { drillAlert } from '../../../shared/drills/inject-alert';
import type { Inject } from '../../../shared/drills/types';
import { commitEvents, nowFor, type HandlerContext } from '../handlers/context';
import { drillAlertDrafts, inIntakeOrder } from '../intake/ingest';
import type { IncidentLog } from '../journal/incident-log';

export const FACILITATOR_ACTOR = 'Drill facilitator';
const MINUTE = 60_000;

/**
 * Plays a drill's script on the drill's clock. Only the facilitator's console makes injects, so a
 * shared drill gets each one once; the others see them arrive through sync.
 */
export class DrillRunner {
  constructor(
    private readonly ctx: () => HandlerContext,
    readonly consoleId: string,
  ) {}

  /** Fires every inject now due; answers the wall time of the next one (null: none left, paused, or not ours). */
  async check(log: IncidentLog, wall: number): Promise<number | null> {
    for (;;) {
      const state = log.state;
      const drill = state?.drill;
      if (!state || !drill || drill.endedAt !== null || drill.facilitatorConsole !== this.consoleId) return null;
      const next = pendingInjects(state)[0];
      if (!next) return null;
      const due = drill.startedAt + next.atMinute * MINUTE;
      if (due > drillTimeAt(drill.clock, wall)) return wallTimeFor(drill.clock, due);
      await this.fire(log, next, false);
      // Nothing recorded (the drill ended meanwhile): stop rather than try the same inject forever.
      if (pendingInjects(log.state ?? state)[0]?.id === next.id) return null;
    }
  }

  /** One inject now: by the script, or by the facilitator's hand (conditions are then the facilitator's call). */
  async fire(log: IncidentLog, inject: Inject, manual: boolean): Promise<void> {
    const ctx = this.ctx();
    await inIntakeOrder(ctx, async () => {
      const state = log.state;
      if (!state?.drill || state.drill.endedAt !== null) return;
      const reason = manual ? null : skipReason(state, inject.when);
      const drafts: EventDraft[] = reason
        ? [{ type: 'drill.injectSkipped', payload: { injectId: inject.id, reason } }]
        : [
            { type: 'drill.injected', payload: { injectId: inject.id, kind: inject.kind, text: inject.text, from: inject.from ?? '', manual } },
            ...(inject.alert ? drillAlertDrafts(state, [drillAlert(state.id, inject.alert, inject.text, nowFor(ctx, state))]) : []),
          ];
      await commitEvents(ctx, log, state.id, drafts, FACILITATOR_ACTOR);
    });
  }
}

/** Injects not yet fired or skipped, in script order. */
export function pendingInjects(state: IncidentState): Inject[] {
  const drill = state.drill;
  if (!drill) return [];
  return drill.scenario.injects
    .filter((i) => !drill.fired.includes(i.id) && !drill.skipped.includes(i.id))
    .sort((a, b) => a.atMinute - b.atMinute);
}
