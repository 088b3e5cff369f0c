import type { ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentEvent } from '../../../shared/domain/events';
import { compareEvents } from '../../../shared/domain/merge';
import { BUILTIN_SCENARIOS } from '../../../shared/drills/builtin';
import { type Debrief, debrief } from '../../../shared/drills/debrief';
import { type HistorySeries, historyByPerson, historyByTeam } from '../../../shared/drills/debrief-history';
import type { Scenario } from '../../../shared/drills/types';
import type { HandlerContext } from '../handlers/context';
import { checkRecord } from '../journal/record';
import type { IncidentLog } from '../journal/incident-log';
import { loadScenario } from './scenarios';

export function listScenarios(): Scenario[] {
  return BUILTIN_SCENARIOS;
}

/** A scenario file checked before a drill starts from it, so the facilitator sees what it will play. */
export function checkScenario(_ctx: HandlerContext, input: ParsedInput<'drill.checkScenario'>): Scenario {
  return loadScenario(input);
}

/** The drill's score, computed from what the team actually did: its journal, in order. */
export async function drillDebrief(ctx: HandlerContext, input: ParsedInput<'drill.debrief'>): Promise<Debrief> {
  const log = await ctx.registry.get(input.incidentId);
  if (!log.state) throw new CommandFailure('NOT_FOUND', `No incident ${input.incidentId} on this machine.`);
  if (!log.state.drill) throw new CommandFailure('CONFLICT', `${input.incidentId} is a live incident: only drills are scored.`);
  if (log.integrity.status === 'corrupt') throw new CommandFailure('JOURNAL_CORRUPT', 'The journal of this drill is damaged; recover it before scoring.');
  return debrief(await orderedEvents(log), ctx.settings.read());
}

/** Every drill's debrief, charted per team and per person over time. */
export async function drillHistory(ctx: HandlerContext): Promise<{ teams: HistorySeries[]; people: HistorySeries[]; drills: number }> {
  const entries = [];
  // Drills closed and not open are opened for the reading only.
  for (const card of ctx.registry.cardsOfAll()) {
    if (!card.drill || card.integrity.status === 'corrupt') continue;
    const entry = await ctx.registry.visit(card.id, async (log) => {
      const drill = log.state?.drill;
      if (!drill || log.integrity.status === 'corrupt') return null;
      return { debrief: debrief(await orderedEvents(log), ctx.settings.read()), team: drill.team };
    });
    if (entry) entries.push(entry);
  }
  return { teams: historyByTeam(entries), people: historyByPerson(entries), drills: entries.length };
}

async function orderedEvents(log: IncidentLog): Promise<IncidentEvent[]> {
  const journal = await log.readJournal();
  const events: IncidentEvent[] = [];
  for (let start = 0; start < journal.length; ) {
    let nl = journal.indexOf(0x0a, start);
    if (nl === -1) nl = journal.length;
    const checked = nl > start ? checkRecord(journal.subarray(start, nl)) : null;
    if (checked?.ok) events.push(JSON.parse(checked.body.toString('utf8')) as IncidentEvent);
    start = nl + 1;
  }
  return events.sort(compareEvents);
}
