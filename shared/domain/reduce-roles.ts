import type { IncidentEvent } from './events';
import { ROLE_LABELS, type IncidentState, type RoleKey } from './incident';
import { pushEntry, systemEntry } from './reduce-helpers';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

function endStint(state: IncidentState, role: RoleKey | 'responder', name: string, at: number): void {
  const stint = state.roleHistory.findLast((s) => s.role === role && s.name === name && s.to === null);
  if (stint) stint.to = at;
}

export function assign(state: IncidentState, event: Of<'role.assigned'>): void {
  const { role, name, contact } = event.payload;
  const current = state.roles[role];
  if (current) endStint(state, role, current.name, event.at);
  state.roles[role] = { name, contact, since: event.at };
  state.roleHistory.push({ role, name, contact, from: event.at, to: null });
  pushEntry(state, systemEntry(event, `${name} is ${ROLE_LABELS[role]}${contact ? ` (${contact})` : ''}`));
}

export function handOff(state: IncidentState, event: Of<'role.handedOff'>): void {
  const { role, from, name, contact, briefing } = event.payload;
  endStint(state, role, from, event.at);
  state.roles[role] = { name, contact, since: event.at };
  state.roleHistory.push({ role, name, contact, from: event.at, to: null });
  const parts = [
    `${ROLE_LABELS[role]} handed off from ${from} to ${name}.`,
    briefing.situation && `Situation: ${briefing.situation}`,
    briefing.actions && `Actions under way: ${briefing.actions}`,
    briefing.decisions && `Open decisions: ${briefing.decisions}`,
    briefing.nextUpdate && `Next update: ${briefing.nextUpdate}`,
  ].filter(Boolean);
  pushEntry(state, systemEntry(event, parts.join(' ')));
}

export function release(state: IncidentState, event: Of<'role.released'>): void {
  const { role, name, reason } = event.payload;
  if (state.roles[role]?.name !== name) return;
  delete state.roles[role];
  endStint(state, role, name, event.at);
  pushEntry(state, systemEntry(event, `${name} released ${ROLE_LABELS[role]}${reason ? ` — ${reason}` : ''}`));
}

export function join(state: IncidentState, event: Of<'responder.joined'>): void {
  const { responderId, name, contact, expertise } = event.payload;
  if (state.responders.some((r) => r.id === responderId)) return;
  state.responders.push({ id: responderId, name, contact, expertise, joinedAt: event.at, leftAt: null });
  state.roleHistory.push({ role: 'responder', name, contact, from: event.at, to: null });
  pushEntry(state, systemEntry(event, `${name} joined as responder${expertise ? ` (${expertise})` : ''}`));
}

export function leave(state: IncidentState, event: Of<'responder.left'>): void {
  const i = state.responders.findIndex((r) => r.id === event.payload.responderId);
  const responder = state.responders[i];
  if (!responder || responder.leftAt !== null) return;
  state.responders[i] = { ...responder, leftAt: event.at };
  endStint(state, 'responder', responder.name, event.at);
  pushEntry(state, systemEntry(event, `${responder.name} left the response`));
}
