import { describe, expect, it } from 'vitest';
import { alertRulesSpec, formatMatch, moveRow, parseMatch, rowError, type AlertRulesDraft } from '../../../renderer/components/settings/alert-rules-form';
import { alertmanagerSnippet, grafanaSnippet, intakeAddresses, pagerDutySnippet } from '../../../renderer/components/settings/intake-snippets';
import { agoText, pullDraftFrom, pullInput, pullStatusWords, samePullDraft, type PullDraft } from '../../../renderer/components/settings/pull-form';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';

const BASE = 'http://127.0.0.1:43117/intake';
const TOKEN = 'tok_3f9a-Kq7_zz';

describe('the intake snippets', () => {
  it('name the three intake paths under the address the engine gives', () => {
    expect(intakeAddresses(BASE)).toEqual({
      alertmanager: `${BASE}/alertmanager`,
      grafana: `${BASE}/grafana`,
      pagerDuty: `${BASE}/pagerduty/v2/enqueue`,
    });
    expect(intakeAddresses(`${BASE}/`).grafana).toBe(`${BASE}/grafana`);
  });

  it('the Alertmanager receiver carries the real URL and token as a bearer, as in the README', () => {
    const yaml = alertmanagerSnippet(BASE, TOKEN);
    expect(yaml).toContain(`      - url: ${BASE}/alertmanager\n`);
    expect(yaml).toContain(`            type: Bearer\n            credentials: ${TOKEN}\n`);
    expect(yaml).toContain('        send_resolved: true\n');
    expect(yaml).toContain("  group_by: ['alertname', 'service']\n");
    expect(yaml).not.toContain('<intake token>');
  });

  it('the Grafana fields and the PagerDuty curl line carry the real URL and token', () => {
    const grafana = grafanaSnippet(BASE, TOKEN);
    expect(grafana).toContain(`URL: ${BASE}/grafana`);
    expect(grafana).toContain('HTTP method: POST');
    expect(grafana).toContain(`credentials: ${TOKEN}`);
    const curl = pagerDutySnippet(BASE, TOKEN);
    expect(curl.startsWith(`curl -X POST ${BASE}/pagerduty/v2/enqueue -H 'Content-Type: application/json' \\\n`)).toBe(true);
    const json = curl.slice(curl.indexOf("-d '") + 4, curl.lastIndexOf("'"));
    expect(JSON.parse(json)).toEqual({
      routing_key: TOKEN,
      event_action: 'trigger',
      dedup_key: 'payments-db',
      payload: { summary: 'Payments DB p99 above 2 s', source: 'db-1', severity: 'critical' },
    });
  });
});

describe('label matchers', () => {
  it('read label=value pairs, trimmed, quotes taken off', () => {
    expect(parseMatch('team=payments')).toEqual({ ok: true, match: { team: 'payments' } });
    expect(parseMatch(' team = payments ,  env="prod", ')).toEqual({ ok: true, match: { team: 'payments', env: 'prod' } });
    expect(parseMatch('url=a=b')).toEqual({ ok: true, match: { url: 'a=b' } });
    expect(formatMatch({ team: 'payments', env: 'prod' })).toBe('team=payments, env=prod');
  });

  it.each([
    ['', /Type at least one label=value/],
    ['  , ', /Type at least one label=value/],
    ['payments', /has no =/],
    ['team-name=x', /is not a label name/],
    ['1team=x', /is not a label name/],
    ['team=', /Give team a value/],
    ['team=a, team=b', /named twice/],
    [Array.from({ length: 11 }, (_, i) => `l${i}=v`).join(','), /At most 10 labels/],
    [`team=${'x'.repeat(201)}`, /longer than 200/],
  ])('refuse %j', (text, message) => {
    const parsed = parseMatch(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('the severity rules and routes form', () => {
  const saved = () => alertRulesSpec.fromSettings(DEFAULT_SETTINGS);

  it('starts from the saved rules (critical → SEV2, warning → SEV3 by default) and no routes', () => {
    const draft = saved();
    expect(draft.rules.map((r) => [r.match, r.severity])).toEqual([
      ['severity=critical', 'SEV2'],
      ['severity=warning', 'SEV3'],
    ]);
    expect(draft.routes).toEqual([]);
  });

  it('turns the rows into the patch, in order', () => {
    const draft: AlertRulesDraft = {
      rules: [
        { key: 'a', match: 'team=payments', severity: 'SEV1' },
        { key: 'b', match: 'severity=critical, env=prod', severity: 'SEV2' },
      ],
      routes: [{ key: 'c', match: 'service=checkout' }],
    };
    expect(alertRulesSpec.toPatch(draft)).toEqual({
      patch: {
        alertSeverityRules: [
          { match: { team: 'payments' }, severity: 'SEV1' },
          { match: { severity: 'critical', env: 'prod' }, severity: 'SEV2' },
        ],
        alertRoutes: [{ match: { service: 'checkout' } }],
      },
    });
  });

  it('puts each problem beside its row, on the engine’s path', () => {
    const draft: AlertRulesDraft = { rules: [{ key: 'a', match: 'team=payments', severity: 'SEV1' }, { key: 'b', match: 'oops', severity: 'SEV2' }], routes: [{ key: 'c', match: '' }] };
    const result = alertRulesSpec.toPatch(draft);
    expect('errors' in result && Object.keys(result.errors)).toEqual(['alertSeverityRules.1.match', 'alertRoutes.0.match']);
    expect(rowError({ 'alertSeverityRules.1.match.bad-label': 'is not a label name' }, 'alertSeverityRules.1')).toBe('is not a label name');
    expect(rowError({ 'alertSeverityRules.10.match': 'x' }, 'alertSeverityRules.1')).toBeUndefined();
  });

  it('reads spacing and key changes as no change, a new order as one', () => {
    const draft = saved();
    const respaced = { ...draft, rules: draft.rules.map((r) => ({ ...r, key: `x${r.key}`, match: ` ${r.match.replace('=', ' = ')} ` })) };
    expect(alertRulesSpec.same!(respaced, saved())).toBe(true);
    expect(alertRulesSpec.same!({ ...draft, rules: moveRow(draft.rules, 0, 1) }, saved())).toBe(false);
  });

  it('moves a row up or down, never off the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('the followed Alertmanager form', () => {
  const pull = { url: 'http://alertmanager:9093', auth: 'none' as const, username: '', enabled: true, intervalSeconds: 5, hasSecret: false };
  const draft = (patch: Partial<PullDraft> = {}): PullDraft => ({ ...pullDraftFrom(pull), ...patch });

  it('starts from the saved source, or an empty one polled every 5 s', () => {
    expect(pullDraftFrom(null)).toEqual({ url: '', auth: 'none', username: '', secret: { kind: 'keep' }, enabled: true, intervalSeconds: '5' });
    expect(samePullDraft(draft({ intervalSeconds: ' 5 ' }), pullDraftFrom(pull))).toBe(true);
  });

  it('keeps the saved secret unless a new one is typed or it is forgotten', () => {
    expect(pullInput(draft(), false)).toEqual({ input: { url: 'http://alertmanager:9093', auth: 'none', username: '', enabled: true, intervalSeconds: 5 } });
    expect(pullInput(draft({ auth: 'bearer', secret: { kind: 'new', value: 's3cret' } }), false)).toMatchObject({ input: { auth: 'bearer', secret: 's3cret' } });
    expect(pullInput(draft({ auth: 'none', secret: { kind: 'forget' } }), true)).toMatchObject({ input: { secret: null } });
    expect(pullInput(draft({ auth: 'basic', username: ' ops ' }), true)).toMatchObject({ input: { auth: 'basic', username: 'ops' } });
  });

  it('says what is wrong beside each field', () => {
    const errors = (d: PullDraft, hasSecret = false) => {
      const r = pullInput(d, hasSecret);
      return 'errors' in r ? r.errors : {};
    };
    expect(errors(draft({ url: '' })).url).toMatch(/Type the Alertmanager's address/);
    expect(errors(draft({ url: 'alertmanager:9093' })).url).toMatch(/http:\/\/ or https:\/\//);
    expect(errors(draft({ url: '127.0.0.1:9093' })).url).toMatch(/http:\/\/ or https:\/\//);
    expect(errors(draft({ url: 'ftp://am:9093' })).url).toMatch(/http:\/\/ or https:\/\//);
    expect(errors(draft({ url: 'http://' })).url).toMatch(/not an address/);
    expect(errors(draft({ url: 'http://u:p@am:9093' })).url).toMatch(/their own fields/);
    for (const bad of ['1', '301', '2.5', '', 'five']) expect(errors(draft({ intervalSeconds: bad })).intervalSeconds).toMatch(/from 2 to 300/);
    expect(errors(draft({ intervalSeconds: '2' }))).toEqual({});
    expect(errors(draft({ auth: 'basic' }), true).username).toMatch(/user name/);
    expect(errors(draft({ auth: 'bearer' })).secret).toMatch(/A bearer token needs a token/);
    expect(errors(draft({ auth: 'bearer', secret: { kind: 'new', value: '' } })).secret).toMatch(/Type the new token/);
  });

  it('says how polling goes in words, with the sync pill’s tones', () => {
    const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const at = Date.parse('2026-03-14T03:14:00Z');
    const ok = pullStatusWords(pull, { url: pull.url, state: 'ok', lastGoodAt: at, lastError: null, firing: 3 }, at + 12_000, clock);
    expect(ok).toEqual({ tone: 'synced', label: 'Polling', text: 'Polling every 5 s — last good poll 03:14 (12 s ago), 3 alerts firing' });
    const failing = pullStatusWords(pull, { url: pull.url, state: 'failing', lastGoodAt: at - 12 * 60_000, lastError: 'http://alertmanager:9093 cannot be reached (ECONNREFUSED).', firing: 0 }, at, clock);
    expect(failing.tone).toBe('error');
    expect(failing.text).toBe('Failing: http://alertmanager:9093 cannot be reached (ECONNREFUSED) — last good poll 03:02 (12 min ago)');
    expect(pullStatusWords(pull, { url: pull.url, state: 'failing', lastGoodAt: null, lastError: 'x', firing: 0 }, at, clock).text).toBe('Failing: x — no good poll yet');
    expect(pullStatusWords(pull, { url: pull.url, state: 'polling', lastGoodAt: null, lastError: null, firing: 0 }, at, clock).tone).toBe('syncing');
    expect(pullStatusWords({ ...pull, enabled: false }, { url: pull.url, state: 'off', lastGoodAt: null, lastError: null, firing: 0 }, at, clock).tone).toBe('off');
    expect(pullStatusWords(null, null, at, clock).label).toBe('Not following');
    expect(pullStatusWords(pull, { url: pull.url, state: 'ok', lastGoodAt: at, lastError: null, firing: 1 }, at, clock).text).toMatch(/, 1 alert firing$/);
    expect(agoText(3 * 3_600_000)).toBe('3 h ago');
  });
});
