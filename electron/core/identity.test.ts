import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { IncidentEvent } from '../../shared/domain/events';
import { mustOk } from '../../tests/support/engine-harness';
import { withTempDir } from '../../tests/support/temp-dir';
import { openEngine } from './engine';
import type { Engine } from './engine-types';
import { createMemorySettings } from './settings/conf-settings';

// Issue 10, point 6: who "you" are. Events are signed by the operator set on this console,
// never by the computer's account; approving as IC takes the IC (or an override on the record).

const get = (engine: Engine, incidentId: string) => mustOk<IncidentView>(engine.dispatch('incident.get', { incidentId }));
const DRAFT = { draftId: 'ext-1', kind: 'external', body: 'We are investigating errors at checkout.' } as const;

async function withEngine(operatorName: string, run: (engine: Engine, events: IncidentEvent[]) => Promise<void>): Promise<void> {
  await withTempDir(async (dataDir) => {
    const engine = await openEngine({ dataDir, settings: createMemorySettings({ operatorName }), scheduler: false });
    const events: IncidentEvent[] = [];
    engine.subscribe((event) => events.push(event));
    try {
      await run(engine, events);
    } finally {
      await engine.close();
    }
  });
}

describe('who signs', () => {
  it('with no operator set, a write is accepted and signed "Unknown operator", never the OS account', async () => {
    await withEngine('', async (engine, events) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      await mustOk(engine.dispatch('timeline.log', { incidentId: id, text: 'Typed before anyone said who they are' }));
      const actors = new Set(events.map((e) => e.actor));
      expect([...actors]).toEqual(['Unknown operator']);
      expect(actors.has(userInfo().username)).toBe(false);
    });
  });

  it('signs with the operator once set, and the operator contact and time zone are kept', async () => {
    await withEngine('', async (engine, events) => {
      const saved = await mustOk<{ operatorName: string; operatorContact: string; operatorTimeZone: string }>(
        engine.dispatch('settings.update', { operatorName: 'Dana Whitfield', operatorContact: '@dana', operatorTimeZone: 'Europe/Berlin' }),
      );
      expect(saved).toMatchObject({ operatorName: 'Dana Whitfield', operatorContact: '@dana', operatorTimeZone: 'Europe/Berlin' });
      await mustOk(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      expect(events.every((e) => e.actor === 'Dana Whitfield')).toBe(true);
      expect(await engine.dispatch('settings.update', { operatorTimeZone: 'Mars/Olympus' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: /time zone/ },
      });
    });
  });

  it('acknowledging records the operator as the one who acknowledged', async () => {
    await withEngine('Maria Santos', async (engine, events) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      await mustOk(engine.dispatch('escalation.acknowledge', { incidentId: id }));
      const ack = events.find((e) => e.type === 'escalation.acknowledged');
      expect(ack).toMatchObject({ actor: 'Maria Santos', payload: { by: 'Maria Santos' } });
    });
  });
});

describe('declaring with yourself as IC', () => {
  it('assigns the operator the incident-commander role in the same declaration', async () => {
    await withEngine('Dana Whitfield', async (engine) => {
      await mustOk(engine.dispatch('settings.update', { operatorContact: '+1 415 555 0142' }));
      const view = await mustOk<IncidentView>(
        engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1', operatorIsIc: true }),
      );
      expect(view.roles['incident-commander']).toMatchObject({ name: 'Dana Whitfield', contact: '+1 415 555 0142' });
    });
  });

  it('refuses to make nobody the IC, and keeps nothing of the refused declaration', async () => {
    await withEngine('', async (engine) => {
      const refused = await engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1', operatorIsIc: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /who is at this console/ } });
      expect(await mustOk<unknown[]>(engine.dispatch('incident.list', {}))).toEqual([]);
    });
  });
});

describe('approving as IC', () => {
  it('needs the operator to hold the IC role; otherwise an override whose reason goes on the timeline', async () => {
    await withEngine('Sam Okafor', async (engine, events) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      await mustOk(engine.dispatch('role.assign', { incidentId: id, role: 'incident-commander', name: 'Dana Whitfield' }));

      const refused = await engine.dispatch('update.approve', { incidentId: id, ...DRAFT });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /Dana Whitfield holds incident commander/ } });
      expect((await get(engine, id)).approvals).toEqual([]);

      expect(await engine.dispatch('update.approve', { incidentId: id, ...DRAFT, override: { reason: '  ' } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });

      await mustOk(engine.dispatch('update.approve', { incidentId: id, ...DRAFT, override: { reason: 'Dana is on the bridge with the CTO' } }));
      const approved = events.findLast((e) => e.type === 'update.approved');
      expect(approved).toMatchObject({ actor: 'Sam Okafor', payload: { override: { reason: 'Dana is on the bridge with the CTO' } } });
      const view = await get(engine, id);
      expect(view.timeline.at(-1)!.text).toBe(
        'External update draft approved as IC by Sam Okafor (not the IC: Dana is on the bridge with the CTO)',
      );
      await mustOk(engine.dispatch('update.send', { incidentId: id, ...DRAFT, channel: 'Status page' }));
      expect((await get(engine, id)).updates[0]).toMatchObject({ approvedBy: 'Sam Okafor' });
    });
  });

  it('the IC approves plainly; after a handoff the new IC approves and the old one cannot', async () => {
    await withEngine('Dana Whitfield', async (engine) => {
      const { id } = await mustOk<IncidentView>(
        engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1', operatorIsIc: true }),
      );
      await mustOk(engine.dispatch('update.approve', { incidentId: id, ...DRAFT }));
      expect((await get(engine, id)).timeline.at(-1)!.text).toBe('External update draft approved as IC by Dana Whitfield');

      await mustOk(engine.dispatch('role.handoff', { incidentId: id, role: 'incident-commander', name: 'Marcus Lee', briefing: {} }));
      const next = { ...DRAFT, draftId: 'ext-2' };
      expect(await engine.dispatch('update.approve', { incidentId: id, ...next })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: /Marcus Lee holds incident commander/ },
      });
      // The same console, now with the new IC at the keyboard (names compared as people type them).
      await mustOk(engine.dispatch('settings.update', { operatorName: 'marcus lee' }));
      await mustOk(engine.dispatch('update.approve', { incidentId: id, ...next }));
      expect((await get(engine, id)).approvals.map((a) => a.approvedBy)).toEqual(['Dana Whitfield', 'marcus lee']);
    });
  });

  it('an unknown operator cannot approve at all, not even with an override', async () => {
    await withEngine('', async (engine) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      for (const extra of [{}, { override: { reason: 'urgent' } }]) {
        expect(await engine.dispatch('update.approve', { incidentId: id, ...DRAFT, ...extra })).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', message: /say who is at this console/i },
        });
      }
    });
  });

  it('nobody holding IC: the approval needs an override too', async () => {
    await withEngine('Sam Okafor', async (engine) => {
      const { id } = await mustOk<IncidentView>(engine.dispatch('incident.declare', { title: 'Checkout 502s', severity: 'SEV1' }));
      expect(await engine.dispatch('update.approve', { incidentId: id, ...DRAFT })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: /Nobody holds incident commander/ },
      });
    });
  });
});
