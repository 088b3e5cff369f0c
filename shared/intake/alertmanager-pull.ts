import { z } from 'zod';
import { INTAKE_LIMITS, type NormalAlert, type NormalNotification, type ParseResult } from './alert';
import { answer, cappedArray, identifier } from './fields';
import { compareCodePoints, labelsFingerprint } from './fingerprint';
import { alertFields, normalAlert } from './webhook-alert';

/**
 * The answer to Alertmanager's `GET /api/v2/alerts` (`api/v2/openapi.yaml`, `gettableAlerts`):
 * a bare array of alerts, each with labels, annotations, startsAt, endsAt, updatedAt,
 * fingerprint, generatorURL, receivers and `status {state, silencedBy, inhibitedBy, mutedBy}`.
 *
 * A pull has no group key and no per-alert status word, so both are decided here:
 * - status: `active` and `unprocessed` fire, and so does `suppressed` (a silence or an
 *   inhibition hides an alert from receivers; it does not make the problem go away). A
 *   suppressed alert carries `suppressed: {silencedBy, inhibitedBy}` so the console can show it
 *   held back rather than page for it. Whatever the state, an alert whose endsAt is at or before
 *   `now` is resolved: Alertmanager keeps a resolved alert until its next clean-up.
 * - endsAt of a firing alert is null: the API shows the lease Prometheus renews on every
 *   evaluation, which would make each pull look like a change.
 * - groupKey: see `pullGroupKey`.
 */
const silenceIds = z.array(identifier(200)).max(INTAKE_LIMITS.mapEntries).nullish();

const alert = z.object({
  ...alertFields,
  status: z.object({
    state: z.enum(['active', 'suppressed', 'unprocessed']),
    silencedBy: silenceIds,
    inhibitedBy: silenceIds,
  }),
});

const alerts = cappedArray(alert, INTAKE_LIMITS.alerts);

/** The notification's own group key: a pull answers for every group at once, each alert carries its own. */
export const PULL_GROUP_KEY = 'alertmanager-pull';

export function parseAlertmanagerPull(body: unknown, now: number): ParseResult<NormalNotification> {
  return answer(alerts, body, (list) => ({
    ok: true,
    value: {
      source: 'alertmanager-pull',
      receiver: null,
      groupKey: PULL_GROUP_KEY,
      externalURL: null,
      alerts: list.items.map((a): NormalAlert => {
        const resolved = a.endsAt !== null && a.endsAt <= now;
        const normal = normalAlert('alertmanager-pull', pullGroupKey(a.labels), { ...a, status: resolved ? 'resolved' : 'firing' });
        if (a.status.state !== 'suppressed') return normal;
        return { ...normal, suppressed: { silencedBy: a.status.silencedBy ?? [], inhibitedBy: a.status.inhibitedBy ?? [] } };
      }),
      truncatedAlerts: list.dropped,
    },
  }));
}

/**
 * Labels that tell one copy of a problem from another (which host, pod, container or replica)
 * rather than which problem it is. Names starting with `__` are Prometheus's and Grafana's own.
 */
export const INSTANCE_LABELS: ReadonlySet<string> = new Set([
  'instance',
  'exported_instance',
  'pod',
  'pod_name',
  'exported_pod',
  'container',
  'container_name',
  'container_id',
  'node',
  'nodename',
  'host',
  'hostname',
  'ip',
  'replica',
  'prometheus_replica',
]);

/** A classic Prometheus label name is written bare; any other (UTF-8 names) is quoted, so no two label sets read the same. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Past this length the readable key is replaced by the fingerprint of the same labels. */
const READABLE_KEY_LENGTH = 1_000;

/**
 * The group a pulled alert belongs to, standing in for the group key a webhook would carry:
 * its labels without the instance-like ones (`INSTANCE_LABELS`, and any name starting with
 * `__`), written like Alertmanager writes a label set: `pull:{alertname="HighErrorRate",
 * job="checkout"}`, names in byte order, values (and names other than classic Prometheus ones)
 * JSON-quoted. The same alert on three pods is one
 * group. When that text would pass 1 000 characters, it is `pull:#` and the 16-hex-digit
 * fingerprint of those labels (`labelsFingerprint`) instead.
 */
export function pullGroupKey(labels: Readonly<Record<string, string>>): string {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(labels)) {
    if (!INSTANCE_LABELS.has(name) && !name.startsWith('__')) kept[name] = labels[name]!;
  }
  const pairs = Object.keys(kept)
    .sort(compareCodePoints)
    .map((name) => `${PLAIN_NAME.test(name) ? name : JSON.stringify(name)}=${JSON.stringify(kept[name])}`);
  const readable = `pull:{${pairs.join(', ')}}`;
  return readable.length <= READABLE_KEY_LENGTH ? readable : `pull:#${labelsFingerprint(kept)}`;
}
