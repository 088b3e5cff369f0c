import type { IncidentEvent } from './events';
import { EMPTY_POSTMORTEM, type Conflict, type IncidentState, type SetBy } from './incident';
import { STATUS_LABELS } from './lifecycle';
import { nodeOf } from './hlc';
import { openDrill } from './reduce-drills';
import { formatUtc, pushEntry, systemEntry } from './reduce-helpers';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

const BACKFILL_LABELS = { impactStartedAt: 'Impact start', detectedAt: 'Detection', acknowledgedAt: 'Acknowledgement' };
const withReason = (text: string, reason: string) => (reason ? `${text} — ${reason}` : text);

export function open(event: Of<'incident.declared'> | Of<'incident.detected'>): IncidentState {
  const p = event.payload;
  const declared = event.type === 'incident.declared';
  const state: IncidentState = {
    id: event.incidentId,
    title: p.title,
    summary: p.summary,
    severity: p.severity,
    status: declared ? 'investigating' : 'detected',
    detectionSource: p.detectionSource,
    timestamps: {
      impactStartedAt: p.impactStartedAt,
      detectedAt: p.detectedAt ?? event.at,
      acknowledgedAt: null,
      declaredAt: declared ? event.at : null,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
    },
    roles: {},
    responders: [],
    roleHistory: [],
    workstreams: [],
    reviewNeeded: null,
    dismissed: null,
    cadence: { internal: { intervalMs: null, firstMs: null }, external: { intervalMs: null, firstMs: null } },
    updates: [],
    approvals: [],
    escalation: { policySeverity: null, tiers: [], pages: [] },
    missed: [],
    postmortem: { ...EMPTY_POSTMORTEM, timelineEdits: {} },
    actionItems: [],
    tags: [],
    timeline: [],
    createdBy: event.actor,
    setBy: { severity: setBy(event, p.severity), status: setBy(event, declared ? 'investigating' : 'detected') },
    conflicts: [],
    alerts: [],
    alertGroups: [],
    silences: [],
    drill: openDrill(event),
    checklist: [],
    artefacts: [],
    lastSeq: 0,
    lastStamp: event.hlc,
    updatedAt: event.at,
  };
  const verb = `${p.drill ? `DRILL “${p.drill.scenario.name}” started by ${p.drill.facilitator}. ` : ''}${declared ? 'Incident declared' : 'Detected (not declared)'}`;
  pushEntry(state, systemEntry(event, `${verb} at ${p.severity}: ${p.title}`));
  return state;
}

function setBy(event: IncidentEvent, value: string): SetBy {
  return { value, actor: event.actor, at: event.at, console: nodeOf(event.hlc), eventId: event.id };
}

/** Records that `event` replaced a value set elsewhere without its author having seen it. */
function conflict(state: IncidentState, field: Conflict['field'], event: IncidentEvent, value: string): void {
  const other = state.setBy[field];
  if (!other) return;
  state.conflicts.push({ id: event.id, field, chosen: setBy(event, value), other, settled: null });
}

export function promote(state: IncidentState, event: Of<'incident.promoted'>): void {
  if (state.status !== 'detected') return;
  state.status = 'investigating';
  state.severity = event.payload.severity;
  state.setBy.status = setBy(event, 'investigating');
  state.setBy.severity = setBy(event, event.payload.severity);
  state.timestamps.declaredAt = event.at;
  pushEntry(state, systemEntry(event, withReason(`Incident declared at ${event.payload.severity}`, event.payload.reason)));
}

export function dismiss(state: IncidentState, event: Of<'incident.dismissed'>): void {
  if (state.status !== 'detected') return;
  const { outcome, reason } = event.payload;
  state.status = 'closed';
  state.setBy.status = setBy(event, 'closed');
  state.dismissed = { outcome, reason };
  state.reviewNeeded = false;
  state.timestamps.closedAt = event.at;
  if (outcome === 'minor') {
    state.timestamps.resolvedAt = event.at;
    state.timestamps.mitigatedAt ??= event.at;
  }
  const text =
    outcome === 'false-alarm' ? 'Dismissed as a false alarm' : outcome === 'attached' ? 'Attached to an open incident' : 'Resolved by the on-call as a minor issue';
  pushEntry(state, systemEntry(event, withReason(text, reason)));
}

export function changeStatus(state: IncidentState, event: Of<'incident.statusChanged'>): void {
  const { to, reason, reviewNeeded } = event.payload;
  // Marked mitigated from a mitigation entry: impact stopped when the entry says, not when the IC clicked.
  const happened = to === 'mitigated' ? (event.payload.at ?? event.at) : event.at;
  // A change made elsewhere from a status that is no longer current: both made the same move
  // (nothing to do), or two consoles moved it apart; the later stamp is in force and the IC is told.
  const clash = state.status !== event.payload.from;
  if (clash && (to === state.status || state.status === 'detected' || to === 'detected')) return;
  if (clash) conflict(state, 'status', event, to);
  const from = state.status;
  state.status = to;
  state.setBy.status = setBy(event, to);
  const t = state.timestamps;
  let text = clash
    ? `Status ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]} (set on another console while it was ${STATUS_LABELS[event.payload.from]})`
    : `Status ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`;
  const ended = (s: string) => s === 'resolved' || s === 'closed';
  if (ended(from) && !ended(to)) {
    // Reopened: the incident is not resolved any more. First mitigation stays on record.
    t.resolvedAt = null;
    t.closedAt = null;
    state.reviewNeeded = null;
    if (!clash) text = `Reopened (was ${STATUS_LABELS[from]})`;
  }
  if (from === 'closed' && to === 'resolved') {
    t.closedAt = null;
    state.reviewNeeded = null;
  }
  if (to === 'mitigated') t.mitigatedAt ??= happened;
  if (to === 'resolved') {
    t.mitigatedAt ??= event.at;
    t.resolvedAt = event.at;
  }
  if (to === 'closed') {
    t.closedAt = event.at;
    state.reviewNeeded = reviewNeeded;
    text += reviewNeeded ? '; post-incident review needed' : '; no post-incident review';
  }
  pushEntry(state, systemEntry(event, withReason(text, reason), happened));
}

export function changeSeverity(state: IncidentState, event: Of<'incident.severityChanged'>): void {
  const { from, to, reason } = event.payload;
  if (from !== state.severity && to !== state.severity) conflict(state, 'severity', event, to);
  const was = state.severity;
  state.severity = to;
  state.setBy.severity = setBy(event, to);
  const text = was === from ? `Severity ${from} → ${to} by ${event.actor}` : `Severity ${was} → ${to} by ${event.actor} (set on another console while it was ${from})`;
  pushEntry(state, systemEntry(event, withReason(text, reason)));
}

/** The IC confirmed the value in force, or set another with this event's companion change. */
export function settleConflict(state: IncidentState, event: Of<'conflict.settled'>): void {
  const { conflictId, value } = event.payload;
  const i = state.conflicts.findIndex((c) => c.id === conflictId && c.settled === null);
  const found = state.conflicts[i];
  if (!found) return;
  state.conflicts[i] = { ...found, settled: { by: event.actor, at: event.at, value } };
  const what = found.field === 'severity' ? 'Severity' : 'Status';
  pushEntry(state, systemEntry(event, `${what} conflict settled by ${event.actor}: ${value}`));
}

export function backfill(state: IncidentState, event: Of<'incident.timeSet'>): void {
  const { field, value, previous, reason } = event.payload;
  state.timestamps[field] = value;
  const text = `${BACKFILL_LABELS[field]} set to ${formatUtc(value)} (was ${formatUtc(previous)})`;
  pushEntry(state, systemEntry(event, withReason(text, reason)));
}

export function edit(state: IncidentState, event: Of<'incident.edited'>): void {
  const { title, summary, tags, publicImpact } = event.payload;
  const changed: string[] = [];
  if (title !== undefined && title !== state.title) {
    state.title = title;
    changed.push(`title "${title}"`);
  }
  if (summary !== undefined && summary !== state.summary) {
    state.summary = summary;
    changed.push('summary');
  }
  if (tags !== undefined) {
    state.tags = [...tags];
    changed.push(`tags ${tags.length ? tags.join(', ') : 'cleared'}`);
  }
  if (publicImpact !== undefined && publicImpact !== (state.publicImpact ?? '')) {
    state.publicImpact = publicImpact;
    changed.push(publicImpact ? `customer-facing impact "${publicImpact}"` : 'customer-facing impact cleared');
  }
  if (changed.length) pushEntry(state, systemEntry(event, `Edited ${changed.join(', ')}`));
}
