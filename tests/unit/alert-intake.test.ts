// The alert intake against real clients: Debian's Alertmanager 0.25 sending its webhook (with
// amtool firing and resolving alerts) to the browser host as a user runs it, and PagerDuty
// Events v2 bodies sent with plain HTTP. Every process started here is stopped by its pid.
import { rm } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentListItem, IncidentView } from '../../shared/contract/contract';
import { startAlertmanager, type RunningAlertmanager } from '../support/alertmanager';
import { makeTempDir } from '../support/temp-dir';
import { connectEngine, type EngineClient } from '../e2e/engine-client';
import { mustOk, startEngine } from '../support/engine-harness';
import { startHostProcess, type HostProcess } from '../e2e/host-process';

let dir: string;
let host: HostProcess;
let engine: EngineClient;
let am: RunningAlertmanager;

beforeAll(async () => {
  dir = await makeTempDir();
  host = await startHostProcess(dir);
  engine = await connectEngine(host);
  am = await startAlertmanager({ webhookUrl: `http://127.0.0.1:${host.port}/intake/alertmanager`, bearer: host.intakeToken });
}, 60_000);

afterAll(async () => {
  await am?.stop();
  await engine?.close();
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

const list = async () => {
  const r = await engine.call('incident.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentListItem[];
};
const get = async (incidentId: string) => {
  const r = await engine.call('incident.get', { incidentId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as IncidentView;
};
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${host.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('alerts in, from a real Alertmanager', () => {
  it('a firing alert becomes a detected incident; a repeat logs nothing; the resolve is logged and asks whether it is mitigated', async () => {
    const fired = Date.now();
    await am.fire(
      { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical', instance: 'web-1' },
      { summary: 'Checkout error rate 14%', runbook_url: 'https://runbooks.example.com/checkout-errors' },
    );
    const detection = await until('a detected incident', async () => (await list()).find((i) => i.status === 'detected' && i.title.startsWith('HighErrorRate')));
    const tookMs = Date.now() - fired;
    // amtool → Alertmanager (group_wait 0.5 s) → webhook → durable detection, through the contract.
    expect(tookMs).toBeLessThan(10_000);
    console.log(`amtool alert add → detection in the list: ${tookMs} ms`);
    const view = await get(detection.id);
    expect(view).toMatchObject({ severity: 'SEV2', detectionSource: 'alert', status: 'detected' });
    expect(view.timestamps.impactStartedAt).not.toBeNull();
    const alertLines = () => view.timeline.filter((e) => e.kind === 'alert');
    expect(alertLines()).toHaveLength(1);
    expect(alertLines()[0]!.text).toMatch(/^FIRING/);
    expect(view.alerts[0]!.alert.links.map((l) => l.url)).toContain('https://runbooks.example.com/checkout-errors');

    // The same alert again (Alertmanager resends groups; amtool re-adds): nothing new is logged.
    await am.fire({ alertname: 'HighErrorRate', service: 'checkout', severity: 'critical', instance: 'web-1' }, { summary: 'Checkout error rate 14%', runbook_url: 'https://runbooks.example.com/checkout-errors' });
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await get(detection.id)).timeline.filter((e) => e.kind === 'alert')).toHaveLength(1);

    // Resolved: logged, and the incident is asked — not told — whether it is mitigated.
    await am.fire({ alertname: 'HighErrorRate', service: 'checkout', severity: 'critical', instance: 'web-1' }, { summary: 'Checkout error rate 14%', runbook_url: 'https://runbooks.example.com/checkout-errors' }, { end: new Date() });
    const resolved = await until('the resolve on the timeline', async () => {
      const v = await get(detection.id);
      return v.timeline.some((e) => e.kind === 'alert' && /^RESOLVED/.test(e.text)) ? v : null;
    });
    expect(resolved.timeline.some((e) => /All alerts of HighErrorRate resolved at .* — mitigated\?/.test(e.text))).toBe(true);
    expect(resolved.status).toBe('detected');
    expect((await list()).filter((i) => i.title.startsWith('HighErrorRate'))).toHaveLength(1);
  }, 60_000);

  it('refuses a wrong token, a body that is not JSON, one too large, and a wrong shape, changing nothing', async () => {
    const before = (await list()).length;
    const post = (path: string, body: string, token: string | null, type = 'application/json') =>
      fetch(`http://127.0.0.1:${host.port}${path}`, { method: 'POST', headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body });
    expect((await post('/intake/alertmanager', '{}', null)).status).toBe(401);
    expect((await post('/intake/alertmanager', '{}', host.token)).status).toBe(401);
    expect((await post('/intake/alertmanager', 'not json', host.intakeToken)).status).toBe(400);
    expect((await post('/intake/alertmanager', `"${'x'.repeat(1_100_000)}"`, host.intakeToken)).status).toBe(413);
    const wrong = await post('/intake/alertmanager', JSON.stringify({ version: '4', alerts: 'none' }), host.intakeToken);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: string[] }).errors.join(' ')).toMatch(/alerts/);
    expect((await fetch(`http://127.0.0.1:${host.port}/intake/alertmanager`)).status).toBe(405);
    expect((await list()).length).toBe(before);
  });

  it('answers PagerDuty Events v2 exactly as PagerDuty does: 202 with the dedup key, 400 "invalid event" with errors', async () => {
    const send = (body: unknown) =>
      fetch(`http://127.0.0.1:${host.port}/intake/pagerduty/v2/enqueue`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const trigger = {
      routing_key: host.intakeToken,
      event_action: 'trigger',
      dedup_key: 'payments-db-latency',
      payload: { summary: 'Payments DB p99 latency above 2 s', source: 'db-payments-1', severity: 'critical', component: 'payments-db', custom_details: { p99_ms: 2300 } },
      links: [{ href: 'https://grafana.example.com/d/payments', text: 'Payments dashboard' }],
    };
    const answer = await send(trigger);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'payments-db-latency' });
    const detection = await until('the PagerDuty detection', async () => (await list()).find((i) => i.title.includes('Payments DB p99')));
    expect((await send({ ...trigger, event_action: 'acknowledge', payload: undefined })).status).toBe(202);
    expect((await send({ routing_key: host.intakeToken, event_action: 'resolve', dedup_key: 'payments-db-latency' })).status).toBe(202);
    const view = await until('the resolve', async () => {
      const v = await get(detection.id);
      return v.timeline.some((e) => e.kind === 'alert' && /^RESOLVED/.test(e.text)) ? v : null;
    });
    expect(view.timeline.filter((e) => e.kind === 'alert').length).toBeGreaterThanOrEqual(2);

    const noKey = await send({ ...trigger, routing_key: 'not-the-token' });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
    const bad = await send({ routing_key: host.intakeToken, event_action: 'explode' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 'invalid event', errors: [expect.stringMatching(/event_action/)] });
  });

  it('follows an Alertmanager by polling its API: a firing alert is detected, its disappearance logged as resolved', async () => {
    const pullDir = await makeTempDir();
    const pulling = await startEngine(pullDir);
    try {
      await mustOk(pulling.dispatch('intake.configurePull', { url: am.url, auth: 'none', enabled: true, intervalSeconds: 2 }));
      await am.fire({ alertname: 'DiskAlmostFull', service: 'orders-db', severity: 'warning', instance: 'db-2' }, { summary: 'Disk 93% full on db-2' });
      const listOf = async () => mustOk<IncidentListItem[]>(pulling.dispatch('incident.list', {}));
      const detection = await until('the pulled detection', async () => (await listOf()).find((i) => i.title.startsWith('DiskAlmostFull')), 20_000);
      const view = await mustOk<IncidentView>(pulling.dispatch('incident.get', { incidentId: detection.id }));
      expect(view).toMatchObject({ severity: 'SEV3', detectionSource: 'alert', status: 'detected' });
      expect(view.alerts[0]!.alert.source).toBe('alertmanager-pull');
      const sources = await mustOk<{ status: { state: string; lastGoodAt: number | null } }>(pulling.dispatch('intake.sources', {}));
      expect(sources.status).toMatchObject({ state: 'ok' });
      // Asked, not automatic: silence the group while the team works; it ends when the incident resolves.
      await mustOk(pulling.dispatch('incident.promote', { incidentId: detection.id, reason: 'orders may fail to write' }));
      expect(await mustOk(pulling.dispatch('alerts.silence', { incidentId: detection.id, hours: 1 }))).toEqual({ silences: 1 });
      type Silence = { id: string; status: { state: string }; matchers: Array<{ name: string; value: string }> };
      const silences = async () => ((await (await fetch(`${am.url}/api/v2/silences`)).json()) as Silence[]).filter((x) => x.matchers.some((m) => m.value === 'DiskAlmostFull'));
      const [made] = await silences();
      expect(made!.status.state).toBe('active');
      expect(made!.matchers.map((m) => `${m.name}=${m.value}`).sort()).toEqual(['alertname=DiskAlmostFull', 'service=orders-db', 'severity=warning']);
      const silenced = await mustOk<IncidentView>(pulling.dispatch('incident.get', { incidentId: detection.id }));
      expect(silenced.timeline.some((e) => /^Silenced in Alertmanager until/.test(e.text))).toBe(true);
      await mustOk(pulling.dispatch('incident.setStatus', { incidentId: detection.id, status: 'resolved' }));
      await until('the silence to end', async () => (await silences())[0]?.status.state === 'expired');
      await until('the end on the timeline', async () =>
        (await mustOk<IncidentView>(pulling.dispatch('incident.get', { incidentId: detection.id }))).timeline.some((e) => e.text.startsWith('Alertmanager silence ended')),
      );
      await am.fire({ alertname: 'DiskAlmostFull', service: 'orders-db', severity: 'warning', instance: 'db-2' }, { summary: 'Disk 93% full on db-2' }, { end: new Date() });
      await until('the pulled resolve', async () => {
        const v = await mustOk<IncidentView>(pulling.dispatch('incident.get', { incidentId: detection.id }));
        return v.timeline.some((e) => e.kind === 'alert' && /^RESOLVED/.test(e.text));
      }, 20_000);
      // An Alertmanager that is gone shows as failing, with the last good poll kept.
      await mustOk(pulling.dispatch('intake.configurePull', { url: 'http://127.0.0.1:1', auth: 'none', enabled: true, intervalSeconds: 2 }));
      const failing = await until('the failing status', async () => {
        const s = await mustOk<{ status: { state: string; lastError: string | null } | null }>(pulling.dispatch('intake.sources', {}));
        return s.status?.state === 'failing' ? s.status : null;
      });
      expect(failing.lastError).toMatch(/cannot be reached/);
    } finally {
      await pulling.close();
      await rm(pullDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('--intake-listen on a port in use says why at start, and the console still starts', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const port = (taken.address() as AddressInfo).port;
    const otherDir = await makeTempDir();
    const other = await startHostProcess(otherDir, { args: ['--intake-listen', `127.0.0.1:${port}`] });
    try {
      await until('the refusal', async () => /\nready\n/.test(other.output()) || null);
      expect(other.output()).toContain(`Alert intake: Could not serve the intake on 127.0.0.1:${port}: the port is in use`);
      expect(other.output()).not.toContain('Alert intake also at');
      const sent = await fetch(`http://127.0.0.1:${other.port}/intake/pagerduty/v2/enqueue`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ routing_key: other.intakeToken, event_action: 'trigger', payload: { summary: 'Edge 5xx above 5%', source: 'edge-1', severity: 'error' } }),
      });
      expect(sent.status).toBe(202);
    } finally {
      await other.stop();
      taken.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('--intake-listen serves the intake alone on an address of its own, never the window', async () => {
    const otherDir = await makeTempDir();
    const other = await startHostProcess(otherDir, { args: ['--intake-listen', '127.0.0.1:0'] });
    try {
      const line = await until('the intake line', async () => /Alert intake also at (http:\/\/127\.0\.0\.1:\d+\/intake)/.exec(other.output()));
      const base = line[1]!.replace(/\/intake$/, '');
      expect(other.output()).toMatch(new RegExp(`Alert intake at http://127\\.0\\.0\\.1:${other.port}/intake \\(token ${other.intakeToken}\\)`));
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/ws`)).status).toBe(404);
      const sent = await fetch(`${base}/intake/pagerduty/v2/enqueue`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ routing_key: other.intakeToken, event_action: 'trigger', payload: { summary: 'Edge 5xx above 5%', source: 'edge-1', severity: 'error' } }),
      });
      expect(sent.status).toBe(202);
      expect(((await sent.json()) as { dedup_key: string }).dedup_key).toMatch(/^[0-9a-f]{32}$/);
      // The window shows where the intake is and its token, and can make a new one: the old one stops at once.
      const client = await connectEngine(other);
      try {
        const shown = await client.call('intake.endpoint', {});
        expect(shown).toEqual({
          ok: true,
          value: { url: `http://127.0.0.1:${other.port}/intake`, token: other.intakeToken, listen: { address: '127.0.0.1:0', url: line[1], error: null, fromCommandLine: true } },
        });
        const rotated = await client.call('intake.rotateToken', {});
        if (!rotated.ok) throw new Error(rotated.error.message);
        const fresh = (rotated.value as { token: string }).token;
        expect(fresh).not.toBe(other.intakeToken);
        const post = (token: string) =>
          fetch(`http://127.0.0.1:${other.port}/intake/alertmanager`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
        expect((await post(other.intakeToken)).status).toBe(401);
        expect((await post(fresh)).status).toBe(400);
      } finally {
        await client.close();
      }
    } finally {
      await other.stop();
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
