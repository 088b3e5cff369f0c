import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertmanagerAlert, alertmanagerPayload, expectNeverThrows, GO_ZERO_TIME, withExtraKeys } from '../../tests/support/alert-payloads';
import { INTAKE_LIMITS, type NormalNotification, type ParseResult } from './alert';
import { parseAlertmanager } from './alertmanager';
import { labelsFingerprint } from './fingerprint';

function accepted(result: ParseResult<NormalNotification>): NormalNotification {
  if (!result.ok) throw new Error(`refused: ${result.errors.join('; ')}`);
  return result.value;
}

function refused(body: unknown): string[] {
  const result = parseAlertmanager(body);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

describe('parseAlertmanager', () => {
  it('takes a version 4 webhook as Alertmanager sends it', () => {
    const n = accepted(parseAlertmanager(alertmanagerPayload()));
    expect(n).toEqual({
      source: 'alertmanager',
      receiver: 'command-post',
      groupKey: '{}/{severity="critical"}:{alertname="HighErrorRate"}',
      externalURL: 'http://alertmanager.example.com:9093',
      truncatedAlerts: 0,
      alerts: [
        {
          source: 'alertmanager',
          groupKey: '{}/{severity="critical"}:{alertname="HighErrorRate"}',
          fingerprint: '3b1c2a5d9e0f7a61',
          status: 'firing',
          name: 'HighErrorRate',
          summary: 'error rate 14%',
          description: 'checkout has answered 14% of requests with a 5xx for 5 minutes.\nSee the dashboard.',
          labels: { alertname: 'HighErrorRate', job: 'checkout', service: 'checkout', instance: '10.0.3.17:9090', severity: 'critical' },
          annotations: alertmanagerAlert().annotations,
          severity: 'critical',
          service: 'checkout',
          startsAt: Date.UTC(2026, 2, 14, 3, 2, 11, 482),
          endsAt: null,
          links: [
            { label: 'Source', url: alertmanagerAlert().generatorURL },
            { label: 'Runbook', url: 'https://runbooks.example.com/checkout/high-error-rate' },
          ],
        },
      ],
    });
  });

  it('takes the payload of an Alertmanager from before fingerprints and max_alerts', () => {
    // The shape of a 2018 payload (a public gist, "Alertmanager Webhook Payload Example"): no
    // fingerprint, no truncatedAlerts, a time with nanoseconds and a +02:00 offset.
    const body = JSON.parse(`{
      "receiver": "webhook", "status": "firing",
      "alerts": [{ "status": "firing",
        "labels": { "alertname": "Test", "dc": "eu-west-1", "instance": "localhost:9090", "job": "prometheus24" },
        "annotations": { "description": "some description" },
        "startsAt": "2018-08-03T09:52:26.739266876+02:00", "endsAt": "0001-01-01T00:00:00Z",
        "generatorURL": "http://example.com:9090/graph?g0.expr=go_memstats_alloc_bytes+%3E+0\\u0026g0.tab=1" }],
      "groupLabels": { "alertname": "Test", "job": "prometheus24" },
      "commonLabels": { "alertname": "Test" }, "commonAnnotations": { "description": "some description" },
      "externalURL": "http://example.com:9093", "version": "4",
      "groupKey": "{}:{alertname=\\"Test\\", job=\\"prometheus24\\"}" }`);
    const n = accepted(parseAlertmanager(body));
    const alert = n.alerts[0]!;
    expect(n.truncatedAlerts).toBe(0);
    expect(alert.fingerprint).toBe(labelsFingerprint(body.alerts[0].labels));
    expect(alert.startsAt).toBe(Date.UTC(2018, 7, 3, 7, 52, 26, 739));
    expect(alert.endsAt).toBeNull();
    expect(alert.service).toBe('prometheus24');
    expect(alert.severity).toBeNull();
    expect(alert.summary).toBe('');
    expect(alert.links).toEqual([{ label: 'Source', url: 'http://example.com:9090/graph?g0.expr=go_memstats_alloc_bytes+%3E+0&g0.tab=1' }]);
  });

  it('computes the fingerprint Alertmanager would when it is empty', () => {
    const labels = { alertname: 'alert1', lbl1: 'val1' };
    const n = accepted(parseAlertmanager(alertmanagerPayload({ alerts: [alertmanagerAlert({ labels, fingerprint: '' })] })));
    // The value Grafana's webhook tests expect for these labels (grafana/alerting receivers/webhook/v1/webhook_test.go).
    expect(n.alerts[0]!.fingerprint).toBe('fac0861a85de433a');
  });

  it('reads a resolved alert with its end, and gives a firing alert none', () => {
    const n = accepted(
      parseAlertmanager(
        alertmanagerPayload({
          status: 'resolved',
          alerts: [
            alertmanagerAlert({ status: 'resolved', endsAt: '2026-03-14T03:25:41.0012Z' }),
            alertmanagerAlert({ fingerprint: 'aa', endsAt: '2026-03-14T03:30:00Z' }),
            alertmanagerAlert({ fingerprint: 'bb', status: 'resolved', endsAt: GO_ZERO_TIME, startsAt: GO_ZERO_TIME }),
          ],
        }),
      ),
    );
    expect(n.alerts.map((a) => [a.status, a.startsAt, a.endsAt])).toEqual([
      ['resolved', Date.UTC(2026, 2, 14, 3, 2, 11, 482), Date.UTC(2026, 2, 14, 3, 25, 41, 1)],
      ['firing', Date.UTC(2026, 2, 14, 3, 2, 11, 482), null],
      ['resolved', null, null],
    ]);
  });

  it('carries truncatedAlerts, and counts alerts past its own limit instead of refusing them', () => {
    expect(accepted(parseAlertmanager(alertmanagerPayload({ truncatedAlerts: 7 }))).truncatedAlerts).toBe(7);
    const many = Array.from({ length: INTAKE_LIMITS.alerts + 5 }, (_, i) => alertmanagerAlert({ fingerprint: `f${i}` }));
    // Past the limit nothing is read, so an odd alert there does not refuse the rest.
    (many as unknown[])[INTAKE_LIMITS.alerts + 2] = 'not an alert';
    const n = accepted(parseAlertmanager(alertmanagerPayload({ alerts: many, truncatedAlerts: 3 })));
    expect(n.alerts).toHaveLength(INTAKE_LIMITS.alerts);
    expect(n.alerts.at(-1)!.fingerprint).toBe(`f${INTAKE_LIMITS.alerts - 1}`);
    expect(n.truncatedAlerts).toBe(8);
  });

  it('takes an alert with only what Alertmanager always sends', () => {
    const body = alertmanagerPayload({ alerts: [{ status: 'firing', labels: { alertname: 'Bare' } } as never] });
    delete (body as Record<string, unknown>).truncatedAlerts;
    delete (body as Record<string, unknown>).receiver;
    body.externalURL = '';
    const n = accepted(parseAlertmanager(body));
    expect(n.receiver).toBeNull();
    expect(n.externalURL).toBeNull();
    expect(n.alerts[0]).toMatchObject({ name: 'Bare', annotations: {}, startsAt: null, endsAt: null, links: [], service: null, description: '' });
    const nulls = accepted(parseAlertmanager(alertmanagerPayload({ alerts: [alertmanagerAlert({ annotations: null as never, fingerprint: null as never })] })));
    expect(nulls.alerts[0]!.annotations).toEqual({});
  });

  it('ignores keys it does not know, at every level', () => {
    const plain = accepted(parseAlertmanager(alertmanagerPayload()));
    const body = alertmanagerPayload({
      routeLabels: { team: 'payments' },
      somethingNew: [1, 2, 3],
      alerts: [alertmanagerAlert({ silenceURL: 'https://x.example.com', extra: { deep: true } })],
    });
    expect(accepted(parseAlertmanager(body))).toEqual(plain);
  });

  it('takes labels with odd but valid names and values', () => {
    // Alertmanager 0.27+ accepts any UTF-8 label name.
    const labels = {
      alertname: 'Disk "full" – 95%',
      'service.name': 'checkout',
      'k8s.io/pod-name': 'checkout-7d9f',
      日本語: '値',
      '🔥': 'yes',
      'with space': 'a b',
      empty: '',
      __meta_x__: 'private',
    };
    const n = accepted(parseAlertmanager(alertmanagerPayload({ alerts: [alertmanagerAlert({ labels, fingerprint: '' })] })));
    expect(n.alerts[0]!.labels).toEqual(labels);
    expect(n.alerts[0]!.name).toBe('Disk "full" – 95%');
    expect(n.alerts[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('lower-cases severity and keeps only http(s) links, each once', () => {
    const n = accepted(
      parseAlertmanager(
        alertmanagerPayload({
          alerts: [
            alertmanagerAlert({
              labels: { alertname: 'X', severity: 'CRITICAL', job: 'api' },
              generatorURL: 'javascript:alert(1)',
              annotations: { runbook_url: 'https://runbooks.example.com/x' },
            }),
            alertmanagerAlert({ fingerprint: 'b', generatorURL: 'https://same.example.com/', annotations: { runbook_url: 'https://same.example.com/' } }),
            alertmanagerAlert({ fingerprint: 'c', generatorURL: 'file:///etc/passwd', annotations: { runbook_url: 'see wiki' } }),
          ],
        }),
      ),
    );
    expect(n.alerts[0]!.severity).toBe('critical');
    expect(n.alerts[0]!.service).toBe('api');
    expect(n.alerts[0]!.links).toEqual([{ label: 'Runbook', url: 'https://runbooks.example.com/x' }]);
    expect(n.alerts[1]!.links).toEqual([{ label: 'Source', url: 'https://same.example.com/' }]);
    expect(n.alerts[2]!.links).toEqual([]);
  });

  it('names an alert by alertname, one line and at most 300 characters, else by its summary', () => {
    const long = 'A'.repeat(400);
    const [byName, bySummary, byNothing] = accepted(
      parseAlertmanager(
        alertmanagerPayload({
          alerts: [
            alertmanagerAlert({ labels: { alertname: long } }),
            alertmanagerAlert({ labels: { job: 'x' }, annotations: { summary: 'Queue\nbacked up' } }),
            alertmanagerAlert({ labels: { alertname: '  ', job: 'y' }, annotations: {}, fingerprint: '0123456789abcdef' }),
          ],
        }),
      ),
    ).alerts;
    expect(byName!.name).toHaveLength(300);
    expect(byName!.name.endsWith('…')).toBe(true);
    expect(bySummary!.name).toBe('Queue backed up');
    expect(bySummary!.summary).toBe('Queue backed up');
    expect(byNothing!.name).toBe('alert 0123456789abcdef');
  });

  it('refuses what is not a version 4 webhook, naming each field', () => {
    expect(refused(alertmanagerPayload({ version: '3' }))).toEqual(['version: must be "4"']);
    expect(refused(alertmanagerPayload({ groupKey: '' }))).toEqual(['groupKey: is empty']);
    expect(refused(alertmanagerPayload({ alerts: {} as never }))).toEqual(['alerts: expected array, received object']);
    expect(refused(null)).toEqual(['body: expected object, received null']);
    expect(refused('{"version":"4"}')).toEqual(['body: expected object, received string']);
    const body = alertmanagerPayload({
      alerts: [
        alertmanagerAlert(),
        alertmanagerAlert({ status: 'pending' }),
        alertmanagerAlert({ startsAt: '2026-03-14 03:02:11' }),
        alertmanagerAlert({ endsAt: '2026-02-30T00:00:00Z' }),
        alertmanagerAlert({ labels: { alertname: 'X', team: 'a\nb' } }),
        alertmanagerAlert({ annotations: { summary: 'fine\nhere', description: 'evil \u202e text' } }),
        alertmanagerAlert({ labels: { alertname: 7 as never } }),
        alertmanagerAlert({ labels: undefined as never }),
      ],
    });
    expect(refused(body)).toEqual([
      'alerts[1].status: must be one of "firing", "resolved"',
      'alerts[2].startsAt: not an RFC 3339 time',
      'alerts[3].endsAt: not an RFC 3339 time',
      'alerts[4].labels.team: holds a line break or control character',
      'alerts[5].annotations.description: holds a control character',
      'alerts[6].labels.alertname: expected string, received number',
      'alerts[7].labels: is required',
    ]);
  });

  it('refuses prototype names, long names and values, and too many entries', () => {
    const body = JSON.parse(JSON.stringify(alertmanagerPayload()));
    body.alerts = [
      JSON.parse('{"status":"firing","labels":{"alertname":"X","__proto__":"polluted"}}'),
      { status: 'firing', labels: { alertname: 'X', constructor: 'y' } },
      { status: 'firing', labels: { alertname: 'X' }, annotations: { prototype: 'z' } },
      { status: 'firing', labels: { alertname: 'X', ['k'.repeat(201)]: 'v' } },
      { status: 'firing', labels: { alertname: 'X' }, annotations: { description: 'd'.repeat(10_001) } },
      { status: 'firing', labels: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`l${i}`, 'v'])) },
      { status: 'firing', labels: { alertname: 'X', '': 'empty name', 'tab\tname': 'v' } },
    ];
    expect(refused(body)).toEqual([
      'alerts[0].labels.__proto__: label name is not allowed',
      'alerts[1].labels.constructor: label name is not allowed',
      'alerts[2].annotations.prototype: annotation name is not allowed',
      `alerts[3].labels["${'k'.repeat(60)}…"]: label name is longer than 200 characters`,
      'alerts[4].annotations.description: is longer than 10000 characters',
      'alerts[5].labels: has more than 100 entries',
      'alerts[6].labels[""]: label name is empty',
      'alerts[6].labels["tab\\tname"]: label name holds a control character',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists at most 20 problems', () => {
    const alerts = Array.from({ length: 50 }, () => alertmanagerAlert({ status: 'nope' }));
    expect(refused(alertmanagerPayload({ alerts }))).toHaveLength(INTAKE_LIMITS.errors);
  });

  it('never throws on any JSON value', () => {
    expectNeverThrows(parseAlertmanager, alertmanagerPayload());
  });

  it('keeps a valid webhook valid, and the same, with extra keys anywhere', () => {
    const base = alertmanagerPayload({ alerts: [alertmanagerAlert(), alertmanagerAlert({ status: 'resolved', fingerprint: 'x', endsAt: '2026-03-14T04:00:00Z' })] });
    const plain = accepted(parseAlertmanager(base));
    fc.assert(
      fc.property(withExtraKeys(base, ['alerts']), (body) => {
        expect(accepted(parseAlertmanager(body))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});
