import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { Responder, TimelineEntry, Workstream } from '../../shared/domain/incident';
import type { Engine } from './engine-types';
import { declare, mustOk, startEngine } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';

const M = 60_000;

async function withIncident(run: (e: Engine, id: string, clock: { t: number }) => Promise<void>) {
  await withTempDir(async (dir) => {
    const clock = { t: Date.UTC(2026, 10, 22, 2, 0) };
    const engine = await startEngine(dir, () => clock.t);
    const { id } = await declare(engine, 'Checkout 500s');
    await run(engine, id, clock);
    await engine.close();
    // Everything above must survive a restart unchanged.
    const again = await startEngine(dir, () => clock.t);
    const reopened = await mustOk<IncidentView>(again.dispatch('incident.get', { incidentId: id }));
    expect(reopened.integrity.status).toBe('ok');
    await again.close();
  });
}

const get = (e: Engine, id: string) => mustOk<IncidentView>(e.dispatch('incident.get', { incidentId: id }));
const lastSystem = (v: IncidentView) => v.timeline.filter((t) => t.kind === 'system').at(-1)!;

describe('roles and handoffs', () => {
  it('assigns, hands off with a briefing on the timeline, releases, and keeps the stints', async () => {
    await withIncident(async (e, id, clock) => {
      await mustOk(e.dispatch('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Reyes', contact: '+1 555 0100' }));
      expect(await e.dispatch('role.assign', { incidentId: id, role: 'incident-commander', name: 'Sam' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: /hand it off/ },
      });
      clock.t += 90 * M;
      await mustOk(
        e.dispatch('role.handoff', {
          incidentId: id,
          role: 'incident-commander',
          name: 'Sam Okafor',
          contact: '@sam',
          briefing: { situation: 'EU checkout failing', actions: 'rollback in flight', decisions: 'failover?', nextUpdate: '02:45' },
        }),
      );
      let v = await get(e, id);
      expect(v.roles['incident-commander']).toEqual({ name: 'Sam Okafor', contact: '@sam', since: clock.t });
      expect(lastSystem(v).text).toMatch(/handed off from Dana Reyes to Sam Okafor.*Situation: EU checkout failing.*Open decisions: failover\?/);
      expect(lastSystem(v).systemType).toBe('role.handedOff');
      clock.t += 10 * M;
      await mustOk(e.dispatch('role.release', { incidentId: id, role: 'incident-commander', reason: 'resolved' }));
      v = await get(e, id);
      expect(v.roles['incident-commander']).toBeUndefined();
      expect(v.roleHistory.map((s) => [s.name, s.to !== null])).toEqual([
        ['Dana Reyes', true],
        ['Sam Okafor', true],
      ]);
      expect(await e.dispatch('role.release', { incidentId: id, role: 'scribe' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });
  });

  it('adds and removes responders', async () => {
    await withIncident(async (e, id) => {
      const r = await mustOk<Responder>(e.dispatch('responder.add', { incidentId: id, name: 'Ana (DBA)', expertise: 'Postgres' }));
      expect(r).toMatchObject({ name: 'Ana (DBA)', expertise: 'Postgres', leftAt: null });
      expect(await e.dispatch('responder.add', { incidentId: id, name: 'Ana (DBA)' })).toMatchObject({ ok: false });
      await mustOk(e.dispatch('responder.remove', { incidentId: id, responderId: r.id }));
      expect((await get(e, id)).responders[0]!.leftAt).not.toBeNull();
    });
  });
});

describe('workstreams', () => {
  it('open, update, report through linked entries', async () => {
    await withIncident(async (e, id, clock) => {
      const ws = await mustOk<Workstream>(
        e.dispatch('workstream.open', { incidentId: id, title: 'DB failover', owner: 'Ana', nextStep: 'promote replica', checkInAt: clock.t + 10 * M }),
      );
      expect(ws).toMatchObject({ kind: 'investigate', status: 'active', checkInAt: clock.t + 10 * M, lastReportAt: clock.t });
      clock.t += 5 * M;
      await mustOk(e.dispatch('workstream.update', { incidentId: id, workstreamId: ws.id, status: 'blocked', nextStep: 'need DBA creds' }));
      let v = await get(e, id);
      expect(v.workstreams[0]).toMatchObject({ status: 'blocked', nextStep: 'need DBA creds', lastReportAt: clock.t });
      expect(lastSystem(v).workstreamId).toBe(ws.id);
      clock.t += 12 * M;
      await mustOk(e.dispatch('timeline.log', { incidentId: id, text: 'replica promoted', workstreamId: ws.id }));
      v = await get(e, id);
      expect(v.workstreams[0]).toMatchObject({ lastReportAt: clock.t, checkInAt: null });
      expect(await e.dispatch('timeline.log', { incidentId: id, text: 'x', workstreamId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await e.dispatch('workstream.update', { incidentId: id, workstreamId: ws.id, checkInAt: clock.t + 48 * 60 * M })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    });
  });
});

describe('lifecycle', () => {
  it('moves through mitigated and resolved, asks about review when closing, reopens', async () => {
    await withIncident(async (e, id, clock) => {
      clock.t += 20 * M;
      await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'mitigated', reason: 'flag off' }));
      clock.t += 20 * M;
      await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'resolved' }));
      let v = await get(e, id);
      expect(v.timestamps.mitigatedAt).toBe(clock.t - 20 * M);
      expect(v.timestamps.resolvedAt).toBe(clock.t);
      expect(await e.dispatch('incident.setStatus', { incidentId: id, status: 'closed' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: /review/ },
      });
      await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: true }));
      v = await get(e, id);
      expect(v).toMatchObject({ status: 'closed', reviewNeeded: true });
      expect(await e.dispatch('role.assign', { incidentId: id, role: 'scribe', name: 'x' })).toMatchObject({ ok: false, error: { message: /reopen/ } });
      await mustOk(e.dispatch('incident.setStatus', { incidentId: id, status: 'investigating', reason: 'errors are back' }));
      v = await get(e, id);
      expect(v).toMatchObject({ status: 'investigating', reviewNeeded: null });
      expect(v.timestamps).toMatchObject({ resolvedAt: null, closedAt: null, mitigatedAt: clock.t - 20 * M });
      expect(lastSystem(v).text).toBe('Reopened (was Closed) — errors are back');
      expect(await e.dispatch('incident.setStatus', { incidentId: id, status: 'closed', reviewNeeded: false })).toMatchObject({ ok: false });
    });
  });

  it('changes severity with who and why on the timeline, and backfills times', async () => {
    await withIncident(async (e, id, clock) => {
      await mustOk(e.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2', reason: 'only EU affected' }));
      let v = await get(e, id);
      expect(v.severity).toBe('SEV2');
      const tail = v.timeline.slice(-3).map((t) => t.text);
      // The moved deadlines are said in this machine's zone (see time-zones.test.ts for a named one).
      expect(tail).toEqual([
        'Severity SEV1 → SEV2 by test-ic — only EU affected',
        expect.stringMatching(/^Internal updates every 30 min — SEV2 policy\. Internal update now due \d\d:30 \S+ \(was \d\d:15\)$/),
        expect.stringMatching(/^External updates every 30 min — SEV2 policy\. External update now due \d\d:30 \S+ \(was \d\d:05\)$/),
      ]);
      expect(v.escalation.policySeverity).toBe('SEV2');
      expect(await e.dispatch('incident.setSeverity', { incidentId: id, severity: 'SEV2' })).toMatchObject({ ok: false });
      const impact = clock.t - 25 * M;
      await mustOk(e.dispatch('incident.setTime', { incidentId: id, field: 'impactStartedAt', at: impact, reason: 'from dashboards' }));
      v = await get(e, id);
      expect(v.timestamps.impactStartedAt).toBe(impact);
      expect(lastSystem(v).text).toMatch(/^Impact start set to 2026-11-22 01:35 UTC \(was not set\) — from dashboards$/);
      expect(await e.dispatch('incident.setTime', { incidentId: id, field: 'detectedAt', at: clock.t + 3_600_000 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: /future/ },
      });
      await mustOk(e.dispatch('incident.update', { incidentId: id, title: 'EU checkout 500s', tags: ['checkout', 'EU'] }));
      v = await get(e, id);
      expect(v).toMatchObject({ title: 'EU checkout 500s', tags: ['checkout', 'eu'] });
    });
  });

  it('a detected incident is declared, or dismissed without the full process', async () => {
    await withTempDir(async (dir) => {
      const e = await startEngine(dir);
      const a = await mustOk<IncidentView>(e.dispatch('incident.detect', { title: 'disk 85%', severity: 'SEV4' }));
      expect(a).toMatchObject({ status: 'detected', timestamps: { declaredAt: null } });
      expect(await e.dispatch('incident.setStatus', { incidentId: a.id, status: 'mitigated' })).toMatchObject({ ok: false });
      await mustOk(e.dispatch('incident.dismiss', { incidentId: a.id, outcome: 'minor', reason: 'rotated logs' }));
      expect(await get(e, a.id)).toMatchObject({ status: 'closed', dismissed: { outcome: 'minor' }, reviewNeeded: false });
      const b = await mustOk<IncidentView>(e.dispatch('incident.detect', { title: 'error spike', severity: 'SEV3' }));
      await mustOk(e.dispatch('incident.promote', { incidentId: b.id, severity: 'SEV2', reason: 'customers affected' }));
      const vb = await get(e, b.id);
      expect(vb).toMatchObject({ status: 'investigating', severity: 'SEV2' });
      expect(vb.timestamps.declaredAt).not.toBeNull();
      expect(await e.dispatch('incident.dismiss', { incidentId: b.id, outcome: 'false-alarm' })).toMatchObject({ ok: false });
      await e.close();
    });
  });
});

describe('scribe timeline', () => {
  it('amends keeping the original, strikes keeping the line, pins', async () => {
    await withIncident(async (e, id, clock) => {
      const entry = await mustOk<TimelineEntry>(
        e.dispatch('timeline.log', { incidentId: id, text: 'db at 100% cpu', kind: 'finding', attribution: 'technical-lead', occurredAt: clock.t - 3 * M }),
      );
      expect(entry).toMatchObject({ attribution: 'technical-lead', at: clock.t - 3 * M, loggedAt: clock.t });
      clock.t += M;
      await mustOk(e.dispatch('timeline.amend', { incidentId: id, entryId: entry.id, text: 'db at 100% cpu on primary only' }));
      await mustOk(e.dispatch('timeline.pin', { incidentId: id, entryId: entry.id, pinned: true }));
      let v = await get(e, id);
      const amended = v.timeline.find((t) => t.id === entry.id)!;
      expect(amended).toMatchObject({ text: 'db at 100% cpu on primary only', pinned: true });
      expect(amended.revisions).toEqual([{ text: 'db at 100% cpu', kind: 'finding', replacedAt: clock.t, replacedBy: 'test-ic' }]);
      await mustOk(e.dispatch('timeline.strike', { incidentId: id, entryId: entry.id, reason: 'wrong host' }));
      v = await get(e, id);
      expect(v.timeline.find((t) => t.id === entry.id)!.struck).toMatchObject({ reason: 'wrong host' });
      expect(v.timeline.filter((t) => t.kind !== 'system')).toHaveLength(1);
      expect(await e.dispatch('timeline.amend', { incidentId: id, entryId: entry.id, text: 'x' })).toMatchObject({ ok: false });
      expect(await e.dispatch('timeline.strike', { incidentId: id, entryId: v.timeline[0]!.id })).toMatchObject({
        ok: false,
        error: { message: /System entries/ },
      });
      expect(await e.dispatch('timeline.log', { incidentId: id, text: 'x', occurredAt: clock.t + 3_600_000 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    });
  });
});

describe('roster and required roles in settings', () => {
  it('saves, edits and removes people; refuses duplicates', async () => {
    await withTempDir(async (dir) => {
      const e = await startEngine(dir);
      const s1 = await mustOk<{ roster: Array<{ id: string; name: string }> }>(
        e.dispatch('roster.save', { name: 'Dana Reyes', contact: '+1 555 0100', usualRoles: ['incident-commander'] }),
      );
      const dana = s1.roster[0]!;
      expect(await e.dispatch('roster.save', { name: 'dana reyes' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const s2 = await mustOk<{ roster: Array<{ contact: string }> }>(e.dispatch('roster.save', { id: dana.id, name: 'Dana Reyes', contact: '@dana' }));
      expect(s2.roster[0]!.contact).toBe('@dana');
      await mustOk(e.dispatch('settings.update', { requiredRoles: { SEV1: ['incident-commander'], SEV2: [], SEV3: [], SEV4: [] }, shiftLimitHours: 6 }));
      const s3 = await mustOk<{ roster: unknown[]; shiftLimitHours: number }>(e.dispatch('roster.remove', { personId: dana.id }));
      expect(s3).toMatchObject({ roster: [], shiftLimitHours: 6 });
      expect(await e.dispatch('settings.update', { shiftLimitHours: 0 })).toMatchObject({ ok: false });
      await e.close();
    });
  });
});
