import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../domain/incident';
import { skipReason } from './conditions';

const base = {
  status: 'investigating',
  roles: {},
  updates: [],
  timestamps: { mitigatedAt: null, resolvedAt: null, closedAt: null },
} as unknown as IncidentState;
const withState = (over: Partial<IncidentState>) => ({ ...base, ...over }) as IncidentState;

describe('a conditional inject', () => {
  it('always fires without a condition', () => {
    expect(skipReason(base, undefined)).toBeNull();
  });

  it('is skipped once the status was reached, even if the incident reopened since', () => {
    expect(skipReason(base, { notReached: 'mitigated' })).toBeNull();
    expect(skipReason(withState({ status: 'resolved' }), { notReached: 'mitigated' })).toMatch(/already reached mitigated/);
    const reopened = withState({ status: 'investigating', timestamps: { ...base.timestamps, mitigatedAt: 1 } });
    expect(skipReason(reopened, { notReached: 'mitigated' })).toMatch(/already reached/);
    expect(skipReason(withState({ status: 'identified' }), { notReached: 'identified' })).toMatch(/already reached/);
  });

  it('is skipped when the role is held or the update was sent', () => {
    expect(skipReason(base, { roleEmpty: 'communications-lead' })).toBeNull();
    const held = withState({ roles: { 'communications-lead': { name: 'Ana', contact: '', since: 1 } } as IncidentState['roles'] });
    expect(skipReason(held, { roleEmpty: 'communications-lead' })).toMatch(/held by Ana/);
    expect(skipReason(base, { noUpdateSent: 'external' })).toBeNull();
    const sent = withState({ updates: [{ audience: 'internal' }] as IncidentState['updates'] });
    expect(skipReason(sent, { noUpdateSent: 'external' })).toBeNull();
    expect(skipReason(sent, { noUpdateSent: 'internal' })).toMatch(/internal update had already been sent/);
  });
});
