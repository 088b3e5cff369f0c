import type { CommandAck, IncidentView, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { EventDraft } from '../../../shared/domain/events';
import type { DetectionSource, Severity } from '../../../shared/domain/incident';
import { isKnownOperator } from '../../../shared/domain/operator';
import { drillTimeAt } from '../../../shared/drills/clock';
import { drillAlert } from '../../../shared/drills/inject-alert';
import type { DrillSpeed } from '../../../shared/drills/types';
import { mapSeverity } from '../../../shared/intake/triage';
import { commitEvents, type HandlerContext, viewOf } from '../handlers/context';
import { newIncidentId } from '../ids';
import { pendingInjects } from './drill-runner';
import { loadScenario } from './scenarios';

const DETECTED_BY: Record<string, DetectionSource> = { alert: 'alert', 'customer-report': 'customer-report' };

/**
 * A drill is a real incident, marked: opened as a detection from the scenario's first inject, on
 * a clock of its own that starts now. The script's injects follow (the scheduler plays them).
 */
export async function startDrill(ctx: HandlerContext, input: ParsedInput<'drill.start'>): Promise<IncidentView> {
  const facilitator = ctx.actor();
  if (!isKnownOperator(facilitator)) throw new CommandFailure('CONFLICT', 'Say who you are first: the facilitator is named on the drill and in its debrief.');
  const scenario = loadScenario(input.scenario);
  const wall = ctx.now();
  const first = [...scenario.injects].sort((a, b) => a.atMinute - b.atMinute)[0]!;
  const firstAlert = first.alert ? drillAlert('opening', first.alert, first.text, wall) : null;
  const severity: Severity = firstAlert ? mapSeverity(firstAlert, ctx.settings.read().alertSeverityRules) : 'SEV3';
  let incidentId = newIncidentId(wall);
  while (ctx.registry.has(incidentId)) incidentId = newIncidentId(wall);
  const log = await ctx.registry.create(incidentId);
  const opening: EventDraft = {
    type: 'incident.detected',
    payload: {
      title: `DRILL: ${scenario.name}`.slice(0, 200),
      severity,
      detectionSource: DETECTED_BY[first.kind] ?? 'internal',
      summary: `Practice incident (scenario “${scenario.name}”). Services: ${scenario.services.join(', ')}.`,
      impactStartedAt: firstAlert?.startsAt ?? null,
      detectedAt: null,
      drill: { scenario, facilitator, ...(input.team ? { team: input.team } : {}), facilitatorConsole: ctx.drills.consoleId, speed: input.speed as DrillSpeed, wallAt: wall },
    },
  };
  try {
    await commitEvents(ctx, log, incidentId, [opening]);
  } catch (error) {
    ctx.registry.discard(incidentId);
    throw error;
  }
  if (ctx.sync.on && input.share !== false) await ctx.sync.share(incidentId);
  // The injects due at T+0 land before the facilitator's window opens the drill.
  await ctx.drills.check(log, ctx.now());
  return viewOf(log, ctx.sync.isShared(incidentId));
}

/** Pause, resume, change speed or end: only on the facilitator's console, which keeps the script. */
export async function controlDrill(ctx: HandlerContext, input: ParsedInput<'drill.control'>): Promise<CommandAck> {
  const { log, drill } = await facilitated(ctx, input.incidentId);
  const wall = ctx.now();
  const drillAt = drillTimeAt(drill.clock, wall);
  const speed = (input.speed ?? drill.clock.speed) as DrillSpeed;
  if (input.action === 'pause' && drill.clock.paused) throw new CommandFailure('CONFLICT', 'The drill is already paused.');
  if (input.action === 'resume' && !drill.clock.paused) throw new CommandFailure('CONFLICT', 'The drill is already running.');
  if (input.action === 'speed' && input.speed === undefined) throw new CommandFailure('INVALID_INPUT', 'Say the new speed: 1, 2 or 5.');
  const events = await commitEvents(ctx, log, input.incidentId, [{ type: 'drill.clockSet', payload: { action: input.action, speed, wallAt: wall, drillAt } }]);
  return { incidentId: input.incidentId, seq: events.at(-1)!.seq };
}

/** The facilitator fires an inject by hand, now, whatever its time or condition. */
export async function injectNow(ctx: HandlerContext, input: ParsedInput<'drill.inject'>): Promise<CommandAck> {
  const { log, drill } = await facilitated(ctx, input.incidentId);
  const inject = drill.scenario.injects.find((i) => i.id === input.injectId);
  if (!inject) throw new CommandFailure('NOT_FOUND', `The scenario has no inject “${input.injectId}”.`);
  if (!pendingInjects(log.state!).some((i) => i.id === inject.id)) throw new CommandFailure('CONFLICT', `“${inject.id}” has already been fired or skipped.`);
  await ctx.drills.fire(log, inject, true);
  return { incidentId: input.incidentId, seq: log.state!.lastSeq };
}

async function facilitated(ctx: HandlerContext, incidentId: string) {
  const log = await ctx.registry.get(incidentId);
  const drill = log.state?.drill;
  if (!log.state) throw new CommandFailure('NOT_FOUND', `No incident ${incidentId} on this machine.`);
  if (!drill) throw new CommandFailure('CONFLICT', `${incidentId} is a live incident, not a drill.`);
  if (drill.endedAt !== null) throw new CommandFailure('CONFLICT', 'The drill has ended.');
  if (drill.facilitatorConsole !== ctx.drills.consoleId) {
    throw new CommandFailure('CONFLICT', `Only the facilitator's console (${drill.facilitator}) runs this drill's clock and injects.`);
  }
  return { log, drill };
}
