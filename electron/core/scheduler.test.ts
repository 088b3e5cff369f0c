import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import { declare, mustOk, startEngine } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';

const M = 60_000;

describe('scheduler in the engine', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires deadlines that passed while closed at start, exactly once across two restarts', async () => {
    await withTempDir(async (dir) => {
      const clock = { t: Date.UTC(2026, 10, 22, 4, 0) };
      let engine = await startEngine(dir, () => clock.t, true);
      const { id } = await declare(engine);
      await mustOk(engine.dispatch('escalation.acknowledge', { incidentId: id }));
      await engine.close();

      clock.t += 42 * M; // closed for 42 minutes: external (5) and internal (15) updates are overdue
      engine = await startEngine(dir, () => clock.t, true);
      let v = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      expect(v.missed.map((m) => m.kind).sort()).toEqual(['cadence', 'cadence']);
      expect(v.timeline.filter((e) => e.systemType === 'deadline.missed').map((e) => e.text).sort()).toEqual([
        'External update overdue by 37:00',
        'Internal update overdue by 27:00',
      ]);
      const events = v.lastSeq;
      await engine.close();

      engine = await startEngine(dir, () => clock.t, true);
      v = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      expect(v.lastSeq).toBe(events);
      await engine.close();
    });
  });

  it('arms one timer for the earliest deadline and fires when it passes', async () => {
    await withTempDir(async (dir) => {
      const clock = { t: Date.UTC(2026, 10, 22, 4, 0) };
      const engine = await startEngine(dir, () => clock.t, true);
      const pushed: IncidentEvent[] = [];
      engine.subscribe((e) => pushed.push(e));
      const { id } = await declare(engine);
      await engine.wake();
      // Tier 1 pages at once (0 min).
      expect(pushed.filter((e) => e.type === 'escalation.paged').map((e) => (e.payload as { tier: number }).tier)).toEqual([1]);

      clock.t += 5 * M;
      await vi.advanceTimersByTimeAsync(30_000); // the capped timer wakes and sees the 5-minute deadlines
      await engine.wake();
      expect(pushed.filter((e) => e.type === 'escalation.paged')).toHaveLength(2);
      expect(pushed.filter((e) => e.type === 'deadline.missed').map((e) => (e.payload as { key: string }).key)).toEqual([
        `cadence:external:${clock.t}`,
      ]);
      await mustOk(
        engine.dispatch('update.send', {
          incidentId: id,
          draftId: 'draft-1',
          kind: 'internal',
          body: 'Investigating elevated 500s on checkout.',
          channel: 'Slack #incident',
        }),
      );
      const v = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      expect(v.updates[0]).toMatchObject({ audience: 'internal', channel: 'Slack #incident', sentAt: clock.t });
      await engine.close();
    });
  });
});

describe('update approval', () => {
  it('an external update needs the IC approval of that exact text', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await declare(engine);
      // The approval is the IC's: the operator at this console takes the role first.
      await mustOk(engine.dispatch('role.assign', { incidentId: id, role: 'incident-commander', name: 'test-ic' }));
      const body = 'We are investigating errors at checkout.';
      const send = (text: string) =>
        engine.dispatch('update.send', { incidentId: id, draftId: 'ext-1', kind: 'external', body: text, channel: 'Status page' });
      expect(await send(body)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /approval/ } });
      await mustOk(engine.dispatch('update.approve', { incidentId: id, draftId: 'ext-1', kind: 'external', body }));
      expect(await send(`${body} Edited.`)).toMatchObject({ ok: false, error: { message: /changed after it was approved/ } });
      await mustOk(send(body));
      const v = await mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId: id }));
      expect(v.updates[0]).toMatchObject({ approvedBy: 'test-ic', kind: 'external', audience: 'external' });
      expect(await send(body)).toMatchObject({ ok: false, error: { message: /already logged/ } });
      await engine.close();
    });
  });

  it('composes every draft kind from live state; a broken template is reported, never blank', async () => {
    await withTempDir(async (dir) => {
      const engine = await startEngine(dir);
      const { id } = await declare(engine, 'Checkout errors');
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'Rolled back release 4711', kind: 'mitigation' }));
      await mustOk(engine.dispatch('incident.update', { incidentId: id, publicImpact: 'Some customers cannot pay' }));
      for (const kind of ['internal', 'external', 'executive', 'resolution'] as const) {
        const draft = await mustOk<{ body: string; problems: unknown[] }>(engine.dispatch('update.compose', { incidentId: id, kind }));
        expect(draft.problems).toEqual([]);
        // Customers read the impact they notice; the team reads the internal title.
        expect(draft.body).toContain(kind === 'external' || kind === 'resolution' ? 'Some customers cannot pay' : 'Checkout errors');
        expect(draft.body).not.toMatch(/\{\{/);
      }
      await mustOk(engine.dispatch('settings.update', { templates: { external: 'Status: {{publicStatus}} {{nope}} {{broken' } }));
      const broken = await mustOk<{ body: string; problems: Array<{ message: string }> }>(
        engine.dispatch('update.compose', { incidentId: id, kind: 'external' }),
      );
      expect(broken.body).toBe('Status: investigating {{nope}} {{broken');
      expect(broken.problems.map((p) => p.message)).toEqual([
        'Unknown placeholder {{nope}} on line 1.',
        'Malformed placeholder on line 1: use {{name}} with letters and digits.',
      ]);
      await mustOk(engine.dispatch('incident.update', { incidentId: id, publicImpact: '' }));
      const generic = await mustOk<{ problems: Array<{ message: string }> }>(engine.dispatch('update.compose', { incidentId: id, kind: 'external' }));
      expect(generic.problems.at(-1)?.message).toMatch(/No customer-facing impact yet/);
      const exported = await mustOk<{ fileName: string; content: string }>(
        engine.dispatch('update.export', { incidentId: id, kind: 'external', body: 'We <b>fixed</b> it', format: 'statuspage' }),
      );
      expect(JSON.parse(exported.content)).toEqual({
        incident: {
          // No customer-facing impact written yet (it was cleared above): a generic heading, never the internal title.
          name: 'Service disruption',
          status: 'investigating',
          impact_override: 'critical',
          body: 'We <b>fixed</b> it',
          metadata: { command_post: expect.objectContaining({ incident_id: id, drafted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/) }) },
        },
      });
      const html = await mustOk<{ content: string }>(
        engine.dispatch('update.export', { incidentId: id, kind: 'external', body: 'We <b>fixed</b> it', format: 'html' }),
      );
      expect(html.content).toContain('We &lt;b&gt;fixed&lt;/b&gt; it');
      expect(html.content).not.toMatch(/<script/);
      await engine.close();
    });
  });
});
