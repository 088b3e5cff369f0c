import { STATUSES, type IncidentState } from '../domain/incident';
import { ROLE_LABELS } from '../domain/incident';
import type { InjectCondition } from './types';

/**
 * Why a conditional inject is skipped — the team already did what it tests — or null when it
 * fires ("if nothing is mitigated by T+20, the error rate doubles").
 */
export function skipReason(state: IncidentState, when: InjectCondition | undefined): string | null {
  if (!when) return null;
  if ('notReached' in when) {
    const reached = STATUSES.indexOf(state.status) >= STATUSES.indexOf(when.notReached) || reachedBefore(state, when.notReached);
    return reached ? `the incident had already reached ${when.notReached}` : null;
  }
  if ('roleEmpty' in when) {
    const holder = state.roles[when.roleEmpty];
    return holder ? `${ROLE_LABELS[when.roleEmpty]} was already held by ${holder.name}` : null;
  }
  const sent = state.updates.some((u) => u.audience === when.noUpdateSent);
  return sent ? `an ${when.noUpdateSent} update had already been sent` : null;
}

/** A status reached and left again (mitigated, then reopened) still counts as reached. */
function reachedBefore(state: IncidentState, status: string): boolean {
  const t = state.timestamps;
  if (status === 'mitigated') return t.mitigatedAt !== null;
  if (status === 'resolved') return t.resolvedAt !== null;
  if (status === 'closed') return t.closedAt !== null;
  return false;
}
