import type { Settings } from '../../../shared/domain/settings';
import { alertRulesSpec } from './alert-rules-form';
import { alertsSpec } from './alerts-form';
import { cadenceSpec } from './cadence-form';
import { checklistsSpec } from './checklists-form';
import type { FormId } from './draft-store';
import { escalationSpec } from './escalation-form';
import { operatorSpec } from './operator-form';
import { rolesSpec } from './roles-form';
import type { SectionId } from './sections';
import { servicesSpec } from './services-form';
import { templatesSpec } from './templates-form';
import { isDirty, type FormSpec } from './use-settings-form';

const SPECS: Record<Exclude<SectionId, 'roster' | 'sync' | 'sources'>, FormSpec<never>> = {
  operator: operatorSpec as FormSpec<never>,
  roles: rolesSpec as FormSpec<never>,
  checklists: checklistsSpec as FormSpec<never>,
  cadence: cadenceSpec as FormSpec<never>,
  escalation: escalationSpec as FormSpec<never>,
  templates: templatesSpec as FormSpec<never>,
  alerts: alertsSpec as FormSpec<never>,
  services: servicesSpec as FormSpec<never>,
};

/**
 * Whether a section holds typing not yet saved; the roster's is its open person editor, team
 * sync's a draft it keeps only while it differs from the saved connection; alert sources has two
 * forms (the followed Alertmanager, and the severity rules and routes).
 */
export function sectionIsDirty(section: SectionId, settings: Settings, drafts: Partial<Record<FormId, unknown>>): boolean {
  if (section === 'roster') return drafts.person !== undefined;
  if (section === 'sync') return drafts.sync !== undefined;
  if (section === 'sources') return drafts.alertPull !== undefined || isDirty(alertRulesSpec, settings, drafts.alertRules as never);
  return isDirty(SPECS[section], settings, drafts[section] as never);
}
