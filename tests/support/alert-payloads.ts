// Payloads shaped as the real senders write them, for the intake parsers' tests. Each builder
// says where its shape comes from; the values are ours, except where a comment says a value is
// the sender's own (a fingerprint the sender's tests compute, a time format its docs show).
// Every builder returns a fresh object: tests may change it freely. At the end, the fuzzing
// helpers every parser's tests share.
import fc from 'fast-check';
import { expect } from 'vitest';

export type Wire = Record<string, unknown>;

export interface AlertmanagerWireAlert extends Wire {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

export interface AlertmanagerWirePayload extends Wire {
  version: string;
  groupKey: string;
  truncatedAlerts: number;
  status: string;
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerWireAlert[];
}

/** Go's zero `time.Time` as encoding/json writes it: what Alertmanager sends as a firing alert's endsAt. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * One alert of an Alertmanager webhook (prometheus/alertmanager `template/template.go`,
 * `type Alert`; docs/configuration.md `<webhook_config>`). Times are Go's RFC 3339 with
 * nanoseconds, as in the docs' examples (`2018-08-03T09:52:26.739266876+02:00`).
 */
export function alertmanagerAlert(overrides: Partial<AlertmanagerWireAlert> = {}): AlertmanagerWireAlert {
  return {
    status: 'firing',
    labels: { alertname: 'HighErrorRate', job: 'checkout', service: 'checkout', instance: '10.0.3.17:9090', severity: 'critical' },
    annotations: {
      summary: 'error rate 14%',
      description: 'checkout has answered 14% of requests with a 5xx for 5 minutes.\nSee the dashboard.',
      runbook_url: 'https://runbooks.example.com/checkout/high-error-rate',
    },
    startsAt: '2026-03-14T03:02:11.482713901Z',
    endsAt: GO_ZERO_TIME,
    generatorURL: 'http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Arate5m+%3E+0.05&g0.tab=1',
    fingerprint: '3b1c2a5d9e0f7a61',
    ...overrides,
  };
}

/**
 * An Alertmanager webhook, `version: "4"` (prometheus/alertmanager `notify/webhook/webhook.go`,
 * `Message`; docs/configuration.md lists every field, `notification_reason` included). The
 * groupKey is written the way Alertmanager writes one (route matchers, then group labels), as in
 * the sample payload of the `alertmanager-webhook-types` crate:
 * `{}/{severity="critical"}:{alertname="ProbeFailure"}`.
 */
export function alertmanagerPayload(overrides: Partial<AlertmanagerWirePayload> = {}): AlertmanagerWirePayload {
  return {
    receiver: 'command-post',
    status: 'firing',
    alerts: [alertmanagerAlert()],
    groupLabels: { alertname: 'HighErrorRate' },
    commonLabels: { alertname: 'HighErrorRate', job: 'checkout', service: 'checkout', severity: 'critical' },
    commonAnnotations: { summary: 'error rate 14%' },
    externalURL: 'http://alertmanager.example.com:9093',
    notification_reason: 'new_alerts',
    version: '4',
    groupKey: '{}/{severity="critical"}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    ...overrides,
  };
}

export interface GrafanaWireAlert extends AlertmanagerWireAlert {
  silenceURL: string;
  dashboardURL: string;
  panelURL: string;
  values: Record<string, number> | null;
  valueString: string;
}

export interface GrafanaWirePayload extends Omit<AlertmanagerWirePayload, 'alerts'> {
  orgId: number;
  title: string;
  state: string;
  message: string;
  alerts: GrafanaWireAlert[];
}

/**
 * One alert of a Grafana webhook (grafana/alerting `templates/template_data.go`,
 * `ExtendedAlert`; the example body in Grafana's "Configure the webhook notifier" docs). The
 * label set and fingerprint are the pair Grafana's own webhook tests expect
 * (`receivers/webhook/v1/webhook_test.go`: `alertname=alert1, lbl1=val1` → `fac0861a85de433a`).
 */
export function grafanaAlert(overrides: Partial<GrafanaWireAlert> = {}): GrafanaWireAlert {
  return {
    status: 'firing',
    labels: { alertname: 'alert1', lbl1: 'val1' },
    annotations: { summary: 'memory above 90% for zone us-1', description: 'The system has high memory usage', runbook_url: 'https://runbooks.example.com/memory' },
    startsAt: '2021-10-12T09:51:03.157076+02:00',
    endsAt: GO_ZERO_TIME,
    generatorURL: 'http://localhost/alerting/grafana/abc123/view?orgId=1',
    fingerprint: 'fac0861a85de433a',
    silenceURL: 'http://localhost/alerting/silence/new?alertmanager=grafana&matcher=alertname%3Dalert1&matcher=lbl1%3Dval1&orgId=1',
    dashboardURL: 'http://localhost/d/abcd?orgId=1',
    panelURL: 'http://localhost/d/abcd?orgId=1&viewPanel=efgh',
    values: { B: 44.23943737541908, C: 1 },
    valueString: "[ var='B' labels={} value=44.23943737541908 ], [ var='C' labels={} value=1 ]",
    orgId: 1,
    ...overrides,
  };
}

/**
 * A Grafana webhook (grafana/alerting `receivers/webhook/v1/webhook.go`, `webhookMessage`):
 * `version: "1"`, `groupKey`, `truncatedAlerts`, `orgId`, `title`, `state`, `message` around
 * the Alertmanager fields. `groupKey: "{}:{}"` is what the docs' example shows.
 */
export function grafanaPayload(overrides: Partial<GrafanaWirePayload> = {}): GrafanaWirePayload {
  return {
    receiver: 'Command Post',
    status: 'firing',
    orgId: 1,
    alerts: [grafanaAlert()],
    groupLabels: { alertname: 'alert1' },
    commonLabels: { alertname: 'alert1', lbl1: 'val1' },
    commonAnnotations: {},
    externalURL: 'http://localhost/',
    version: '1',
    groupKey: '{}:{alertname="alert1"}',
    truncatedAlerts: 0,
    title: '[FIRING:1] alert1 (val1)',
    state: 'alerting',
    message: '**Firing**\n\nValue: B=44.23943737541908, C=1\nLabels:\n - alertname = alert1\n - lbl1 = val1\n',
    ...overrides,
  };
}

/**
 * A PagerDuty Events API v2 trigger (PagerDuty/developer-docs `docs/events-API-v2/
 * 02-Trigger-Events.md`, "Example Request Payloads"): every optional field present, the
 * timestamp written as PagerDuty's example writes it (`+0000`, no colon), custom details mixing
 * a string and a number. The routing key is 32 characters, as PagerDuty's are.
 */
export function pagerDutyEvent(overrides: Wire = {}): Wire {
  return {
    payload: pagerDutyPayload(),
    routing_key: 'R0123456789abcdef0123456789abcde',
    dedup_key: 'checkout-high-error-rate',
    images: [{ src: 'https://graphs.example.com/checkout-errors.png', href: 'https://grafana.example.com/d/checkout', alt: 'Checkout errors' }],
    links: [{ href: 'https://runbooks.example.com/checkout', text: 'Runbook' }],
    event_action: 'trigger',
    client: 'Example Monitoring',
    client_url: 'https://monitoring.example.com',
    ...overrides,
  };
}

export function pagerDutyPayload(overrides: Wire = {}): Wire {
  return {
    summary: 'Checkout error rate above 5% on checkout-prod',
    timestamp: '2026-03-14T03:02:11.482+0000',
    source: 'checkout-prod-03.example.com',
    severity: 'critical',
    component: 'checkout',
    group: 'prod-payments',
    class: 'error rate',
    custom_details: { 'error rate': '14%', 'load avg': 0.75 },
    ...overrides,
  };
}

export interface ApiWireAlert extends Wire {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  fingerprint: string;
  generatorURL: string;
  receivers: Array<{ name: string }>;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[]; mutedBy?: string[] };
}

/**
 * One alert of Alertmanager's `GET /api/v2/alerts` (prometheus/alertmanager
 * `api/v2/openapi.yaml`, `gettableAlert` and `alertStatus`; `mutedBy` is in newer releases). A
 * firing alert's endsAt is the lease Prometheus renews, a few minutes ahead of updatedAt.
 */
export function alertmanagerApiAlert(overrides: Partial<ApiWireAlert> = {}): ApiWireAlert {
  return {
    annotations: { summary: 'error rate 14%', runbook_url: 'https://runbooks.example.com/checkout/high-error-rate' },
    endsAt: '2026-03-14T03:10:11.482Z',
    fingerprint: '3b1c2a5d9e0f7a61',
    receivers: [{ name: 'command-post' }],
    startsAt: '2026-03-14T03:02:11.482Z',
    status: { inhibitedBy: [], silencedBy: [], mutedBy: [], state: 'active' },
    updatedAt: '2026-03-14T03:06:11.482Z',
    generatorURL: 'http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Arate5m+%3E+0.05&g0.tab=1',
    labels: { alertname: 'HighErrorRate', job: 'checkout', instance: '10.0.3.17:9090', severity: 'critical' },
    ...overrides,
  };
}

/** The instant the API alerts above were pulled: after updatedAt, before the lease ends. */
export const API_PULLED_AT = Date.parse('2026-03-14T03:06:30Z');

/** A pull answer: the given alerts, by default one active and one silenced on another instance. */
export function alertmanagerApiAlerts(overrides: Array<Partial<ApiWireAlert>> = [{}, SILENCED]): ApiWireAlert[] {
  return overrides.map((o) => alertmanagerApiAlert(o));
}

const SILENCED: Partial<ApiWireAlert> = {
  fingerprint: '8d2e6b0c4a1f3e57',
  labels: { alertname: 'HighErrorRate', job: 'checkout', instance: '10.0.3.18:9090', severity: 'critical' },
  status: { inhibitedBy: [], silencedBy: ['7c1e6a52-9f0b-4d3e-8a21-3f5b2c9d0e14'], mutedBy: [], state: 'suppressed' },
};

// ---- fuzzing -----------------------------------------------------------------------------

/** Every field name some intake parser reads: an extra key must not be one of them. */
const KNOWN_FIELDS = new Set([
  ...Object.keys(alertmanagerPayload()),
  ...Object.keys(grafanaPayload()),
  ...Object.keys(grafanaAlert()),
  'imageURL',
  ...Object.keys(pagerDutyEvent()),
  ...Object.keys(pagerDutyPayload()),
  'text',
  'href',
  'src',
  'alt',
  ...Object.keys(alertmanagerApiAlert()),
  ...Object.keys(alertmanagerApiAlert().status),
]);

const extraKey = fc.string({ maxLength: 12 }).filter((k) => !KNOWN_FIELDS.has(k));
const extraValue = fc.jsonValue({ maxDepth: 3 });

/**
 * Copies of `base` with unknown keys added: at the top (or in each element, for a list), and in
 * the objects (or each element of the lists) named by `nested`. `__proto__` may be among them,
 * as an own key, the way JSON.parse makes one.
 */
export function withExtraKeys(base: unknown, nested: readonly string[]): fc.Arbitrary<unknown> {
  return fc.infiniteStream(fc.dictionary(extraKey, extraValue, { maxKeys: 3 })).map((extras) => {
    const copy: unknown = JSON.parse(JSON.stringify(base));
    const add = (target: unknown) => {
      const list = Array.isArray(target) ? target : [target];
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        for (const [key, value] of Object.entries(extras.next().value as Record<string, unknown>)) {
          Object.defineProperty(item, key, { value, enumerable: true, writable: true, configurable: true });
        }
      }
    };
    add(copy);
    for (const parent of Array.isArray(copy) ? copy : [copy]) {
      for (const key of nested) add((parent as Record<string, unknown>)[key]);
    }
    return copy;
  });
}

/** Every place in `value` a JSON value could be put: the paths of its objects' and lists' members. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...paths((value as Record<string | number, unknown>)[k], [...prefix, k])]);
}

/** `valid` with one member anywhere in it replaced by any JSON value. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const places = paths(valid);
  return fc.tuple(fc.constantFrom(...places), extraValue).map(([path, value]) => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string | number, unknown>;
    let target = copy;
    for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
    target[path.at(-1)!] = value;
    return copy;
  });
}

/**
 * Any JSON value, and any one-field change of a valid payload, gets an answer and never an
 * exception: ok, or a non-empty list of one-line errors.
 */
export function expectNeverThrows(parse: (body: unknown) => { ok: boolean; errors?: string[] }, valid: unknown, numRuns = 300): void {
  const check = (body: unknown) => {
    const result = parse(body);
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) {
      expect(result.errors!.length).toBeGreaterThan(0);
      for (const line of result.errors!) expect(line).toMatch(/^\S[^\n]*: \S/);
    }
  };
  fc.assert(fc.property(fc.jsonValue(), check), { numRuns });
  fc.assert(fc.property(mutated(valid), check), { numRuns });
}
