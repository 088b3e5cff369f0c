import type { ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentState } from '../../../shared/domain/incident';
import type { Settings } from '../../../shared/domain/settings';
import { availability, availabilitySeries, dailyPoints, serviceResponseTimes } from '../../../shared/metrics/availability';
import { stintsByPerson, stintsOf } from '../../../shared/metrics/responder-stints';
import { hoursByWeek, incidentsWorked, longStretches, outsideOf, recoveryNotes, timeOnIncidents } from '../../../shared/metrics/responder-toll';
import { spanLength } from '../../../shared/metrics/spans';
import { zoneOf } from '../../../shared/time/zone';
import type { ResponderToll, ServiceAvailability } from '../../../shared/metrics/cost-report';
import type { HandlerContext } from './context';

const DAY = 86_400_000;

/** Every catalogued service against its objective: impact from start to mitigation, overlapping incidents counted once. */
export function reportAvailability(ctx: HandlerContext, input: ParsedInput<'metrics.availability'>): { services: ServiceAvailability[] } {
  const settings = ctx.settings.read();
  const now = ctx.now();
  const incidents = ctx.registry.cardsOfAll();
  const options = { includeDrills: input.includeDrills ?? false };
  return {
    services: settings.services.map((objective) => {
      const to = Math.min(input.to ?? now, now);
      const from = input.from ?? to - objective.windowDays * DAY;
      return {
        now: availability(incidents, objective, { from, to }, now, options),
        series: availabilitySeries(incidents, objective, dailyPoints({ from, to }, zoneOf(settings)), now, options),
        responseTimes: serviceResponseTimes(incidents, objective.name, options),
      };
    }),
  };
}

/** The settings, when the leads turned the responder figures on here; refused (CONFLICT) otherwise, saying `then`. */
export function responderTollOn(ctx: HandlerContext, then: string): Settings {
  const settings = ctx.settings.read();
  if (!settings.showResponderToll) throw new CommandFailure('CONFLICT', `Responder figures are for the team's leads and are off on this console: ${then}`);
  return settings;
}

/**
 * What incidents cost the people who worked them — for the team's leads, so only when Settings
 * turns it on; in a bundle only when asked (see `bundle.export`). Drills are practice and are left out.
 */
export async function reportResponders(ctx: HandlerContext, input: ParsedInput<'metrics.responders'>): Promise<{ people: ResponderToll[]; recovery: Array<{ incidentId: string; title: string; notes: string[] }> }> {
  const settings = responderTollOn(ctx, 'turn them on in Settings → Roster.');
  const now = ctx.now();
  const zone = zoneOf(settings);
  const states = await liveStates(ctx);
  const within = (t: number) => (input.from == null || t >= input.from) && (input.to == null || t < input.to);
  const stints = states.flatMap(stintsOf).filter((s) => within(s.from));
  const hoursOf = new Map(settings.roster.map((p) => [p.name.trim().toLowerCase(), p.workingHours]));
  const people = stintsByPerson(stints).map(({ name, stints: own }) => {
    const spans = timeOnIncidents(own, now);
    const hours = hoursOf.get(name.trim().toLowerCase());
    return {
      name,
      totalMs: spanLength(spans),
      outsideHoursMs: outsideOf(spans, hours),
      incidents: incidentsWorked(own).length,
      weeks: hoursByWeek(own, hours?.timeZone ?? zone, now),
      longStretches: longStretches(own, now, settings.shiftLimitHours),
    };
  });
  const byName = Object.fromEntries(settings.roster.map((p) => [p.name, p.workingHours]));
  const recovery = states
    .filter((s) => within(s.timestamps.closedAt ?? s.updatedAt))
    .map((s) => ({ incidentId: s.id, title: s.title, notes: recoveryNotes(s, byName, now, settings.shiftLimitHours) }))
    .filter((r) => r.notes.length > 0);
  return { people, recovery };
}

/** The full state of every incident that is not a drill, closed ones opened only for the reading (slow with many). */
async function liveStates(ctx: HandlerContext): Promise<IncidentState[]> {
  const states: IncidentState[] = [];
  for (const card of ctx.registry.cardsOfAll()) {
    if (card.drill) continue;
    const state = await ctx.registry.visit(card.id, (log) => log.state).catch(() => null);
    if (state) states.push(state);
  }
  return states;
}
