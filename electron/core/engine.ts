import type { z } from 'zod';
import {
  type CommandName,
  type CommandResult,
  type ParsedInput,
  commands,
  describeContract,
  isCommandName,
} from '../../shared/contract/contract';
import { CommandFailure, fail, ok, type Result } from '../../shared/contract/result';
import type { IncidentEvent } from '../../shared/domain/events';
import { UNKNOWN_OPERATOR } from '../../shared/domain/operator';
import type { Engine, EngineOptions } from './engine-types';
import { commitEvents, type HandlerContext } from './handlers/context';
import * as change from './handlers/change-handlers';
import * as sync from './handlers/sync-handlers';
import { attachDetection } from './intake/attach';
import { IntakeControl } from './intake/intake-control';
import { IntakeEndpointControl } from './intake/endpoint-control';
import { reportAvailability, reportResponders } from './handlers/cost-handlers';
import { attachFile, readArtefact } from './artefacts/artefact-handlers';
import { DrillRunner } from './drills/drill-runner';
import { controlDrill, injectNow, startDrill } from './drills/drill-handlers';
import { checkScenario, drillDebrief, drillHistory, listScenarios } from './drills/debrief-handlers';
import { takeIn } from './intake/take-in';
import { exportBundle, exportScribeLog, printPostmortem, importFile } from './handlers/bundle-handlers';
import { composeUpdate, exportUpdate } from './handlers/draft-handlers';
import { reportMetrics } from './handlers/review-handlers';
import { incidentWindow, timelineFacets, timelinePage } from './handlers/timeline-handlers';
import { noteTimelineEdits } from './timeline/timeline-index';
import { declareIncident, detectIncident, getIncident, listIncidents, recoverJournal } from './handlers/incident-handlers';
import { getSettings, removeRosterPerson, saveRosterPerson, updateSettings } from './handlers/settings-handlers';
import { ensurePrivateDir } from './fs/private';
import { HybridClock } from '../../shared/domain/hlc';
import { loadConsoleId } from './console-id';
import { IncidentRegistry } from './incident-registry';
import { ENGINE_ACTOR } from './sync/remote-gate';
import { SyncControl } from './sync/sync-control';
import { Scheduler } from './scheduler';
import { createConfSettings } from './settings/conf-settings';
import { wakeAfterChange } from './wake-after-change';

export type { Engine, EngineOptions } from './engine-types';

/** Written as the actor of events the engine makes itself: fired deadlines, escalation pages. */
export const SYSTEM_ACTOR = ENGINE_ACTOR;

/** The least time between two deadline checks that changes ask for. */
const WAKE_GAP_MS = 10;

type Handlers = {
  [K in CommandName]: (ctx: HandlerContext, input: ParsedInput<K>) => CommandResult<K> | Promise<CommandResult<K>>;
};

const handlers: Handlers = {
  'incident.declare': declareIncident,
  'incident.list': listIncidents,
  'incident.get': getIncident,
  'incident.window': incidentWindow,
  'timeline.page': timelinePage,
  'timeline.facets': timelineFacets,
  'incident.detect': detectIncident,
  'incident.promote': change.promoteIncident,
  'incident.dismiss': change.dismissIncident,
  'incident.attach': attachDetection,
  'incident.setStatus': change.setStatus,
  'incident.setSeverity': change.setSeverity,
  'incident.setTime': change.setTime,
  'incident.update': change.updateIncident,
  'role.assign': change.assignRole,
  'role.handoff': change.handOffRole,
  'role.release': change.releaseRole,
  'responder.add': change.addResponder,
  'responder.remove': change.removeResponder,
  'workstream.open': change.openWorkstream,
  'workstream.update': change.updateWorkstream,
  'timeline.log': change.logEntry,
  'timeline.amend': change.amendEntry,
  'timeline.strike': change.strikeEntry,
  'timeline.pin': change.pinEntry,
  'cadence.set': change.setCadence,
  'escalation.acknowledge': change.acknowledge,
  'escalation.page': change.pageExpert,
  'update.compose': composeUpdate,
  'update.approve': change.approveUpdate,
  'update.send': change.sendUpdate,
  'update.export': exportUpdate,
  'postmortem.update': change.editPostMortem,
  'action.add': change.addAction,
  'action.update': change.updateAction,
  'bundle.export': exportBundle,
  'postmortem.print': printPostmortem,
  'scribe.export': exportScribeLog,
  'bundle.import': importFile,
  'metrics.report': reportMetrics,
  'journal.recover': recoverJournal,
  'settings.get': getSettings,
  'settings.notices': (ctx) => {
    const notice = ctx.settings.notice();
    return notice ? [notice] : [];
  },
  'settings.update': updateSettings,
  'roster.save': saveRosterPerson,
  'roster.remove': removeRosterPerson,
  'sync.status': sync.syncStatus,
  'sync.settings': sync.syncSettings,
  'sync.configure': sync.configureSync,
  'sync.test': sync.testSync,
  'incident.share': sync.shareIncident,
  'conflict.settle': sync.settleConflict,
  'intake.sources': (ctx) => ctx.intake.view(),
  'intake.configurePull': (ctx, input) => ctx.intake.configurePull(input),
  'intake.endpoint': (ctx) => ctx.endpoint.view(),
  'intake.rotateToken': (ctx) => ctx.endpoint.rotate(),
  'intake.listen': (ctx, input) => ctx.endpoint.setListen(input.address),
  'alerts.silence': async (ctx, input) => ({ silences: await ctx.intake.silence(input.incidentId, input.hours) }),
  'metrics.availability': reportAvailability,
  'metrics.responders': reportResponders,
  'drill.start': startDrill,
  'drill.control': controlDrill,
  'drill.inject': injectNow,
  'drill.scenarios': listScenarios,
  'drill.checkScenario': checkScenario,
  'drill.debrief': drillDebrief,
  'drill.history': drillHistory,
  'checklist.tick': change.tickChecklist,
  'artefact.attach': attachFile,
  'artefact.get': readArtefact,
  'contract.describe': () => describeContract(),
};

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const now = options.now ?? Date.now;
  await ensurePrivateDir(options.dataDir);
  const listeners = new Set<(event: IncidentEvent) => void>();
  const publish = (events: IncidentEvent[]) => {
    for (const event of events) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error(`event listener failed: ${(error as Error).message}`);
        }
      }
    }
  };
  let scheduler: Scheduler | null = null;
  const wakeSoon = wakeAfterChange(() => void scheduler?.wake(), WAKE_GAP_MS);
  const consoleId = options.consoleId ?? (await loadConsoleId(options.dataDir));
  const clock = new HybridClock(consoleId, now);
  let teamSync: SyncControl | null = null;
  let intakeControl: IntakeControl | null = null;
  const registry = await IncidentRegistry.open(
    options.dataDir,
    now,
    (events) => {
      noteTimelineEdits(events);
      teamSync?.noteCommitted(events);
      intakeControl?.noteCommitted(events);
      publish(events);
      wakeSoon();
    },
    clock,
  );
  teamSync = new SyncControl(options.dataDir, registry, now, consoleId, options.sync ?? null);
  const settings = options.settings ?? createConfSettings(options.dataDir);
  // It polls and silences on the context below, once the engine is open.
  intakeControl = new IntakeControl(options.dataDir, () => ctx);
  const ctx: HandlerContext = {
    registry,
    settings,
    now,
    // Never the OS account: on a shared war-room machine that would sign everyone as "root".
    actor: () => settings.read().operatorName || UNKNOWN_OPERATOR,
    sync: teamSync,
    intake: intakeControl,
    ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
    drills: new DrillRunner(() => ctx, consoleId),
    endpoint: new IntakeEndpointControl(options.dataDir, options.intakeEndpoint, (source, body) => engine.intake(source, body)),
  };
  if (options.scheduler !== false) {
    scheduler = new Scheduler({
      logs: () => registry.opened(),
      now,
      fire: async (log, drafts) => {
        const id = log.state?.id;
        if (id) await commitEvents(ctx, log, id, drafts, SYSTEM_ACTOR);
      },
      drills: (log, wall) => ctx.drills.check(log, wall),
    });
    // Deadlines that passed while the app was closed fire now, once.
    await scheduler.wake();
  }
  // Sync starts after the journals are open; it never holds up local work.
  await teamSync.start();
  await ctx.intake.start();
  let closed = false;

  const engine: Engine = {
    async dispatch(command, input) {
      if (closed) return fail('UNAVAILABLE', 'The engine is shutting down.');
      return run(ctx, command, input);
    },
    wake() {
      return scheduler?.wake() ?? Promise.resolve();
    },
    async intake(source, body) {
      if (closed) return fail('UNAVAILABLE', 'The engine is shutting down.');
      try {
        return ok(await takeIn(ctx, source, body));
      } catch (error) {
        if (error instanceof CommandFailure) return fail(error.code, error.message);
        console.error('intake failed:', error);
        return fail('INTERNAL', `The intake failed inside the engine: ${(error as Error).message ?? String(error)}`);
      }
    },
    syncNow() {
      return teamSync?.flush() ?? Promise.resolve();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      await ctx.endpoint.stop();
      await ctx.intake.stop();
      await teamSync?.stop();
      await scheduler?.stop();
      await registry.close();
    },
  };
  // Last: from here on an address other machines reach may hand it alerts.
  await ctx.endpoint.start();
  return engine;
}

async function run(ctx: HandlerContext, command: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isCommandName(command)) {
    return fail('UNKNOWN_COMMAND', `Unknown command ${describeValue(command)}. Ask contract.describe for the list.`);
  }
  const schema: z.ZodType = commands[command].input;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (!parsed.success) {
    const tooBig = parsed.error.issues.some((issue) => issue.code === 'too_big');
    return fail(tooBig ? 'TOO_LARGE' : 'INVALID_INPUT', `${command}: ${formatIssues(parsed.error.issues)}`);
  }
  try {
    const handler = handlers[command] as (ctx: HandlerContext, input: unknown) => unknown;
    return ok(await handler(ctx, parsed.data));
  } catch (error) {
    if (error instanceof CommandFailure) return fail(error.code, error.message);
    console.error(`${command} failed:`, error);
    return fail('INTERNAL', `${command} failed inside the engine: ${(error as Error).message ?? String(error)}`);
  }
}

/** At most five issues of at most 200 characters each: a message never grows with the input. */
function formatIssues(issues: z.core.$ZodIssue[]): string {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return issues
    .slice(0, 5)
    .map((issue) => clip(issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message, 200))
    .join('; ');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return `of type ${value === null ? 'null' : typeof value}`;
}
