import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertmanagerPayload, expectNeverThrows, GO_ZERO_TIME, grafanaAlert, grafanaPayload, withExtraKeys } from '../../tests/support/alert-payloads';
import type { NormalNotification, ParseResult } from './alert';
import { parseGrafana } from './grafana';

function accepted(result: ParseResult<NormalNotification>): NormalNotification {
  if (!result.ok) throw new Error(`refused: ${result.errors.join('; ')}`);
  return result.value;
}

function refused(body: unknown): string[] {
  const result = parseGrafana(body);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

describe('parseGrafana', () => {
  it('takes a Grafana webhook with its own links and values', () => {
    const n = accepted(parseGrafana(grafanaPayload()));
    expect(n).toMatchObject({ source: 'grafana', receiver: 'Command Post', groupKey: '{}:{alertname="alert1"}', externalURL: 'http://localhost/', truncatedAlerts: 0 });
    expect(n.alerts).toEqual([
      {
        source: 'grafana',
        groupKey: '{}:{alertname="alert1"}',
        fingerprint: 'fac0861a85de433a',
        status: 'firing',
        name: 'alert1',
        summary: 'memory above 90% for zone us-1',
        description: 'The system has high memory usage',
        labels: { alertname: 'alert1', lbl1: 'val1' },
        annotations: {
          summary: 'memory above 90% for zone us-1',
          description: 'The system has high memory usage',
          runbook_url: 'https://runbooks.example.com/memory',
          __values__: '{"B":44.23943737541908,"C":1}',
          __value_string__: "[ var='B' labels={} value=44.23943737541908 ], [ var='C' labels={} value=1 ]",
        },
        severity: null,
        service: null,
        startsAt: Date.UTC(2021, 9, 12, 7, 51, 3, 157),
        endsAt: null,
        links: [
          { label: 'Source', url: 'http://localhost/alerting/grafana/abc123/view?orgId=1' },
          { label: 'Runbook', url: 'https://runbooks.example.com/memory' },
          { label: 'Dashboard', url: 'http://localhost/d/abcd?orgId=1' },
          { label: 'Panel', url: 'http://localhost/d/abcd?orgId=1&viewPanel=efgh' },
          { label: 'Silence', url: grafanaAlert().silenceURL },
        ],
      },
    ]);
  });

  it('takes the example body of the Grafana docs: empty links, valueString, "{}:{}"', () => {
    // The shape of the example in Grafana's "Configure the webhook notifier" docs (9.x): empty
    // dashboardURL and panelURL, valueString and no values, groupKey "{}:{}", empty groupLabels.
    const body = grafanaPayload({
      groupKey: '{}:{}',
      groupLabels: {},
      alerts: [
        grafanaAlert({
          labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1' },
          fingerprint: 'c6eadffa33fcdf37',
          dashboardURL: '',
          panelURL: '',
          values: undefined as never,
          valueString: "[ metric='' labels={} value=14151.331895396988 ]",
        }),
      ],
    });
    delete (body.alerts[0] as Record<string, unknown>).values;
    const alert = accepted(parseGrafana(body)).alerts[0]!;
    expect(alert.groupKey).toBe('{}:{}');
    expect(alert.fingerprint).toBe('c6eadffa33fcdf37');
    expect(alert.links.map((l) => l.label)).toEqual(['Source', 'Runbook', 'Silence']);
    expect(alert.annotations.__values__).toBeUndefined();
    expect(alert.annotations.__value_string__).toBe("[ metric='' labels={} value=14151.331895396988 ]");
  });

  it('takes null values, as Go writes a nil map, and a resolved alert with its end', () => {
    const n = accepted(
      parseGrafana(
        grafanaPayload({
          status: 'resolved',
          state: 'ok',
          alerts: [grafanaAlert({ status: 'resolved', values: null, valueString: '', endsAt: '2021-10-12T10:01:03.157076+02:00' })],
        }),
      ),
    );
    expect(n.alerts[0]!.status).toBe('resolved');
    expect(n.alerts[0]!.endsAt).toBe(Date.UTC(2021, 9, 12, 8, 1, 3, 157));
    expect(Object.keys(n.alerts[0]!.annotations)).toEqual(['summary', 'description', 'runbook_url']);
  });

  it('carries truncatedAlerts and an image link', () => {
    const n = accepted(parseGrafana(grafanaPayload({ truncatedAlerts: 1, alerts: [grafanaAlert({ imageURL: 'https://images.example.com/a.png', endsAt: GO_ZERO_TIME })] })));
    expect(n.truncatedAlerts).toBe(1);
    expect(n.alerts[0]!.links.at(-1)).toEqual({ label: 'Image', url: 'https://images.example.com/a.png' });
  });

  it('refuses an Alertmanager webhook and a malformed Grafana one, naming each field', () => {
    expect(refused(alertmanagerPayload())).toEqual(['version: must be "1"']);
    expect(
      refused(
        grafanaPayload({
          alerts: [grafanaAlert({ values: { B: 'high' } as never }), grafanaAlert({ valueString: 'a\u0007b' }), grafanaAlert({ dashboardURL: 5 as never })],
        }),
      ),
    ).toEqual([
      'alerts[0].values.B: expected number, received string',
      'alerts[1].valueString: holds a control character',
      'alerts[2].dashboardURL: expected string, received number',
    ]);
  });

  it('never throws on any JSON value', () => {
    expectNeverThrows(parseGrafana, grafanaPayload());
  });

  it('keeps a valid webhook valid, and the same, with extra keys anywhere', () => {
    const base = grafanaPayload();
    const plain = accepted(parseGrafana(base));
    fc.assert(
      fc.property(withExtraKeys(base, ['alerts']), (body) => {
        expect(accepted(parseGrafana(body))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});
