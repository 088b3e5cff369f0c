import { z } from 'zod';
import { INTAKE_LIMITS, type NormalNotification, type ParseResult } from './alert';
import { answer, paragraph, urlText } from './fields';
import { isHttpUrl } from './text';
import { normalAlert, webhookAlertFields, webhookEnvelope } from './webhook-alert';

/**
 * Grafana unified alerting's webhook contact point (grafana/alerting `receivers/webhook/v1`,
 * `webhookMessage`; before that `pkg/services/ngalert/notifier/channels/webhook.go`): the
 * Alertmanager message with `version: "1"`, plus `orgId`, `title`, `state` and `message` for the
 * whole group, and per alert (`templates.ExtendedAlert`) `silenceURL`, `dashboardURL`,
 * `panelURL`, `imageURL`, `values`, `valueString` and `orgId`.
 *
 * The group's title, state and message are templated text about the same alerts, so they are
 * not kept. An alert's `values` and `valueString` come back as the annotations Grafana made
 * them from (`__values__` as JSON, `__value_string__`), which Grafana strips before sending.
 */
const values = z
  .record(z.string().max(INTAKE_LIMITS.keyLength), z.number())
  .refine((v) => Object.keys(v).length <= INTAKE_LIMITS.mapEntries, `has more than ${INTAKE_LIMITS.mapEntries} entries`)
  .nullish();

const alert = z.object({
  ...webhookAlertFields,
  silenceURL: urlText,
  dashboardURL: urlText,
  panelURL: urlText,
  imageURL: urlText,
  values,
  valueString: paragraph(INTAKE_LIMITS.valueLength).nullish(),
});

const notification = webhookEnvelope('1', alert);

export function parseGrafana(body: unknown): ParseResult<NormalNotification> {
  return answer(notification, body, (n) => ({
    ok: true,
    value: {
      source: 'grafana',
      receiver: n.receiver || null,
      groupKey: n.groupKey,
      externalURL: isHttpUrl(n.externalURL) ? n.externalURL : null,
      alerts: n.alerts.items.map((a) => {
        const annotations = { ...a.annotations };
        const room = () => Object.keys(annotations).length < INTAKE_LIMITS.mapEntries;
        const valuesJson = a.values && Object.keys(a.values).length > 0 ? JSON.stringify(a.values) : '';
        if (valuesJson && valuesJson.length <= INTAKE_LIMITS.valueLength && room()) annotations.__values__ = valuesJson;
        if (a.valueString && room()) annotations.__value_string__ = a.valueString;
        return normalAlert('grafana', n.groupKey, { ...a, annotations }, [
          ['Dashboard', a.dashboardURL],
          ['Panel', a.panelURL],
          ['Silence', a.silenceURL],
          ['Image', a.imageURL],
        ]);
      }),
      truncatedAlerts: Math.min(Number.MAX_SAFE_INTEGER, (n.truncatedAlerts ?? 0) + n.alerts.dropped),
    },
  }));
}
