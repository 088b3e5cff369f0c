import { describe, expect, it } from 'vitest';
import type { IncidentListItem, IncidentView } from '../../../shared/contract/contract';
import { parseEvent } from '../../../shared/domain/event-schema';
import { alertmanagerAlert, alertmanagerPayload, grafanaPayload, pagerDutyEvent } from '../../../tests/support/alert-payloads';
import { declare, mustOk, startEngine } from '../../../tests/support/engine-harness';
import { withTempDir } from '../../../tests/support/temp-dir';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const list = (e: Awaited<ReturnType<typeof startEngine>>) => mustOk<IncidentListItem[]>(e.dispatch('incident.list', {}));
const get = (e: Awaited<ReturnType<typeof startEngine>>, incidentId: string) => mustOk<IncidentView>(e.dispatch('incident.get', { incidentId }));

describe('taking alerts in', () => {
  it('one detection per group, each alert once however often it is delivered, every event as the import gate would take it', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir, () => Date.parse('2026-03-14T03:03:00Z'));
      const payload = alertmanagerPayload({ alerts: [alertmanagerAlert(), alertmanagerAlert({ fingerprint: '3b1c2a5d9e0f7a62', labels: { ...alertmanagerAlert().labels, instance: '10.0.3.18:9090' } })] });
      const first = await mustOk<{ created: string[]; logged: number }>(engine.intake('alertmanager', payload));
      expect(first.created).toHaveLength(1);
      expect(first.logged).toBe(2);
      // Alertmanager repeats the whole group on every interval: nothing new.
      expect(await mustOk(engine.intake('alertmanager', payload))).toMatchObject({ created: [], logged: 0, unchanged: 2 });
      const [detection] = await list(engine);
      const view = await get(engine, detection!.id);
      expect(view).toMatchObject({ status: 'detected', severity: 'SEV2', detectionSource: 'alert', title: 'HighErrorRate — checkout' });
      expect(view.timestamps.impactStartedAt).toBe(Date.parse('2026-03-14T03:02:11.482Z'));
      expect(view.timeline.filter((e) => e.kind === 'alert')).toHaveLength(2);
      // A Grafana alert of another group is another detection.
      expect((await mustOk<{ created: string[] }>(engine.intake('grafana', grafanaPayload()))).created).toHaveLength(1);
      // Every event written passes the strict schema that files and teammates' events pass.
      const lines = (await readFile(join(dir, 'incidents', detection!.id, 'journal.jsonl'), 'utf8')).trim().split('\n');
      for (const line of lines) expect(parseEvent((JSON.parse(line) as { event: unknown }).event)).toMatchObject({ ok: true });
      await engine.close();
    });
  });

  it('refuses a wrong shape with every field named, and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const refused = await engine.intake('alertmanager', { ...alertmanagerPayload(), version: '3', alerts: [{ status: 'maybe' }] });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/version/) });
      expect(await list(engine)).toEqual([]);
      await engine.close();
    });
  });

  it('attaches a detection to an open incident: its alerts and later notifications go there, it closes as attached', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const open = await declare(engine, 'Checkout down');
      const answer = await mustOk<{ created: string[]; dedupKey: string }>(engine.intake('pagerduty', pagerDutyEvent()));
      const detectionId = answer.created[0]!;
      await mustOk(engine.dispatch('incident.attach', { incidentId: detectionId, to: open.id }));
      const detection = await get(engine, detectionId);
      expect(detection).toMatchObject({ status: 'closed', dismissed: { outcome: 'attached' } });
      expect((await get(engine, open.id)).alerts).toHaveLength(1);
      // The resolve of the same PagerDuty key now goes to the incident it was attached to.
      await mustOk(engine.intake('pagerduty', { routing_key: 'x'.repeat(32), event_action: 'resolve', dedup_key: answer.dedupKey }));
      const incident = await get(engine, open.id);
      expect(incident.timeline.filter((e) => e.kind === 'alert').map((e) => e.text.split(':')[0])).toEqual(['FIRING', 'RESOLVED']);
      expect(incident.status).toBe('investigating');
      expect((await list(engine)).filter((i) => i.status === 'detected')).toEqual([]);
      // A detection cannot be attached to one that is not an open declared incident.
      expect((await engine.dispatch('incident.attach', { incidentId: detectionId, to: open.id })).ok).toBe(false);
      await engine.close();
    });
  });

  it('follows the settings: severity rules map labels, a route sends a new group to the open incident that has its service', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      await mustOk(
        engine.dispatch('settings.update', {
          alertSeverityRules: [{ match: { team: 'payments' }, severity: 'SEV1' }, { match: { severity: 'critical' }, severity: 'SEV2' }],
          alertRoutes: [{ match: { service: 'checkout' } }],
        }),
      );
      const paged = await mustOk<{ created: string[] }>(
        engine.intake('alertmanager', alertmanagerPayload({ groupKey: 'payments', alerts: [alertmanagerAlert({ fingerprint: 'aa00000000000001', labels: { alertname: 'CardDeclines', team: 'payments', severity: 'warning' } })] })),
      );
      expect((await get(engine, paged.created[0]!)).severity).toBe('SEV1');
      // Checkout's first alert is a detection; declared, it holds a checkout alert.
      const first = await mustOk<{ created: string[] }>(engine.intake('alertmanager', alertmanagerPayload()));
      await mustOk(engine.dispatch('incident.promote', { incidentId: first.created[0]!, reason: '' }));
      // Another checkout alert, of another group: it joins the declared incident, no new detection.
      const latency = alertmanagerAlert({ fingerprint: 'bb00000000000002', labels: { alertname: 'CheckoutLatencyHigh', service: 'checkout', severity: 'warning' } });
      const routed = await mustOk<{ created: string[]; incidentIds: string[] }>(engine.intake('alertmanager', alertmanagerPayload({ groupKey: 'latency', alerts: [latency] })));
      expect(routed).toMatchObject({ created: [], incidentIds: [first.created[0]] });
      expect((await get(engine, first.created[0]!)).alerts.map((a) => a.alert.name).sort()).toEqual(['CheckoutLatencyHigh', 'HighErrorRate']);
      // A service no route names still makes its own detection.
      const other = await mustOk<{ created: string[] }>(
        engine.intake('alertmanager', alertmanagerPayload({ groupKey: 'search', alerts: [alertmanagerAlert({ fingerprint: 'cc00000000000003', labels: { alertname: 'SearchDown', service: 'search', severity: 'critical' } })] })),
      );
      expect(other.created).toHaveLength(1);
      await engine.close();
    });
  });

  it('an Alertmanager that answers garbage shows as failing, saying what it answered, and nothing is written', async () => {
    let answer = 'not json at all';
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await withTempDir(async (dir) => {
        const engine = await startEngine(dir);
        type Sources = { status: { state: string; lastError: string | null; lastGoodAt: number | null } | null };
        const failingWith = async (pattern: RegExp) => {
          for (let i = 0; i < 100; i++) {
            const s = await mustOk<Sources>(engine.dispatch('intake.sources', {}));
            if (s.status?.state === 'failing' && pattern.test(s.status.lastError ?? '')) return s.status;
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error(`never failing with ${pattern}`);
        };
        await mustOk(engine.dispatch('intake.configurePull', { url, auth: 'none', enabled: true, intervalSeconds: 2 }));
        expect(await failingWith(/not JSON/)).toMatchObject({ lastGoodAt: null });
        answer = JSON.stringify({ alerts: 'nope' });
        await mustOk(engine.dispatch('intake.configurePull', { url, auth: 'none', enabled: true, intervalSeconds: 2 }));
        await failingWith(/not a list of alerts/);
        expect(await list(engine)).toEqual([]);
        await engine.close();
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
