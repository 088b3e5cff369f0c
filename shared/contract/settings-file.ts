import { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { ItemId, SettingsPatch, WorkingHoursSchema } from './schemas';

const RosterFile = z.array(
  z.object({
    id: ItemId,
    name: z.string().min(1).max(120),
    contact: z.string().max(120),
    usualRoles: SettingsPatch.shape.requiredRoles.unwrap().shape.SEV1,
    workingHours: WorkingHoursSchema.optional(),
  }),
);

/**
 * Settings as read from a file someone may have edited by hand: each key that holds a valid
 * value is kept, any other falls back to its default, so the engine never runs on garbage
 * and one bad key does not throw away the rest (the roster above all).
 */
export function readSettingsFile(stored: Record<string, unknown>): Settings {
  const pick = <K extends keyof Settings>(key: K, schema: z.ZodType): Settings[K] => {
    if (!Object.hasOwn(stored, key)) return DEFAULT_SETTINGS[key];
    const parsed = schema.safeParse(stored[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  const shape = SettingsPatch.shape;
  return {
    operatorName: pick('operatorName', z.string().max(120)),
    operatorContact: pick('operatorContact', z.string().max(120)),
    operatorTimeZone: pick('operatorTimeZone', shape.operatorTimeZone.unwrap()),
    roster: pick('roster', RosterFile),
    requiredRoles: pick('requiredRoles', shape.requiredRoles.unwrap()),
    shiftLimitHours: pick('shiftLimitHours', shape.shiftLimitHours.unwrap()),
    cadence: pick('cadence', shape.cadence.unwrap()),
    escalation: pick('escalation', shape.escalation.unwrap()),
    templates: { ...DEFAULT_SETTINGS.templates, ...pick('templates', shape.templates.unwrap()) },
    approvalRequired: { ...DEFAULT_SETTINGS.approvalRequired, ...pick('approvalRequired', shape.approvalRequired.unwrap()) },
    alertSound: pick('alertSound', z.boolean()),
    alertSeverityRules: pick('alertSeverityRules', shape.alertSeverityRules.unwrap()),
    alertRoutes: pick('alertRoutes', shape.alertRoutes.unwrap()),
    services: pick('services', shape.services.unwrap()),
    showResponderToll: pick('showResponderToll', z.boolean()),
    artefactMaxMiB: pick('artefactMaxMiB', shape.artefactMaxMiB.unwrap()),
    checklists: { ...DEFAULT_SETTINGS.checklists, ...pick('checklists', shape.checklists.unwrap()) },
  };
}
