import type { EventDraft, IncidentEvent, NewEvent } from '../../../shared/domain/events';
import type { IncidentView } from '../../../shared/contract/contract';
import type { IncidentState } from '../../../shared/domain/incident';
import type { IncidentRegistry } from '../incident-registry';
import type { IncidentLog } from '../journal/incident-log';
import type { SettingsStore } from '../settings/settings-store';
import { newEventId } from '../ids';
import { incidentNow } from '../../../shared/drills/clock';
import type { SyncControl } from '../sync/sync-control';
import type { IntakeControl } from '../intake/intake-control';

export interface HandlerContext {
  registry: IncidentRegistry;
  settings: SettingsStore;
  now: () => number;
  /** Who is making the change, written on every event. */
  actor: () => string;
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** Team sync: off (and answering so) unless the host gave a database adapter and it is configured. */
  sync: SyncControl;
  /** Alert sources the engine follows itself (an Alertmanager's API). */
  intake: IntakeControl;
  /** Plays drills' scripts (on the facilitator's console) and knows this console's id. */
  drills: import('../drills/drill-runner').DrillRunner;
  /** The webhook intake its host serves (if any), its token and its intake-only address. */
  endpoint: import('../intake/endpoint-control').IntakeEndpointControl;
}


/** "Now" for this incident: the drill's clock for a drill, the wall for a live incident. */
export function nowFor(ctx: HandlerContext, state: IncidentState | null): number {
  return incidentNow(state?.drill, ctx.now());
}

/** Gives drafted events their id, time and author (a drill's events carry drill time); the journal gives their place and commits them durably. */
export async function commitEvents(
  ctx: HandlerContext,
  log: IncidentLog,
  incidentId: string,
  drafts: EventDraft[],
  actor = ctx.actor(),
): Promise<IncidentEvent[]> {
  const at = incidentNow(log.state?.drill, ctx.now());
  return log.commit(drafts.map((draft) => ({ ...draft, id: newEventId(), incidentId, at, actor }) as NewEvent));
}

/** A copy a caller may keep: the log's own state goes on changing in place. */
export function viewOf(log: IncidentLog, shared = false): IncidentView {
  const state = log.state;
  if (!state) throw new Error(`incident in ${log.dir} has no state`);
  return { ...copyOf(state), timeline: state.timeline.slice(), integrity: log.integrity, shared };
}

/** The same copy without the timeline, for a window that asks for the timeline page by page. */
export function viewWithoutTimeline(log: IncidentLog, shared = false): IncidentView {
  const state = log.state;
  if (!state) throw new Error(`incident in ${log.dir} has no state`);
  return { ...copyOf(state), timeline: [], integrity: log.integrity, shared };
}

function copyOf(state: IncidentState): IncidentState {
  return {
    ...state,
    timestamps: { ...state.timestamps },
    roles: { ...state.roles },
    responders: [...state.responders],
    roleHistory: state.roleHistory.map((s) => ({ ...s })),
    workstreams: [...state.workstreams],
    tags: [...state.tags],
  };
}
