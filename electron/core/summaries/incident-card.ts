import type { IncidentListItem } from '../../../shared/contract/contract';
import { liveAlertCauses } from '../../../shared/domain/deadlines';
import { type IncidentState, summarize } from '../../../shared/domain/incident';
import type { IntegrityReport } from '../../../shared/domain/integrity';

/**
 * What the list, the metrics and the drill history know of an incident without its journal:
 * a list item less `shared`, which is the sync's to say, not the incident's.
 */
export type IncidentCard = Omit<IncidentListItem, 'shared'>;

export function cardOf(state: IncidentState, integrity: IntegrityReport): IncidentCard {
  return {
    ...summarize(state),
    integrity,
    alertCauses: liveAlertCauses(state),
    alertsFiring: state.alerts.filter((a) => a.alert.status === 'firing').length,
    alertService: state.alerts.find((a) => a.alert.service)?.alert.service ?? null,
  };
}
