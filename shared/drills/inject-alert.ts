import type { Millis } from '../domain/incident';
import type { NormalAlert } from '../intake/alert';
import { labelsFingerprint } from '../intake/fingerprint';
import type { DrillAlert } from './types';

/**
 * A scripted alert as the intake would have normalised it, so it goes down the same path as a
 * real one (dedup, resolve lines, the Alerts panel). Its group is the drill's own, so no live
 * alert can ever join it, and it is labelled `drill="true"` wherever it is shown or exported.
 */
export function drillAlert(incidentId: string, alert: DrillAlert, text: string, at: Millis): NormalAlert {
  const labels = { ...alert.labels, drill: 'true' };
  const name = alert.labels.alertname ?? 'DrillAlert';
  return {
    source: 'alertmanager',
    groupKey: `drill:${incidentId}:${name}`,
    fingerprint: labelsFingerprint(labels),
    status: alert.status,
    name,
    summary: (alert.annotations.summary ?? text).split('\n')[0]!.slice(0, 1_024),
    description: alert.annotations.description ?? '',
    labels,
    annotations: { ...alert.annotations },
    severity: alert.labels.severity?.toLowerCase() ?? null,
    service: alert.labels.service ?? alert.labels.job ?? null,
    startsAt: at - (alert.startedMinutesBefore ?? 0) * 60_000,
    endsAt: alert.status === 'resolved' ? at : null,
    links: [],
  };
}
