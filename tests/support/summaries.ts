import type { IncidentSummary } from '../../shared/domain/incident';

/**
 * The parts of an incident summary that list and metrics tests rarely vary: one place, so a new
 * summary field is added here once rather than in every test's factory.
 */
export function summaryRest(): Pick<
  IncidentSummary,
  'entryCount' | 'lastSeq' | 'reviewNeeded' | 'reviewAt' | 'reviewHeldAt' | 'rootCauseCategory' | 'actionItems' | 'updates' | 'alertNames' | 'dismissedOutcome' | 'drill' | 'services'
> {
  return {
    entryCount: 1,
    lastSeq: 1,
    reviewNeeded: null,
    reviewAt: null,
    reviewHeldAt: null,
    rootCauseCategory: null,
    actionItems: [],
    updates: [],
    alertNames: [],
    dismissedOutcome: null,
    drill: null,
    services: [],
  };
}
