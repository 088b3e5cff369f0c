import type { TimeZone } from '../../time/zone';
import type { DraftKind, IncidentState, Millis } from '../incident';
import { renderTemplate, type TemplateProblem } from './render';
import { AUDIENCE_OF, type DraftExtras, draftValues, INTERNAL_ONLY_PLACEHOLDERS } from './values';
import { markDrill } from '../../drills/marking';

export interface ComposedDraft {
  kind: DraftKind;
  body: string;
  problems: TemplateProblem[];
}

/** A draft from the live incident: the template, filled; problems listed, never thrown. */
export function composeDraft(state: IncidentState, kind: DraftKind, template: string, now: Millis, zone: TimeZone, extras: DraftExtras = {}): ComposedDraft {
  const { text, problems } = renderTemplate(template, draftValues(state, kind, now, extras, zone));
  if (AUDIENCE_OF[kind] === 'external') problems.push(...customerProblems(state, template));
  return { kind, body: markDrill(state, text), problems };
}

/** What would put internal detail in front of customers, or leave them a generic heading. */
function customerProblems(state: IncidentState, template: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  template.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g)) {
      if (INTERNAL_ONLY_PLACEHOLDERS.includes(match[1]!)) {
        problems.push({ line: i + 1, message: `Line ${i + 1} puts {{${match[1]}}} in front of customers; it is internal detail. Use {{publicTitle}} or {{affected}}.` });
      }
    }
  });
  if (!state.publicImpact?.trim()) {
    problems.push({ line: 1, message: 'No customer-facing impact yet, so the heading is generic. Write what customers notice in "Impact for customers".' });
  }
  return problems;
}
