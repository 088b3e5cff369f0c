import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../shared/contract/contract';
import type { ResponderToll, ServiceAvailability } from '../../shared/metrics/cost-report';
import { withTempDir } from '../../tests/support/temp-dir';
import { openEngine } from './engine';
import type { Engine } from './engine-types';
import { createMemorySettings } from './settings/conf-settings';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 30, 3, 0); // 04:00 in Berlin: outside Dana's working hours

async function must<T>(engine: Engine, command: string, input: unknown): Promise<T> {
  const result = await engine.dispatch(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
}

describe('what incidents cost', () => {
  it('availability per catalogued service counts overlapping impact once, against its error budget; responder figures only when turned on', async () => {
    await withTempDir(async (dataDir) => {
      let wall = T0;
      const settings = createMemorySettings({
        operatorName: 'Dana',
        services: [{ name: 'checkout', objectivePercent: 99.9, windowDays: 30 }],
        roster: [{ id: 'p1', name: 'Dana', contact: '', usualRoles: [], workingHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } }],
      });
      const engine = await openEngine({ dataDir, now: () => wall, settings, scheduler: false });
      try {
        const a = await must<IncidentView>(engine, 'incident.declare', { title: 'Checkout 500s', severity: 'SEV1', impactStartedAt: T0 - 10 * M, operatorIsIc: true });
        await must(engine, 'incident.update', { incidentId: a.id, tags: ['Checkout'] });
        wall = T0 + 20 * M;
        const b = await must<IncidentView>(engine, 'incident.declare', { title: 'Payment timeouts', severity: 'SEV2' });
        await must(engine, 'incident.update', { incidentId: b.id, tags: ['checkout'] });
        wall = T0 + 30 * M;
        await must(engine, 'incident.setStatus', { incidentId: a.id, status: 'mitigated', reason: 'rolled back' });
        wall = T0 + 50 * M;
        await must(engine, 'incident.setStatus', { incidentId: b.id, status: 'mitigated', reason: 'failover' });
        wall = T0 + 60 * M;

        const { services } = await must<{ services: ServiceAvailability[] }>(engine, 'metrics.availability', {});
        const checkout = services[0]!;
        // T0−10 → T0+50: one hour of impact, the overlap counted once.
        expect(checkout.now.impactMs).toBe(60 * M);
        expect(checkout.now.availability).toBeCloseTo(1 - 60 / (30 * 24 * 60), 9);
        expect(checkout.now.budgetMs).toBeCloseTo(0.001 * 30 * 24 * 60 * M, 3);
        expect(checkout.now.breached).toBe(true);
        expect(checkout.series.at(-1)!.availability).toBeCloseTo(checkout.now.availability, 9);

        const off = await engine.dispatch('metrics.responders', {});
        expect(off.ok ? null : off.error.message).toMatch(/for the team's leads/);
        await must(engine, 'settings.update', { showResponderToll: true });
        const toll = await must<{ people: ResponderToll[] }>(engine, 'metrics.responders', {});
        const dana = toll.people.find((p) => p.name === 'Dana')!;
        expect(dana.incidents).toBe(1);
        expect(dana.totalMs).toBe(60 * M);
        expect(dana.outsideHoursMs).toBe(60 * M);
      } finally {
        await engine.close();
      }
    });
  });
});
