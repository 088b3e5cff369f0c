import { isKnownOperator, operatorHolds } from '../../../../shared/domain/operator';
import type { IncidentState } from '../../../../shared/domain/incident';

/** Where the operator stands on approving as IC: the engine decides; this only words the button. */
export type ApproverStanding = { kind: 'unknown' } | { kind: 'ic' } | { kind: 'not-ic'; ic: string | null };

export function approverStanding(state: IncidentState, operatorName: string): ApproverStanding {
  if (!isKnownOperator(operatorName)) return { kind: 'unknown' };
  if (operatorHolds(state, 'incident-commander', operatorName)) return { kind: 'ic' };
  return { kind: 'not-ic', ic: state.roles['incident-commander']?.name ?? null };
}
