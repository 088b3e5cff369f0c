import type { DraftKind } from '../incident';

/**
 * Default update templates. `{{name}}` is replaced by a value drawn from the live incident
 * (see PLACEHOLDERS); editable in settings. External text avoids internal jargon on purpose: it
 * is headed by the customer-facing impact statement, never the internal title.
 */
export const DEFAULT_TEMPLATES: Record<DraftKind, string> = {
  internal: [
    '[{{severity}}] {{title}} — {{status}} (update {{updateNumber}})',
    '',
    'Impact: {{impact}}',
    'Started: {{startedAt}} ({{elapsed}} ago)',
    '',
    'Tried so far:',
    '{{tried}}',
    '',
    'Working on now:',
    '{{workstreams}}',
    '',
    'Decisions:',
    '{{decisions}}',
    '',
    'Needs: {{needs}}',
    'Incident commander: {{commander}}',
    'Next update: {{nextUpdate}}',
  ].join('\n'),
  external: [
    '{{publicStatusLabel}} — {{publicTitle}}',
    '',
    '{{publicMessage}}',
    '',
    'Affected: {{affected}}',
    '',
    'We will post the next update by {{nextUpdate}}.',
  ].join('\n'),
  executive: [
    'Executive summary — {{title}} ({{severity}}, {{status}})',
    '',
    'Impact: {{impact}}',
    'Duration so far: {{elapsed}}',
    'Business risk: {{businessRisk}}',
    'ETA to mitigation: {{etaConfidence}}',
    'Asks: {{asks}}',
    '',
    'Incident commander: {{commander}}. Next update: {{nextUpdate}}.',
  ].join('\n'),
  resolution: [
    'Resolved — {{publicTitle}}',
    '',
    'This incident was resolved at {{resolvedAt}}.',
    'Cause: {{cause}}',
    'What fixed it: {{fix}}',
    '',
    'We will publish a post-incident review by {{postmortemDate}}.',
    '{{apology}}',
  ].join('\n'),
};
