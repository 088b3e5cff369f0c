import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';
import * as alerts from './reduce-alerts';
import * as drills from './reduce-drills';
import { attachArtefact } from './reduce-artefacts';
import * as clocks from './reduce-clocks';
import * as lifecycle from './reduce-lifecycle';
import * as review from './reduce-review';
import * as roles from './reduce-roles';
import * as work from './reduce-work';

/**
 * The one reducer, used by the engine and by every window.
 *
 * It updates `state` in place and returns it: replaying 100 000 events must stay linear, and
 * copying a 100 000-entry timeline on each note would make it quadratic. The holder of a state
 * owns it; views notice changes through `lastSeq`. Timeline entries, workstreams and responders
 * are never mutated, only replaced, so a row drawn from one of them stays correct.
 *
 * Events come in the order of their stamps, then ids (`hlc.ts`); the caller (the incident log,
 * a window) keeps that order, so equal sets of events make equal states on every console.
 *
 * It never throws, for any order of valid events: an event that does not fit (a note before the
 * opening, an unknown entry, a second opening) leaves the state as it was, apart from its count.
 * A change made elsewhere without seeing another (two severities set offline) is applied in
 * order and recorded as a conflict. Deciding whether a command is allowed is the job of
 * `decisions/`, before any event exists; a remote event is a fact and is never refused here.
 */
export function applyEvent(state: IncidentState | null, event: IncidentEvent): IncidentState | null {
  const opening = event.type === 'incident.declared' || event.type === 'incident.detected';
  if (!state) {
    if (!opening) return null;
    state = lifecycle.open(event);
    state.lastSeq = 1;
    return state;
  }
  if (state.id !== event.incidentId) return state;
  // Every event of this incident counts, even one that changes nothing (a second opening): the
  // count is the journal's length, whatever the events did.
  switch (event.type) {
    case 'incident.declared':
    case 'incident.detected':
      break;
    case 'incident.promoted':
      lifecycle.promote(state, event);
      break;
    case 'incident.dismissed':
      lifecycle.dismiss(state, event);
      break;
    case 'incident.statusChanged':
      lifecycle.changeStatus(state, event);
      break;
    case 'incident.severityChanged':
      lifecycle.changeSeverity(state, event);
      break;
    case 'incident.timeSet':
      lifecycle.backfill(state, event);
      break;
    case 'incident.edited':
      lifecycle.edit(state, event);
      break;
    case 'role.assigned':
      roles.assign(state, event);
      break;
    case 'role.handedOff':
      roles.handOff(state, event);
      break;
    case 'role.released':
      roles.release(state, event);
      break;
    case 'responder.joined':
      roles.join(state, event);
      break;
    case 'responder.left':
      roles.leave(state, event);
      break;
    case 'workstream.opened':
      work.openWorkstream(state, event);
      break;
    case 'workstream.updated':
      work.updateWorkstream(state, event);
      break;
    case 'timeline.logged':
      work.logEntry(state, event);
      break;
    case 'timeline.amended':
      work.amendEntry(state, event);
      break;
    case 'timeline.struck':
      work.strikeEntry(state, event);
      break;
    case 'timeline.pinned':
      work.pinEntry(state, event);
      break;
    case 'cadence.set':
      clocks.setCadence(state, event);
      break;
    case 'escalation.policySet':
      clocks.setEscalationPolicy(state, event);
      break;
    case 'escalation.paged':
      clocks.page(state, event);
      break;
    case 'escalation.acknowledged':
      clocks.acknowledge(state, event);
      break;
    case 'update.approved':
      clocks.approve(state, event);
      break;
    case 'update.sent':
      clocks.sendUpdate(state, event);
      break;
    case 'deadline.missed':
      clocks.missDeadline(state, event);
      break;
    case 'postmortem.edited':
      review.editPostMortem(state, event);
      break;
    case 'action.added':
      review.addAction(state, event);
      break;
    case 'action.updated':
      review.updateAction(state, event);
      break;
    case 'conflict.settled':
      lifecycle.settleConflict(state, event);
      break;
    case 'alert.received':
      alerts.receive(state, event);
      break;
    case 'alert.silenced':
      alerts.silence(state, event);
      break;
    case 'alert.silenceEnded':
      alerts.endSilence(state, event);
      break;
    case 'drill.clockSet':
      drills.setClock(state, event);
      break;
    case 'drill.injected':
      drills.inject(state, event);
      break;
    case 'drill.injectSkipped':
      drills.skipInject(state, event);
      break;
    case 'checklist.ticked':
      drills.tick(state, event);
      break;
    case 'artefact.attached':
      attachArtefact(state, event);
      break;
  }
  state.lastSeq += 1;
  state.lastStamp = event.hlc;
  state.updatedAt = event.at;
  return state;
}

export function replay(events: Iterable<IncidentEvent>, from: IncidentState | null = null): IncidentState | null {
  let state = from;
  for (const event of events) state = applyEvent(state, event);
  return state;
}
