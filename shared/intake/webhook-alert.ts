import { z } from 'zod';
import { INTAKE_LIMITS, type AlertSource, type NormalAlert } from './alert';
import { cappedArray, identifier, stringMap, time, urlText } from './fields';
import { labelsFingerprint } from './fingerprint';
import { asOneLine, firstNonEmpty, LinkList, lowerOrNull, truncate } from './text';
import { readRfc3339 } from './times';

/**
 * One alert as Alertmanager's `template.Data` writes it (`template/template.go`, `type Alert`):
 * status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint. Grafana's webhook
 * and the Alertmanager API v2 build on the same fields.
 */
export const alertFields = {
  labels: stringMap('label', { optional: false }),
  annotations: stringMap('annotation', { optional: true }),
  startsAt: time(readRfc3339),
  endsAt: time(readRfc3339),
  generatorURL: urlText,
  // Absent before Alertmanager 0.19, and empty where a client forgot it: computed from the labels then.
  fingerprint: identifier(200).nullish(),
};

export const webhookAlertFields = {
  ...alertFields,
  status: z.enum(['firing', 'resolved']),
};

/** The notification envelope Alertmanager and Grafana share (`notify/webhook/webhook.go`, `Message`). */
export function webhookEnvelope<A>(version: string, alert: z.ZodType<A>) {
  return z.object({
    version: z.literal(version, `must be "${version}"`),
    groupKey: identifier(INTAKE_LIMITS.valueLength, 1),
    // Absent from Alertmanager before max_alerts existed: nothing was cut then.
    truncatedAlerts: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
    receiver: identifier(1_000).nullish(),
    externalURL: urlText,
    alerts: cappedArray(alert, INTAKE_LIMITS.alerts),
  });
}

export interface AlertInput {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number | null;
  endsAt: number | null;
  generatorURL: string;
  fingerprint?: string | null | undefined;
}

/**
 * The normal form of an Alertmanager-shaped alert. `extraLinks` adds a source's own links after
 * the generator and runbook.
 */
export function normalAlert(source: AlertSource, groupKey: string, input: AlertInput, extraLinks: Array<[string, string]> = []): NormalAlert {
  const { labels, annotations } = input;
  const fingerprint = input.fingerprint || labelsFingerprint(labels);
  const links = new LinkList();
  links.add('Source', input.generatorURL);
  links.add('Runbook', annotations.runbook_url);
  for (const [label, url] of extraLinks) links.add(label, url);
  const summary = asOneLine(firstNonEmpty(annotations.summary, annotations.message) ?? '', INTAKE_LIMITS.summaryLength);
  return {
    source,
    groupKey,
    fingerprint,
    status: input.status,
    name: asOneLine(labels.alertname ?? '', INTAKE_LIMITS.nameLength) || truncate(summary, INTAKE_LIMITS.nameLength) || `alert ${fingerprint}`,
    summary,
    description: annotations.description ?? '',
    labels,
    annotations,
    severity: lowerOrNull(labels.severity),
    service: firstNonEmpty(labels.service, labels.job),
    startsAt: input.startsAt,
    // A firing alert has no end: what Prometheus sends there is a lease it renews, not a time.
    endsAt: input.status === 'firing' ? null : input.endsAt,
    links: links.list(),
  };
}
