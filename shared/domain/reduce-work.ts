import type { IncidentEvent } from './events';
import type { IncidentState, TimelineEntry } from './incident';
import { entryIndex, pushEntry, replaceEntry, systemEntry } from './reduce-helpers';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

export function openWorkstream(state: IncidentState, event: Of<'workstream.opened'>): void {
  const p = event.payload;
  if (state.workstreams.some((w) => w.id === p.workstreamId)) return;
  state.workstreams.push({
    id: p.workstreamId,
    title: p.title,
    kind: p.kind,
    owner: p.owner,
    status: 'active',
    nextStep: p.nextStep,
    checkInAt: p.checkInAt,
    openedAt: event.at,
    lastReportAt: event.at,
  });
  const owner = p.owner ? `, owner ${p.owner}` : '';
  const next = p.nextStep ? ` — ${p.nextStep}` : '';
  const entry = systemEntry(event, `Workstream opened: ${p.title} (${p.kind}${owner})${next}`);
  pushEntry(state, { ...entry, workstreamId: p.workstreamId });
}

export function updateWorkstream(state: IncidentState, event: Of<'workstream.updated'>): void {
  const i = state.workstreams.findIndex((w) => w.id === event.payload.workstreamId);
  const before = state.workstreams[i];
  if (!before) return;
  const c = event.payload.changes;
  const after = { ...before, ...definedOnly(c), lastReportAt: event.at };
  state.workstreams[i] = after;
  const said: string[] = [];
  if (c.title !== undefined && c.title !== before.title) said.push(`renamed "${c.title}"`);
  if (c.status !== undefined && c.status !== before.status) said.push(`now ${c.status}`);
  if (c.owner !== undefined && c.owner !== before.owner) said.push(`owner ${c.owner || 'none'}`);
  if (c.kind !== undefined && c.kind !== before.kind) said.push(`kind ${c.kind}`);
  if (c.nextStep !== undefined && c.nextStep !== before.nextStep) said.push(`next: ${c.nextStep || '—'}`);
  if (c.checkInAt !== undefined && c.checkInAt !== before.checkInAt) said.push(c.checkInAt === null ? 'check-in cleared' : 'check-in set');
  const entry = systemEntry(event, `Workstream ${after.title}: ${said.length ? said.join('; ') : 'reported in'}`);
  pushEntry(state, { ...entry, workstreamId: after.id });
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function logEntry(state: IncidentState, event: Of<'timeline.logged'>): void {
  const p = event.payload;
  if (entryIndex(state, p.entryId) >= 0) return;
  const entry: TimelineEntry = {
    id: p.entryId,
    at: p.occurredAt,
    loggedAt: event.at,
    text: p.text,
    kind: p.kind,
    actor: event.actor,
    attribution: p.attribution,
    workstreamId: p.workstreamId,
    pinned: false,
    struck: null,
    revisions: [],
    systemType: null,
    eventId: event.id,
    ...(event.origin ? { origin: event.origin } : {}),
    // Nothing here logs on a closed incident (the decision refuses): such a line was written elsewhere, unaware.
    ...(state.status === 'closed' ? { afterClose: true as const } : {}),
  };
  pushEntry(state, entry);
  if (p.workstreamId) {
    // A line about a workstream counts as its report: the check-in clock starts again.
    const w = state.workstreams.findIndex((x) => x.id === p.workstreamId);
    const ws = state.workstreams[w];
    if (ws && event.at > ws.lastReportAt) state.workstreams[w] = { ...ws, lastReportAt: event.at, checkInAt: ws.checkInAt && ws.checkInAt <= event.at ? null : ws.checkInAt };
  }
}

export function amendEntry(state: IncidentState, event: Of<'timeline.amended'>): void {
  replaceEntry(state, event.payload.entryId, (e) => ({
    ...e,
    revisions: [...e.revisions, { text: e.text, kind: e.kind, replacedAt: event.at, replacedBy: event.actor }],
    text: event.payload.text,
    kind: event.payload.kind,
  }));
}

export function strikeEntry(state: IncidentState, event: Of<'timeline.struck'>): void {
  replaceEntry(state, event.payload.entryId, (e) =>
    e.struck ? e : { ...e, struck: { at: event.at, actor: event.actor, reason: event.payload.reason } },
  );
}

export function pinEntry(state: IncidentState, event: Of<'timeline.pinned'>): void {
  replaceEntry(state, event.payload.entryId, (e) => ({ ...e, pinned: event.payload.pinned }));
}
