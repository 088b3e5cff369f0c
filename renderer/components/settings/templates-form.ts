import { DRAFT_KINDS, type DraftKind } from '../../../shared/domain/incident';
import type { FormSpec } from './use-settings-form';

export interface TemplatesDraft {
  templates: Record<DraftKind, string>;
  approvalRequired: Record<DraftKind, boolean>;
}

export const KIND_INFO: Record<DraftKind, { label: string; audience: string }> = {
  internal: { label: 'Internal', audience: 'Responders and stakeholders, on the internal cadence.' },
  external: { label: 'External', audience: 'Customers and the status page, on the external cadence. Plain words, no internal names.' },
  executive: { label: 'Executive', audience: 'Leadership: impact, business risk, ETA and asks, in a few lines.' },
  resolution: { label: 'Resolution', audience: 'The closing public post once the incident is resolved.' },
};

// A broken template is saved as typed: its problems show here and in the draft dialog, and
// the engine leaves an unknown placeholder visible rather than blank.
export const templatesSpec: FormSpec<TemplatesDraft> = {
  id: 'templates',
  fromSettings: (s) => ({ templates: { ...s.templates }, approvalRequired: { ...s.approvalRequired } }),
  toPatch: (d) => ({ patch: { templates: d.templates, approvalRequired: d.approvalRequired } }),
  same: (a, b) => DRAFT_KINDS.every((k) => a.templates[k] === b.templates[k] && a.approvalRequired[k] === b.approvalRequired[k]),
};
