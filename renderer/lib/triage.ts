import type { IncidentListItem } from '../../shared/contract/contract';
import { isOpen, SEVERITIES } from '../../shared/domain/incident';

/** When a detection came in: detected, else its last change (an old detection may lack the time). */
export const triageSince = (item: IncidentListItem): number => item.timestamps.detectedAt ?? item.updatedAt;

/** Detections waiting for a person's decision, the one that has waited longest first. */
export function triageQueue(items: readonly IncidentListItem[]): IncidentListItem[] {
  return items.filter((item) => item.status === 'detected').sort((a, b) => triageSince(a) - triageSince(b) || a.id.localeCompare(b.id));
}

/**
 * What a detection can be attached to: declared incidents still open, the worst and newest first
 * (the engine also takes a resolved one, but new alerts are rarely about a finished incident).
 */
export function attachTargets(items: readonly IncidentListItem[], detectionId: string): IncidentListItem[] {
  return items
    .filter((item) => item.id !== detectionId && item.status !== 'detected' && isOpen(item.status))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (b.declaredAt ?? b.updatedAt) - (a.declaredAt ?? a.updatedAt));
}
