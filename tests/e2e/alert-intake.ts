import { expect } from '@playwright/test';
import { alertmanagerAlert, alertmanagerPayload, GO_ZERO_TIME, type AlertmanagerWireAlert } from '../support/alert-payloads';
import type { Host } from './fixtures';

// Monitoring as the browser tests meet it: Alertmanager-shaped webhooks for a few alert groups,
// POSTed to the host's intake with its own token, as Alertmanager would.

export interface AlertGroup {
  alertname: string;
  service: string;
  severity: 'critical' | 'warning';
  summary: string;
  runbook: string;
  instances: string[];
  extraLabels?: Record<string, string>;
}

export const CHECKOUT: AlertGroup = {
  alertname: 'HighErrorRate',
  service: 'checkout',
  severity: 'critical',
  summary: 'checkout answers 14% of requests with a 5xx',
  runbook: 'https://runbooks.example.com/checkout/high-error-rate',
  instances: ['10.0.3.17:9090', '10.0.3.18:9090'],
  extraLabels: { cluster: 'eu-west-1', namespace: 'shop', team: 'payments-core', env: 'prod', region: 'eu', tier: 'frontend', pod: 'checkout-7d9f', container: 'api', route: '/pay' },
};
export const PAYMENTS: AlertGroup = {
  alertname: 'PaymentsLatencyHigh',
  service: 'payments',
  severity: 'critical',
  summary: 'p99 latency of the payment gateway above 2 s',
  runbook: 'https://runbooks.example.com/payments/latency',
  instances: ['10.0.5.4:9090'],
};
export const DISK: AlertGroup = {
  alertname: 'DiskAlmostFull',
  service: 'db-replica-3',
  severity: 'warning',
  summary: 'disk 85% full on /var/lib/postgresql',
  runbook: 'https://runbooks.example.com/db/disk',
  instances: ['10.0.9.2:9100'],
};

const groupKey = (g: AlertGroup) => `{}/{severity="${g.severity}"}:{alertname="${g.alertname}"}`;

function wireAlerts(g: AlertGroup, status: 'firing' | 'resolved', startsAt: number, endsAt: number | null): AlertmanagerWireAlert[] {
  return g.instances.map((instance, i) =>
    alertmanagerAlert({
      status,
      labels: { alertname: g.alertname, service: g.service, job: g.service, instance, severity: g.severity, ...g.extraLabels },
      annotations: { summary: g.summary, description: `${g.summary} for 5 minutes.`, runbook_url: g.runbook },
      startsAt: new Date(startsAt + i * 20_000).toISOString(),
      endsAt: endsAt === null ? GO_ZERO_TIME : new Date(endsAt).toISOString(),
      generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=${encodeURIComponent(g.alertname)}`,
      fingerprint: `${g.alertname}-${i}`.toLowerCase(),
    }),
  );
}

/** What Alertmanager POSTs: plain fetch, the intake's own token. */
export async function notify(host: Host, g: AlertGroup, status: 'firing' | 'resolved', startsAt: number, endsAt: number | null = null): Promise<void> {
  const body = alertmanagerPayload({
    status,
    groupKey: groupKey(g),
    groupLabels: { alertname: g.alertname },
    commonLabels: { alertname: g.alertname, service: g.service, severity: g.severity },
    commonAnnotations: { summary: g.summary },
    alerts: wireAlerts(g, status, startsAt, endsAt),
  });
  const response = await fetch(`http://127.0.0.1:${host.port}/intake/alertmanager`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.intakeToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

