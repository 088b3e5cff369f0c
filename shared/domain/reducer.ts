import type { IncidentEvent } from './events';
import type { IncidentState, TimelineEntry } from './incident';

/**
 * The one reducer, used by the engine and by every window.
 *
 * It updates `state` in place and returns it: replaying 100 000 events must stay linear, and
 * copying a 100 000-entry timeline on each note would make it quadratic. The holder of a state
 * owns it; views notice changes through `lastSeq`. Timeline entries themselves are never
 * mutated, only replaced, so a row drawn from an entry object stays correct.
 *
 * It never throws: an event that does not fit (a note before the declaration, an old sequence
 * number) leaves the state as it was. Deciding whether a command is allowed is the engine's job.
 */
export function applyEvent(state: IncidentState | null, event: IncidentEvent): IncidentState | null {
  if (event.type === 'incident.declared') {
    if (state) return state;
    return declare(event);
  }
  if (!state || state.id !== event.incidentId || event.seq <= state.lastSeq) return state;
  switch (event.type) {
    case 'timeline.logged':
      state.timeline.push({
        id: event.payload.entryId,
        at: event.payload.occurredAt,
        loggedAt: event.at,
        text: event.payload.text,
        kind: event.payload.kind,
        actor: event.actor,
        eventId: event.id,
      });
      break;
  }
  state.lastSeq = event.seq;
  state.updatedAt = event.at;
  return state;
}

export function replay(events: Iterable<IncidentEvent>, from: IncidentState | null = null): IncidentState | null {
  let state = from;
  for (const event of events) state = applyEvent(state, event);
  return state;
}

function declare(event: Extract<IncidentEvent, { type: 'incident.declared' }>): IncidentState {
  const p = event.payload;
  const opening: TimelineEntry = {
    id: `${event.id}:declared`,
    at: event.at,
    loggedAt: event.at,
    text: `Incident declared at ${p.severity}: ${p.title}`,
    kind: 'system',
    actor: event.actor,
    eventId: event.id,
  };
  return {
    id: event.incidentId,
    title: p.title,
    summary: p.summary,
    severity: p.severity,
    status: 'investigating',
    detectionSource: p.detectionSource,
    timestamps: {
      impactStartedAt: p.impactStartedAt,
      detectedAt: p.detectedAt ?? event.at,
      acknowledgedAt: null,
      declaredAt: event.at,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
    },
    roles: {},
    tags: [],
    timeline: [opening],
    createdBy: event.actor,
    lastSeq: event.seq,
    updatedAt: event.at,
  };
}
