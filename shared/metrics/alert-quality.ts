import type { IncidentSummary } from '../domain/incident';

/** What became of the detections one alert made: the numbers behind "is this alert worth a page?". */
export interface AlertQualityRow {
  name: string;
  service: string | null;
  /** Detections this alert (on this service) opened. Each ends in exactly one of the five below. */
  detections: number;
  declared: number;
  /** Part of an incident already open: not noise, not a new incident either. */
  attached: number;
  falseAlarm: number;
  minor: number;
  /** Still waiting for someone to decide. */
  undecided: number;
  /** (false alarm + minor) / detections: how often it woke someone for nothing that needed an incident. */
  noise: number;
}

type Outcome = 'declared' | 'attached' | 'falseAlarm' | 'minor' | 'undecided';

function outcomeOf(i: IncidentSummary): Outcome {
  if (i.timestamps.declaredAt !== null) return 'declared';
  if (i.dismissedOutcome === 'attached') return 'attached';
  if (i.dismissedOutcome === 'false-alarm') return 'falseAlarm';
  if (i.dismissedOutcome === 'minor') return 'minor';
  return 'undecided';
}

/**
 * Per alert name and service, how its detections were decided, noisiest first (then the most
 * detections, then by name). A detection with several alerts counts once for each; an incident
 * opened without alerts counts for none.
 */
export function alertQuality(list: IncidentSummary[]): AlertQualityRow[] {
  const rows = new Map<string, AlertQualityRow>();
  for (const incident of list) {
    const outcome = outcomeOf(incident);
    const counted = new Set<string>();
    for (const { name, service } of incident.alertNames) {
      const key = JSON.stringify([name, service]);
      if (counted.has(key)) continue;
      counted.add(key);
      const row = rows.get(key) ?? { name, service, detections: 0, declared: 0, attached: 0, falseAlarm: 0, minor: 0, undecided: 0, noise: 0 };
      row.detections += 1;
      row[outcome] += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((r) => ({ ...r, noise: (r.falseAlarm + r.minor) / r.detections }))
    .sort(
      (a, b) =>
        b.noise - a.noise ||
        b.detections - a.detections ||
        a.name.localeCompare(b.name) ||
        (a.service ?? '').localeCompare(b.service ?? ''),
    );
}
