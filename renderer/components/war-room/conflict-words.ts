import type { Conflict } from '../../../shared/domain/incident';
import { SEVERITIES, STATUSES, type IncidentStatus, type Severity } from '../../../shared/domain/incident';
import { STATUS_LABELS } from '../../lib/labels';

export interface ConflictWords {
  /** "Severity conflict: Dana set SEV3 at 03:14 on dana-laptop-7f3a; Riley had set SEV1 at 03:12 on riley-laptop-19c2. SEV3 is in force." */
  sentence: string;
  /** "Keep SEV3": confirms the value in force (settled without a value). */
  keep: string;
  /** "Set SEV1" and the value it sends; null when there is nothing else to set. */
  change: { label: string; value: Severity | IncidentStatus } | null;
}

/** A value this field can be set to (a stored conflict names values as text). */
function settable(field: Conflict['field'], value: string | null): value is Severity | IncidentStatus {
  if (value === null) return false;
  return field === 'severity' ? (SEVERITIES as readonly string[]).includes(value) : (STATUSES as readonly string[]).includes(value);
}

/** `SEV1` stays as written; a status reads as the lifecycle shows it (`mitigated` → `Mitigated`). */
export function valueName(field: Conflict['field'], value: string): string {
  if (field === 'status' && (STATUSES as readonly string[]).includes(value)) return STATUS_LABELS[value as IncidentStatus];
  return value;
}

/**
 * One unsettled conflict in a sentence the IC can act on, and its two buttons. `inForce` is the
 * incident's value now: usually the one the order chose, unless someone changed it since.
 * Times are to the minute, or to the second when both fall in the same minute (which came first
 * is the point).
 */
export function conflictWords(conflict: Conflict, inForce: string, formatTime: (ms: number, seconds: boolean) => string): ConflictWords {
  const name = (value: string) => valueName(conflict.field, value);
  const { chosen, other } = conflict;
  const seconds = Math.floor(chosen.at / 60_000) === Math.floor(other.at / 60_000);
  const time = (ms: number) => formatTime(ms, seconds);
  const what = conflict.field === 'severity' ? 'Severity' : 'Status';
  const sentence =
    `${what} conflict: ${chosen.actor} set ${name(chosen.value)} at ${time(chosen.at)} on ${chosen.console}; ` +
    `${other.actor} had set ${name(other.value)} at ${time(other.at)} on ${other.console}. ${name(inForce)} is in force.`;
  // The other side of the conflict, or, when that one is in force now, the side the order chose.
  const alternative = other.value !== inForce ? other.value : chosen.value !== inForce ? chosen.value : null;
  return {
    sentence,
    keep: `Keep ${name(inForce)}`,
    change: settable(conflict.field, alternative) ? { label: `Set ${name(alternative)}`, value: alternative } : null,
  };
}
