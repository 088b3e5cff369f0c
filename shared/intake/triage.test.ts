import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertmanagerAlert, alertmanagerPayload, pagerDutyEvent, pagerDutyPayload } from '../../tests/support/alert-payloads';
import type { NormalAlert } from './alert';
import { parseAlertmanager } from './alertmanager';
import { parsePagerDuty } from './pagerduty';
import { alertDigest, allResolved, carryForward, describeAlertChange, mapSeverity, routeAlert, type AlertRoute, type SeverityRule } from './triage';

function amAlert(overrides: Parameters<typeof alertmanagerAlert>[0] = {}): NormalAlert {
  const r = parseAlertmanager(alertmanagerPayload({ alerts: [alertmanagerAlert(overrides)] }));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value.alerts[0]!;
}

function pdAlert(overrides: Record<string, unknown> = {}): NormalAlert {
  const r = parsePagerDuty(pagerDutyEvent(overrides));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value.alerts[0]!;
}

const labels = (extra: Record<string, string>) => ({ alertname: 'HighErrorRate', job: 'checkout', ...extra });

describe('mapSeverity', () => {
  it('maps critical to SEV2, warning to SEV3, anything else to SEV4 by default', () => {
    expect(mapSeverity(amAlert())).toBe('SEV2');
    expect(mapSeverity(amAlert({ labels: labels({ severity: 'Warning' }) }))).toBe('SEV3');
    expect(mapSeverity(amAlert({ labels: labels({ severity: 'page' }) }))).toBe('SEV4');
    expect(mapSeverity(amAlert({ labels: labels({}) }))).toBe('SEV4');
  });

  it('maps PagerDuty severities: critical and error SEV2, warning SEV3, info SEV4', () => {
    const of = (severity: string) => mapSeverity(pdAlert({ payload: pagerDutyPayload({ severity }) }));
    expect(['critical', 'error', 'warning', 'info'].map(of)).toEqual(['SEV2', 'SEV2', 'SEV3', 'SEV4']);
  });

  it('checks rules in order against labels and severity, and a rule may say SEV1', () => {
    const rules: SeverityRule[] = [
      { match: { service: 'checkout', severity: 'CRITICAL' }, severity: 'SEV1' },
      { match: { team: 'payments' }, severity: 'SEV3' },
      { match: {}, severity: 'SEV2' },
    ];
    expect(mapSeverity(amAlert(), rules)).toBe('SEV1');
    expect(mapSeverity(amAlert({ labels: labels({ team: 'payments', severity: 'critical' }) }), rules)).toBe('SEV3');
    expect(mapSeverity(amAlert({ labels: labels({ severity: 'info' }) }), rules)).toBe('SEV2');
    // PagerDuty fields are labels too.
    expect(mapSeverity(pdAlert({ payload: pagerDutyPayload({ severity: 'info' }) }), [{ match: { component: 'checkout' }, severity: 'SEV1' }])).toBe('SEV1');
    expect(mapSeverity(pdAlert({ payload: pagerDutyPayload({ severity: 'error' }) }), [])).toBe('SEV2');
  });

  it('never reads a label from the prototype', () => {
    expect(mapSeverity(amAlert(), [{ match: { constructor: String(Object) }, severity: 'SEV1' }])).toBe('SEV4');
    expect(mapSeverity(amAlert(), [{ match: { toString: String(Object.prototype.toString) }, severity: 'SEV1' }])).toBe('SEV4');
  });
});

describe('routeAlert', () => {
  const routes: AlertRoute[] = [
    { incidentId: 'INC-1', match: { job: 'checkout' } },
    { incidentId: 'INC-2', match: { job: 'checkout', alertname: 'HighErrorRate' } },
    { incidentId: 'INC-3', match: { job: 'search' } },
    { incidentId: 'INC-4', match: {} },
  ];

  it('attaches an alert to the most specific matching incident', () => {
    expect(routeAlert(amAlert(), routes)).toBe('INC-2');
    expect(routeAlert(amAlert({ labels: { alertname: 'Latency', job: 'checkout' } }), routes)).toBe('INC-1');
    expect(routeAlert(amAlert({ labels: { alertname: 'Latency', job: 'search', severity: 'warning' } }), [...routes, { incidentId: 'INC-5', match: { severity: 'WARNING' } }])).toBe('INC-3');
  });

  it('answers null when nothing matches; an empty match matches nothing', () => {
    expect(routeAlert(amAlert({ labels: { alertname: 'Other', job: 'db' } }), routes)).toBeNull();
    expect(routeAlert(amAlert(), [])).toBeNull();
    expect(routeAlert(amAlert(), [{ incidentId: 'INC-9', match: {} }])).toBeNull();
  });

  it('takes the first given of equally specific routes', () => {
    expect(routeAlert(amAlert(), [{ incidentId: 'A', match: { job: 'checkout' } }, { incidentId: 'B', match: { alertname: 'HighErrorRate' } }])).toBe('A');
  });
});

describe('alertDigest', () => {
  it('is the same for a repeated notification, even with a changed summary', () => {
    expect(alertDigest(amAlert({ annotations: { summary: 'error rate 15%' } }))).toBe(alertDigest(amAlert()));
  });

  it('differs when status, times, fingerprint or group differ', () => {
    const base = alertDigest(amAlert());
    expect(alertDigest(amAlert({ status: 'resolved', endsAt: '2026-03-14T03:30:00Z' }))).not.toBe(base);
    expect(alertDigest(amAlert({ startsAt: '2026-03-14T04:00:00Z' }))).not.toBe(base);
    expect(alertDigest(amAlert({ fingerprint: 'other' }))).not.toBe(base);
    expect(alertDigest({ ...amAlert(), groupKey: 'other' })).not.toBe(base);
    expect(alertDigest({ ...amAlert(), source: 'grafana' })).not.toBe(base);
  });

  it('cannot be fooled by separators inside the fields', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (g1, f1, g2, f2) => {
        fc.pre(g1 !== g2 || f1 !== f2);
        const a = { ...amAlert(), groupKey: g1, fingerprint: f1 };
        const b = { ...amAlert(), groupKey: g2, fingerprint: f2 };
        expect(alertDigest(a)).not.toBe(alertDigest(b));
      }),
    );
  });
});

describe('describeAlertChange', () => {
  const firing = amAlert();
  const resolved = amAlert({ status: 'resolved', endsAt: '2026-03-14T03:25:41Z' });

  it('writes the first notification of an alert', () => {
    expect(describeAlertChange(null, firing)).toBe('FIRING: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — since 03:02 UTC');
    expect(describeAlertChange(null, resolved)).toBe('RESOLVED: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — ended 03:25 UTC, after 23 min');
  });

  it('writes a resolve, a return, and nothing for a repeat', () => {
    expect(describeAlertChange(firing, resolved)).toBe('RESOLVED: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — ended 03:25 UTC, after 23 min');
    const again = amAlert({ startsAt: '2026-03-14T03:41:00Z' });
    expect(describeAlertChange(resolved, again)).toBe('FIRING AGAIN: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — since 03:41 UTC');
    // The resolve was never sent (send_resolved: false), but the start moved on.
    expect(describeAlertChange(firing, again)).toBe('FIRING AGAIN: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — since 03:41 UTC');
    expect(describeAlertChange(firing, amAlert({ annotations: { summary: 'error rate 15%' } }))).toBeNull();
    expect(describeAlertChange(resolved, resolved)).toBeNull();
  });

  it('writes times in the zone asked for', () => {
    expect(describeAlertChange(null, firing, 'Europe/Paris')).toBe('FIRING: HighErrorRate checkout on 10.0.3.17:9090 (critical) — error rate 14% — since 04:02 CET');
  });

  it('follows a PagerDuty alert through acknowledge and resolve, naming it from the trigger', () => {
    const trigger = pdAlert();
    const ack = pdAlert({ event_action: 'acknowledge', payload: undefined });
    const resolve = pdAlert({ event_action: 'resolve', payload: undefined });
    expect(describeAlertChange(null, trigger)).toBe('FIRING: Checkout error rate above 5% on checkout-prod checkout (critical) — since 03:02 UTC');
    expect(describeAlertChange(trigger, ack)).toBe('ACKNOWLEDGED: Checkout error rate above 5% on checkout-prod checkout (critical)');
    const known = carryForward(trigger, ack);
    expect(known).toMatchObject({ status: 'acknowledged', name: trigger.name, severity: 'critical', service: 'checkout', startsAt: trigger.startsAt, labels: trigger.labels });
    expect(describeAlertChange(known, trigger)).toBeNull();
    expect(describeAlertChange(known, resolve)).toBe('RESOLVED: Checkout error rate above 5% on checkout-prod checkout (critical)');
    expect(carryForward(null, ack)).toBe(ack);
    expect(carryForward(known, resolve).name).toBe(trigger.name);
    expect(describeAlertChange(null, resolve)).toBe('RESOLVED: checkout-high-error-rate');
    expect(describeAlertChange(resolve, ack)).toBeNull();
  });

  it('says when a pulled alert is held back', () => {
    const silenced = { ...firing, suppressed: { silencedBy: ['s-1'], inhibitedBy: [] } };
    const inhibited = { ...firing, suppressed: { silencedBy: [], inhibitedBy: ['f-1'] } };
    expect(describeAlertChange(null, silenced)).toMatch(/ — silenced$/);
    expect(describeAlertChange(null, inhibited)).toMatch(/ — inhibited$/);
  });

  it('leaves out what the alert does not say, and keeps the line one line', () => {
    const bare = amAlert({ labels: { alertname: 'Bare' }, annotations: {}, startsAt: undefined as never });
    expect(describeAlertChange(null, bare)).toBe('FIRING: Bare');
    const long = amAlert({ annotations: { summary: `${'x'.repeat(500)}\nsecond line` } });
    const line = describeAlertChange(null, long)!;
    expect(line).not.toMatch(/[\n\r]/);
    expect(line.length).toBeLessThan(400);
  });
});

describe('allResolved', () => {
  const firing = amAlert();
  const resolved = amAlert({ status: 'resolved', endsAt: '2026-03-14T03:25:41Z' });

  it('is true only when every known alert of the group is resolved', () => {
    expect(allResolved(new Map([['a', resolved], ['b', resolved]]))).toBe(true);
    expect(allResolved(new Map([['a', resolved], ['b', firing]]))).toBe(false);
    expect(allResolved({ a: resolved })).toBe(true);
    expect(allResolved({ a: { ...resolved, status: 'acknowledged' } })).toBe(false);
  });

  it('is false for a group with no known alert', () => {
    expect(allResolved(new Map())).toBe(false);
    expect(allResolved({})).toBe(false);
  });
});
