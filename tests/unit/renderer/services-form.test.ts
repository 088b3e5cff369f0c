import { describe, expect, it } from 'vitest';
import { serviceRowErrors, servicesSpec } from '../../../renderer/components/settings/services-form';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';

const settings = { ...DEFAULT_SETTINGS, services: [{ name: 'checkout', objectivePercent: 99.9, windowDays: 30 }] };

describe('the service catalogue form', () => {
  it('turns rows into objectives, numbers typed as text', () => {
    const draft = { rows: [{ key: 'a', name: ' Checkout ', objectivePercent: '99,95', windowDays: '28' }] };
    expect(servicesSpec.toPatch(draft)).toEqual({ patch: { services: [{ name: 'Checkout', objectivePercent: 99.95, windowDays: 28 }] } });
  });

  it('puts a number that is not one beside its field, by the engine’s path', () => {
    const draft = { rows: [{ key: 'a', name: 'checkout', objectivePercent: 'high', windowDays: '' }] };
    const result = servicesSpec.toPatch(draft);
    expect('errors' in result && serviceRowErrors(result.errors, 0)).toMatchObject({ objectivePercent: '"high" is not a number', windowDays: 'The window is empty' });
  });

  it('is not dirty for the same catalogue typed in another case', () => {
    const saved = servicesSpec.fromSettings(settings);
    const same = { rows: [{ ...saved.rows[0]!, name: 'Checkout' }] };
    expect(servicesSpec.same!(same, saved)).toBe(true);
    expect(servicesSpec.same!({ rows: [] }, saved)).toBe(false);
  });
});
