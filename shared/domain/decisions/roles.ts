import type { ParsedInput } from '../../contract/contract';
import { ROLE_LABELS, type IncidentState } from '../incident';
import type { EventDraft } from '../events';
import { type DecisionContext, refuse, requireOpen } from './context';

export function assign(state: IncidentState, input: ParsedInput<'role.assign'>): EventDraft[] {
  requireOpen(state, 'assign roles');
  const current = state.roles[input.role];
  if (current) refuse(`${current.name} holds ${ROLE_LABELS[input.role]}; hand it off instead.`);
  return [{ type: 'role.assigned', payload: { role: input.role, name: input.name, contact: input.contact } }];
}

export function handOff(state: IncidentState, input: ParsedInput<'role.handoff'>): EventDraft[] {
  requireOpen(state, 'hand off roles');
  const current = state.roles[input.role];
  if (!current) refuse(`Nobody holds ${ROLE_LABELS[input.role]}; assign it instead.`);
  if (current.name === input.name) refuse(`${input.name} already holds ${ROLE_LABELS[input.role]}.`);
  return [
    {
      type: 'role.handedOff',
      payload: { role: input.role, from: current.name, name: input.name, contact: input.contact, briefing: input.briefing },
    },
  ];
}

export function release(state: IncidentState, input: ParsedInput<'role.release'>): EventDraft[] {
  const current = state.roles[input.role];
  if (!current) refuse(`Nobody holds ${ROLE_LABELS[input.role]}.`);
  return [{ type: 'role.released', payload: { role: input.role, name: current.name, reason: input.reason } }];
}

export function addResponder(state: IncidentState, input: ParsedInput<'responder.add'>, ctx: DecisionContext): EventDraft[] {
  requireOpen(state, 'add responders');
  if (state.responders.some((r) => r.leftAt === null && r.name === input.name)) refuse(`${input.name} is already responding.`);
  return [
    {
      type: 'responder.joined',
      payload: { responderId: ctx.newId(), name: input.name, contact: input.contact, expertise: input.expertise },
    },
  ];
}

export function removeResponder(state: IncidentState, input: ParsedInput<'responder.remove'>): EventDraft[] {
  const responder = state.responders.find((r) => r.id === input.responderId);
  if (!responder) refuse('No such responder on this incident.');
  if (responder.leftAt !== null) refuse(`${responder.name} has already left.`);
  return [{ type: 'responder.left', payload: { responderId: input.responderId } }];
}
