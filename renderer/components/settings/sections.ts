/** The parts of the settings screen, in the order the sub-navigation shows them. */
export const SECTIONS = [
  { id: 'operator', label: 'Operator', hint: 'Your name on the record' },
  { id: 'roster', label: 'Roster', hint: 'People to pick from' },
  { id: 'roles', label: 'Roles & shifts', hint: 'Required roles, shift limit' },
  { id: 'checklists', label: 'Checklists', hint: 'Response checklist per severity' },
  { id: 'cadence', label: 'Cadence', hint: 'Update clocks per severity' },
  { id: 'escalation', label: 'Escalation', hint: 'Paging tiers per severity' },
  { id: 'templates', label: 'Templates', hint: 'Update drafts and approval' },
  { id: 'alerts', label: 'Alerts', hint: 'Sound' },
  { id: 'sources', label: 'Alert sources', hint: 'Webhook, Alertmanager, severity' },
  { id: 'sync', label: 'Team sync', hint: 'Share incidents with the team' },
  { id: 'services', label: 'Services', hint: 'Availability objectives' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function isSectionId(value: unknown): value is SectionId {
  return SECTIONS.some((s) => s.id === value);
}

/** `#/settings/cadence` opens that section; anything else opens the first. */
export function sectionFromHash(hash: string): SectionId {
  const part = hash.replace(/^#\/?/, '').split('/')[1];
  return isSectionId(part) ? part : 'operator';
}
