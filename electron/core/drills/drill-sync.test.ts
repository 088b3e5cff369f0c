import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../shared/contract/contract';
import { mustOk } from '../../../tests/support/engine-harness';
import { type Console, consolesPerTest, converge, viewOn } from '../../../tests/support/sync-consoles';

const { team } = consolesPerTest();

describe('a drill shared through team sync', () => {
  it('reaches every console with its injects; only the facilitator runs its clock; states converge', async () => {
    const { consoles } = await team(['Fay', 'Dana']);
    const [fay, dana] = consoles as [Console, Console];
    const drill = await mustOk<IncidentView>(fay.engine.dispatch('drill.start', { scenario: { builtin: 'bad-deploy' }, speed: 1 }));
    expect(drill.shared).toBe(true);
    await converge(consoles, drill.id);

    const seen = await viewOn(dana, drill.id);
    expect(seen.drill?.facilitator).toBe('Fay');
    expect(seen.drill?.fired).toEqual(['checkout-5xx']);
    expect(seen.alerts).toHaveLength(1);
    const refused = await dana.engine.dispatch('drill.control', { incidentId: drill.id, action: 'pause' });
    expect(refused.ok ? null : refused.error.message).toMatch(/Only the facilitator's console \(Fay\)/);
    const byHand = await dana.engine.dispatch('drill.inject', { incidentId: drill.id, injectId: 'ceo-asks' });
    expect(byHand.ok).toBe(false);

    await mustOk(dana.engine.dispatch('incident.promote', { incidentId: drill.id, severity: 'SEV2', reason: 'checkout errors' }));
    await mustOk(fay.engine.dispatch('drill.inject', { incidentId: drill.id, injectId: 'ceo-asks' }));
    await mustOk(fay.engine.dispatch('drill.control', { incidentId: drill.id, action: 'pause' }));
    const state = JSON.parse(await converge(consoles, drill.id)) as IncidentView;
    expect(state.status).toBe('investigating');
    expect(state.drill?.fired).toEqual(['checkout-5xx', 'ceo-asks']);
    expect(state.drill?.clock.paused).toBe(true);
  });
});
