import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertmanagerApiAlert, alertmanagerApiAlerts, API_PULLED_AT, expectNeverThrows, withExtraKeys } from '../../tests/support/alert-payloads';
import { INTAKE_LIMITS, type NormalNotification, type ParseResult } from './alert';
import { parseAlertmanagerPull, PULL_GROUP_KEY, pullGroupKey } from './alertmanager-pull';

function accepted(result: ParseResult<NormalNotification>): NormalNotification {
  if (!result.ok) throw new Error(`refused: ${result.errors.join('; ')}`);
  return result.value;
}

const pull = (body: unknown, now = API_PULLED_AT) => parseAlertmanagerPull(body, now);

describe('parseAlertmanagerPull', () => {
  it('takes GET /api/v2/alerts: one group for the same alert on two instances, the silenced one marked', () => {
    const n = accepted(pull(alertmanagerApiAlerts()));
    expect(n).toMatchObject({ source: 'alertmanager-pull', receiver: null, groupKey: PULL_GROUP_KEY, externalURL: null, truncatedAlerts: 0 });
    const [active, silenced] = n.alerts;
    expect(active).toEqual({
      source: 'alertmanager-pull',
      groupKey: 'pull:{alertname="HighErrorRate", job="checkout", severity="critical"}',
      fingerprint: '3b1c2a5d9e0f7a61',
      status: 'firing',
      name: 'HighErrorRate',
      summary: 'error rate 14%',
      description: '',
      labels: { alertname: 'HighErrorRate', job: 'checkout', instance: '10.0.3.17:9090', severity: 'critical' },
      annotations: { summary: 'error rate 14%', runbook_url: 'https://runbooks.example.com/checkout/high-error-rate' },
      severity: 'critical',
      service: 'checkout',
      startsAt: Date.UTC(2026, 2, 14, 3, 2, 11, 482),
      // The lease (03:10:11) is not an end.
      endsAt: null,
      links: [
        { label: 'Source', url: alertmanagerApiAlert().generatorURL },
        { label: 'Runbook', url: 'https://runbooks.example.com/checkout/high-error-rate' },
      ],
    });
    expect(silenced!.groupKey).toBe(active!.groupKey);
    expect(silenced!.status).toBe('firing');
    expect(silenced!.suppressed).toEqual({ silencedBy: ['7c1e6a52-9f0b-4d3e-8a21-3f5b2c9d0e14'], inhibitedBy: [] });
    expect('suppressed' in active!).toBe(false);
  });

  it('fires for unprocessed alerts, and resolves any whose end has passed', () => {
    const [unprocessed, ended, endsNow] = accepted(
      pull(
        alertmanagerApiAlerts([
          { status: { state: 'unprocessed', silencedBy: [], inhibitedBy: [] } },
          { fingerprint: 'b', endsAt: '2026-03-14T03:05:00Z' },
          { fingerprint: 'c', endsAt: '2026-03-14T03:06:30Z', status: { state: 'suppressed', silencedBy: [], inhibitedBy: ['3b1c2a5d9e0f7a61'] } },
        ]),
      ),
    ).alerts;
    expect(unprocessed!.status).toBe('firing');
    expect(ended).toMatchObject({ status: 'resolved', endsAt: Date.UTC(2026, 2, 14, 3, 5) });
    expect(endsNow).toMatchObject({ status: 'resolved', endsAt: API_PULLED_AT, suppressed: { silencedBy: [], inhibitedBy: ['3b1c2a5d9e0f7a61'] } });
  });

  it('takes an empty answer, and counts alerts past the limit', () => {
    expect(accepted(pull([])).alerts).toEqual([]);
    const many = Array.from({ length: INTAKE_LIMITS.alerts + 3 }, (_, i) => alertmanagerApiAlert({ fingerprint: `f${i}` }));
    const n = accepted(pull(many));
    expect(n.alerts).toHaveLength(INTAKE_LIMITS.alerts);
    expect(n.truncatedAlerts).toBe(3);
  });

  it('takes an alert without the optional parts of the status, and computes a missing fingerprint', () => {
    const a = alertmanagerApiAlert({ status: { state: 'active' } as never, fingerprint: '', labels: { alertname: 'alert1', lbl1: 'val1' } });
    expect(accepted(pull([a])).alerts[0]!.fingerprint).toBe('fac0861a85de433a');
  });

  it('refuses what is not an alert list, naming each field', () => {
    const refused = (body: unknown) => {
      const r = pull(body);
      return r.ok ? [] : r.errors;
    };
    expect(refused({ alerts: [] })).toEqual(['body: expected array, received object']);
    expect(
      refused([
        alertmanagerApiAlert({ status: { state: 'firing' } as never }),
        alertmanagerApiAlert({ status: undefined as never }),
        alertmanagerApiAlert({ startsAt: 'now' }),
        alertmanagerApiAlert({ status: { state: 'suppressed', silencedBy: ['a\nb'], inhibitedBy: [] } }),
      ]),
    ).toEqual([
      '[0].status.state: must be one of "active", "suppressed", "unprocessed"',
      '[1].status: is required',
      '[2].startsAt: not an RFC 3339 time',
      '[3].status.silencedBy[0]: holds a line break or control character',
    ]);
  });

  it('never throws on any JSON value', () => {
    expectNeverThrows(pull, alertmanagerApiAlerts());
  });

  it('keeps a valid answer valid, and the same, with extra keys anywhere', () => {
    const base = alertmanagerApiAlerts();
    const plain = accepted(pull(base));
    fc.assert(
      fc.property(withExtraKeys(base, ['status']), (body) => {
        expect(accepted(pull(body))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pullGroupKey', () => {
  it('leaves out instance-like labels and private ones', () => {
    const key = pullGroupKey({ alertname: 'X', pod: 'p-1', container: 'c', node: 'n', host: 'h', instance: 'i', __name__: 'm', namespace: 'prod' });
    expect(key).toBe('pull:{alertname="X", namespace="prod"}');
  });

  it('quotes UTF-8 names and escapes values, so no two label sets read alike', () => {
    expect(pullGroupKey({ 'service.name': 'a"b', alertname: 'X' })).toBe('pull:{alertname="X", "service.name"="a\\"b"}');
    expect(pullGroupKey({ 'a="1", b': '2' })).not.toBe(pullGroupKey({ a: '1', b: '2' }));
  });

  it('falls back to a fingerprint when the readable key would be long', () => {
    const key = pullGroupKey({ alertname: 'X', detail: 'd'.repeat(2_000), instance: 'i-1' });
    expect(key).toMatch(/^pull:#[0-9a-f]{16}$/);
    expect(pullGroupKey({ alertname: 'X', detail: 'd'.repeat(2_000), instance: 'i-2' })).toBe(key);
  });
});
