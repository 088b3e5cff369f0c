import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../../shared/domain/incident';
import type { NormalAlert } from '../../../shared/intake/alert';
import { ALERT_STATUS_WORDS, alertCounts, alertsInOrder, labelChips, openableLinks } from '../../../renderer/lib/alert-view';

function record(key: string, patch: Partial<NormalAlert>): AlertRecord {
  const alert: NormalAlert = {
    source: 'alertmanager',
    groupKey: 'g',
    fingerprint: key,
    status: 'firing',
    name: key,
    summary: '',
    description: '',
    labels: {},
    annotations: {},
    severity: 'critical',
    service: 'checkout',
    startsAt: 1_000,
    endsAt: null,
    links: [],
    ...patch,
  };
  return { key: `alertmanager:${key}`, group: 'alertmanager:g', alert, digest: key };
}

describe('alerts on the war room', () => {
  it('say their status in a word', () => {
    expect(ALERT_STATUS_WORDS).toEqual({ firing: 'Firing', acknowledged: 'Acknowledged', resolved: 'Resolved' });
  });

  it('come firing first, then acknowledged, then resolved, the oldest first within each', () => {
    const alerts = [
      record('resolved', { status: 'resolved', startsAt: 100, endsAt: 900 }),
      record('late', { startsAt: 5_000 }),
      record('acked', { status: 'acknowledged', startsAt: 50 }),
      record('untimed', { startsAt: null }),
      record('early', { startsAt: 200 }),
    ];
    expect(alertsInOrder(alerts).map((r) => r.alert.name)).toEqual(['early', 'late', 'untimed', 'acked', 'resolved']);
    expect(alertCounts(alerts)).toBe('3 firing · 1 acknowledged · 1 resolved');
    expect(alertCounts([record('a', { status: 'resolved' })])).toBe('1 resolved');
  });

  it('show at most eight labels as chips, leaving out what the card says already', () => {
    const labels: Record<string, string> = { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' };
    for (let i = 1; i <= 11; i++) labels[`l${i}`] = String(i);
    const chips = labelChips(labels);
    expect(chips.shown.map(([name]) => name)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8']);
    expect(chips.more).toBe(3);
    expect(labelChips({ job: 'checkout' })).toEqual({ shown: [['job', 'checkout']], more: 0 });
  });

  it('open only http(s) links', () => {
    const links = [
      { label: 'Runbook', url: 'https://runbooks.example.com/checkout' },
      { label: 'Source', url: 'http://prometheus.example.com:9090/graph?g0.expr=up' },
      { label: 'Bad', url: 'javascript:alert(1)' },
      { label: 'File', url: 'file:///etc/passwd' },
      { label: 'Spaced', url: 'https://example.com/a b' },
    ];
    expect(openableLinks(links).map((l) => l.label)).toEqual(['Runbook', 'Source']);
  });
});
