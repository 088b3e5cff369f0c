import { z } from 'zod';
import type { NormalNotification, ParseResult } from './alert';
import { answer } from './fields';
import { isHttpUrl } from './text';
import { normalAlert, webhookAlertFields, webhookEnvelope } from './webhook-alert';

/**
 * Prometheus Alertmanager's webhook (`notify/webhook/webhook.go`: `Message` is `template.Data`
 * plus `version: "4"`, `groupKey` and `truncatedAlerts`). Only version 4 is taken: another
 * version is another shape. `status`, `groupLabels`, `commonLabels`, `commonAnnotations`,
 * `notification_reason` and whatever a later release adds are read from the alerts themselves
 * or not at all.
 */
const notification = webhookEnvelope('4', z.object(webhookAlertFields));

export function parseAlertmanager(body: unknown): ParseResult<NormalNotification> {
  return answer(notification, body, (n) => ({
    ok: true,
    value: {
      source: 'alertmanager',
      receiver: n.receiver || null,
      groupKey: n.groupKey,
      externalURL: isHttpUrl(n.externalURL) ? n.externalURL : null,
      alerts: n.alerts.items.map((a) => normalAlert('alertmanager', n.groupKey, a)),
      truncatedAlerts: Math.min(Number.MAX_SAFE_INTEGER, (n.truncatedAlerts ?? 0) + n.alerts.dropped),
    },
  }));
}
