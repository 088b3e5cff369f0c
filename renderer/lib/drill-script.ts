import { ROLE_LABELS } from '../../shared/domain/incident';
import type { DrillState, Inject, InjectCondition, InjectKind } from '../../shared/drills/types';
import { STATUS_LABELS } from './labels';

export const INJECT_KIND_LABELS: Record<InjectKind, string> = {
  alert: 'Alert',
  'customer-report': 'Customer report',
  stakeholder: 'Stakeholder',
  finding: 'Finding',
  'red-herring': 'Red herring',
};

export type InjectStatus = 'fired' | 'skipped' | 'upcoming';

export function injectStatus(drill: Pick<DrillState, 'fired' | 'skipped'>, injectId: string): InjectStatus {
  if (drill.fired.includes(injectId)) return 'fired';
  if (drill.skipped.includes(injectId)) return 'skipped';
  return 'upcoming';
}

/** The condition in the facilitator's words: it fires only if this still holds at its minute. */
export function describeCondition(when: InjectCondition): string {
  if ('notReached' in when) return `only if the incident is not ${STATUS_LABELS[when.notReached].toLowerCase()} yet`;
  if ('roleEmpty' in when) return `only if nobody is ${ROLE_LABELS[when.roleEmpty].toLowerCase()}`;
  return `only if no ${when.noUpdateSent} update has been sent`;
}

/** Why a skipped inject did not play: its condition no longer held, the team had already done it. */
export function skipReason(inject: Inject): string {
  return inject.when ? `Skipped: the team got there first (${describeCondition(inject.when)})` : 'Skipped';
}

/** The script in the order it plays: by minute, then as written. */
export function scriptInOrder(injects: readonly Inject[]): Inject[] {
  return injects.map((inject, index) => ({ inject, index })).sort((a, b) => a.inject.atMinute - b.inject.atMinute || a.index - b.index).map((x) => x.inject);
}
