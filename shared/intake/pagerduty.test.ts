import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNeverThrows, pagerDutyEvent, pagerDutyPayload, withExtraKeys } from '../../tests/support/alert-payloads';
import type { ParseResult } from './alert';
import { detailsAnnotations, pagerDutyAccepted, pagerDutyErrors, parsePagerDuty, withDedupKey, type PagerDutyNotification } from './pagerduty';

function accepted(result: ParseResult<PagerDutyNotification>): PagerDutyNotification {
  if (!result.ok) throw new Error(`refused: ${result.errors.join('; ')}`);
  return result.value;
}

function refused(body: unknown): string[] {
  const result = parsePagerDuty(body);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

describe('parsePagerDuty', () => {
  it('takes a trigger with every field PagerDuty documents', () => {
    const n = accepted(parsePagerDuty(pagerDutyEvent()));
    expect(n).toEqual({
      source: 'pagerduty',
      receiver: null,
      groupKey: 'checkout-high-error-rate',
      externalURL: null,
      truncatedAlerts: 0,
      eventAction: 'trigger',
      routingKey: 'R0123456789abcdef0123456789abcde',
      dedupKey: 'checkout-high-error-rate',
      alerts: [
        {
          source: 'pagerduty',
          groupKey: 'checkout-high-error-rate',
          fingerprint: 'checkout-high-error-rate',
          status: 'firing',
          name: 'Checkout error rate above 5% on checkout-prod',
          summary: 'Checkout error rate above 5% on checkout-prod',
          description: '',
          labels: { severity: 'critical', source: 'checkout-prod-03.example.com', component: 'checkout', group: 'prod-payments', class: 'error rate' },
          annotations: { 'error rate': '14%', 'load avg': '0.75' },
          severity: 'critical',
          service: 'checkout',
          startsAt: Date.UTC(2026, 2, 14, 3, 2, 11, 482),
          endsAt: null,
          links: [
            { label: 'Runbook', url: 'https://runbooks.example.com/checkout' },
            { label: 'Checkout errors', url: 'https://grafana.example.com/d/checkout' },
            { label: 'Example Monitoring', url: 'https://monitoring.example.com' },
          ],
        },
      ],
    });
  });

  it('takes the acknowledge and resolve examples of the PagerDuty docs: a key and nothing else', () => {
    // PagerDuty/developer-docs docs/events-API-v2/02-Trigger-Events.md, "Acknowledge" and "Resolve" tabs.
    const ack = accepted(parsePagerDuty({ routing_key: 'routingkeyhere', dedup_key: 'dedupkeyhere', event_action: 'acknowledge' }));
    expect(ack.alerts[0]).toMatchObject({ status: 'acknowledged', groupKey: 'dedupkeyhere', fingerprint: 'dedupkeyhere', name: '', severity: null, service: null, startsAt: null, endsAt: null, labels: {}, annotations: {} });
    const resolve = accepted(parsePagerDuty({ routing_key: 'routingkeyhere', dedup_key: 'dedupkeyhere', event_action: 'resolve' }));
    expect(resolve.alerts[0]!.status).toBe('resolved');
    expect(resolve.eventAction).toBe('resolve');
  });

  it('takes a resolve as Alertmanager sends one: payload, empty lists, string details, a 64-digit key', () => {
    // prometheus/alertmanager notify/pagerduty/pagerduty.go, notifyV2: dedup_key is the group key's
    // SHA-256, images and links are always sent (empty when none are configured), custom_details
    // are the templated strings firing/resolved/num_firing/num_resolved, severity defaults to "error".
    const dedup = 'a3f1c2e4b5d6978812345678901234567890abcdefabcdefabcdef0123456789';
    const n = accepted(
      parsePagerDuty({
        client: 'Alertmanager',
        client_url: 'http://alertmanager.example.com:9093/#/alerts?receiver=pagerduty',
        routing_key: 'R0123456789abcdef0123456789abcde',
        event_action: 'resolve',
        dedup_key: dedup,
        images: [],
        links: [],
        payload: {
          summary: '[RESOLVED] HighErrorRate (checkout critical)',
          source: 'Alertmanager',
          severity: 'error',
          custom_details: { firing: '', num_firing: '0', num_resolved: '1', resolved: 'Labels:\n - alertname = HighErrorRate\n' },
        },
      }),
    );
    const alert = n.alerts[0]!;
    expect(alert).toMatchObject({ status: 'resolved', fingerprint: dedup, name: '[RESOLVED] HighErrorRate (checkout critical)', severity: 'error', service: 'Alertmanager', endsAt: null });
    expect(alert.annotations.resolved).toBe('Labels:\n - alertname = HighErrorRate\n');
    expect(alert.links).toEqual([{ label: 'Alertmanager', url: 'http://alertmanager.example.com:9093/#/alerts?receiver=pagerduty' }]);
  });

  it('puts a resolve timestamp as the end, and none for an acknowledge', () => {
    const at = '2026-03-14T03:25:00Z';
    expect(accepted(parsePagerDuty(pagerDutyEvent({ event_action: 'resolve', payload: pagerDutyPayload({ timestamp: at }) }))).alerts[0]).toMatchObject({ startsAt: null, endsAt: Date.parse(at) });
    expect(accepted(parsePagerDuty(pagerDutyEvent({ event_action: 'acknowledge', payload: pagerDutyPayload({ timestamp: at }) }))).alerts[0]).toMatchObject({ startsAt: null, endsAt: null });
  });

  it('answers dedupKey null for a trigger without one, for the caller to fill', () => {
    const body = pagerDutyEvent();
    delete body.dedup_key;
    const n = accepted(parsePagerDuty(body));
    expect(n.dedupKey).toBeNull();
    expect(n.groupKey).toBe('');
    expect(n.alerts[0]!.fingerprint).toBe('');
    expect(accepted(parsePagerDuty(pagerDutyEvent({ dedup_key: '' }))).dedupKey).toBeNull();
    const filled = withDedupKey(n, '5f2b8c1e-4a7d-4e0b-9c3f-1d2e3f4a5b6c');
    expect(filled.dedupKey).toBe('5f2b8c1e-4a7d-4e0b-9c3f-1d2e3f4a5b6c');
    expect(filled.groupKey).toBe(filled.dedupKey);
    expect(filled.alerts[0]).toMatchObject({ groupKey: filled.dedupKey, fingerprint: filled.dedupKey, name: n.alerts[0]!.name });
    expect(n.dedupKey).toBeNull();
    expect(() => withDedupKey(n, '')).toThrow(/dedup key/);
    expect(() => withDedupKey(n, 'k'.repeat(256))).toThrow(/dedup key/);
  });

  it('takes a trigger with only what is required, and a summary over lines as one line', () => {
    const n = accepted(parsePagerDuty({ routing_key: 'k', event_action: 'trigger', payload: { summary: 'Disk full\non db-1', source: 'db-1', severity: 'warning' } }));
    expect(n.alerts[0]).toMatchObject({ name: 'Disk full on db-1', summary: 'Disk full on db-1', service: 'db-1', startsAt: null, labels: { severity: 'warning', source: 'db-1' }, links: [] });
  });

  it('cuts a long summary to a 300-character name', () => {
    const summary = 'S'.repeat(1_024);
    const alert = accepted(parsePagerDuty(pagerDutyEvent({ payload: pagerDutyPayload({ summary }) }))).alerts[0]!;
    expect(alert.summary).toBe(summary);
    expect(alert.name).toHaveLength(300);
  });

  it('refuses what PagerDuty refuses, naming each field', () => {
    expect(refused({ routing_key: 'k', event_action: 'trigger' })).toEqual(['payload: is required to trigger']);
    expect(refused({ routing_key: 'k', event_action: 'trigger', payload: { summary: ' ' } })).toEqual([
      'payload.summary: is required to trigger',
      'payload.source: is required to trigger',
      'payload.severity: is required to trigger',
    ]);
    expect(refused({ routing_key: 'k', event_action: 'resolve' })).toEqual(['dedup_key: is required to resolve']);
    expect(refused({ routing_key: 'k', event_action: 'acknowledge', dedup_key: '' })).toEqual(['dedup_key: is required to acknowledge']);
    expect(refused(pagerDutyEvent({ event_action: 'snooze' }))).toEqual(['event_action: must be one of "trigger", "acknowledge", "resolve"']);
    expect(refused(pagerDutyEvent({ routing_key: '' }))).toEqual(['routing_key: is empty']);
    expect(refused(pagerDutyEvent({ routing_key: 'k'.repeat(201) }))).toEqual(['routing_key: is longer than 200 characters']);
    expect(refused(pagerDutyEvent({ dedup_key: 'k'.repeat(256) }))).toEqual(['dedup_key: is longer than 255 characters']);
    expect(refused(pagerDutyEvent({ dedup_key: 'a\nb' }))).toEqual(['dedup_key: holds a line break or control character']);
    expect(
      refused(
        pagerDutyEvent({
          payload: pagerDutyPayload({ summary: 'S'.repeat(1_025), severity: 'Critical', timestamp: '2015-07-17T08:42:58', component: 'a\u202eb' }),
          links: [{ text: 'no href' }],
          images: 'none',
        }),
      ),
    ).toEqual([
      'payload.summary: is longer than 1024 characters',
      'payload.severity: must be one of "critical", "error", "warning", "info"',
      'payload.timestamp: not an ISO 8601 time with a zone',
      'payload.component: holds a control character',
      'links[0].href: is required',
      'images: expected array, received string',
    ]);
  });

  it('says so when an Events API v1 body comes', () => {
    expect(refused({ service_key: 'k', event_type: 'trigger', description: 'x' })).toEqual([
      'routing_key: is required (service_key is the Events API v1; this is v2)',
      'event_action: must be one of "trigger", "acknowledge", "resolve"',
    ]);
  });

  it('answers as PagerDuty answers', () => {
    expect(pagerDutyErrors(pagerDutyEvent())).toBeNull();
    expect(pagerDutyErrors({ routing_key: 'k', event_action: 'resolve' })).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors: ['dedup_key: is required to resolve'] });
    expect(pagerDutyAccepted('abc')).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'abc' });
  });

  it('never throws on any JSON value', () => {
    expectNeverThrows(parsePagerDuty, pagerDutyEvent());
  });

  it('keeps a valid event valid, and the same, with extra keys anywhere', () => {
    const base = pagerDutyEvent();
    const plain = accepted(parsePagerDuty(base));
    fc.assert(
      fc.property(withExtraKeys(base, ['payload', 'links', 'images']), (body) => {
        expect(accepted(parsePagerDuty(body))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});

describe('detailsAnnotations', () => {
  it('flattens any JSON into string annotations, leniently', () => {
    expect(detailsAnnotations({ 'ping time': '1500ms', 'load avg': 0.75, nested: { a: [1, null] }, ok: true, nothing: null })).toEqual({
      'ping time': '1500ms',
      'load avg': '0.75',
      nested: '{"a":[1,null]}',
      ok: 'true',
      nothing: 'null',
    });
    expect(detailsAnnotations('just text')).toEqual({ custom_details: 'just text' });
    expect(detailsAnnotations([1, 2])).toEqual({ custom_details: '[1,2]' });
    expect(detailsAnnotations(undefined)).toEqual({});
    expect(detailsAnnotations(null)).toEqual({});
  });

  it('skips names that cannot name an annotation, caps count and length, and replaces control characters', () => {
    const details = JSON.parse('{"__proto__":"x","constructor":"y","":"empty","a\\u0000":"nul","fine":"a\\u202eb\\n\\tc"}');
    expect(detailsAnnotations(details)).toEqual({ fine: 'a\uFFFDb\n\tc' });
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, 'v'.repeat(20_000)]));
    const out = detailsAnnotations(many);
    expect(Object.keys(out)).toHaveLength(100);
    expect(out.k0).toHaveLength(10_000);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
