import type { ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { Settings } from '../../../shared/domain/settings';
import { newEventId } from '../ids';
import type { HandlerContext } from './context';

export function getSettings(ctx: HandlerContext): Settings {
  return ctx.settings.read();
}

export function updateSettings(ctx: HandlerContext, patch: ParsedInput<'settings.update'>): Settings {
  const next = { ...ctx.settings.read() };
  if (patch.operatorName !== undefined) next.operatorName = patch.operatorName;
  if (patch.operatorContact !== undefined) next.operatorContact = patch.operatorContact;
  if (patch.operatorTimeZone !== undefined) next.operatorTimeZone = patch.operatorTimeZone;
  if (patch.requiredRoles !== undefined) next.requiredRoles = patch.requiredRoles;
  if (patch.shiftLimitHours !== undefined) next.shiftLimitHours = patch.shiftLimitHours;
  if (patch.cadence !== undefined) next.cadence = patch.cadence;
  if (patch.escalation !== undefined) next.escalation = patch.escalation;
  if (patch.templates !== undefined) next.templates = { ...next.templates, ...patch.templates };
  if (patch.approvalRequired !== undefined) next.approvalRequired = { ...next.approvalRequired, ...patch.approvalRequired };
  if (patch.alertSound !== undefined) next.alertSound = patch.alertSound;
  if (patch.alertSeverityRules !== undefined) next.alertSeverityRules = patch.alertSeverityRules;
  if (patch.alertRoutes !== undefined) next.alertRoutes = patch.alertRoutes;
  if (patch.checklists !== undefined) next.checklists = patch.checklists;
  if (patch.services !== undefined) next.services = patch.services;
  if (patch.showResponderToll !== undefined) next.showResponderToll = patch.showResponderToll;
  if (patch.artefactMaxMiB !== undefined) next.artefactMaxMiB = patch.artefactMaxMiB;
  ctx.settings.write(next);
  return ctx.settings.read();
}

export function saveRosterPerson(ctx: HandlerContext, person: ParsedInput<'roster.save'>): Settings {
  const settings = ctx.settings.read();
  const id = person.id ?? newEventId();
  const entry = { id, name: person.name, contact: person.contact, usualRoles: person.usualRoles, ...(person.workingHours ? { workingHours: person.workingHours } : {}) };
  const at = settings.roster.findIndex((p) => p.id === id);
  if (person.id !== undefined && at < 0) throw new CommandFailure('NOT_FOUND', 'No such person on the roster.');
  if (settings.roster.some((p) => p.id !== id && p.name.toLowerCase() === person.name.toLowerCase())) {
    throw new CommandFailure('CONFLICT', `${person.name} is already on the roster.`);
  }
  const roster = at < 0 ? [...settings.roster, entry] : settings.roster.map((p) => (p.id === id ? entry : p));
  ctx.settings.write({ ...settings, roster });
  return ctx.settings.read();
}

export function removeRosterPerson(ctx: HandlerContext, input: ParsedInput<'roster.remove'>): Settings {
  const settings = ctx.settings.read();
  if (!settings.roster.some((p) => p.id === input.personId)) throw new CommandFailure('NOT_FOUND', 'No such person on the roster.');
  ctx.settings.write({ ...settings, roster: settings.roster.filter((p) => p.id !== input.personId) });
  return ctx.settings.read();
}
