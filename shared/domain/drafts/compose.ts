import type { TimeZone } from '../../time/zone';
import type { DraftKind, IncidentState, Millis } from '../incident';
import { renderTemplate, type TemplateProblem } from './render';
import { type DraftExtras, draftValues } from './values';

export interface ComposedDraft {
  kind: DraftKind;
  body: string;
  problems: TemplateProblem[];
}

/** A draft from the live incident: the template, filled; problems listed, never thrown. */
export function composeDraft(state: IncidentState, kind: DraftKind, template: string, now: Millis, zone: TimeZone, extras: DraftExtras = {}): ComposedDraft {
  const { text, problems } = renderTemplate(template, draftValues(state, kind, now, extras, zone));
  return { kind, body: text, problems };
}
