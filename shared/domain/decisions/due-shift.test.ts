import { describe, expect, it } from 'vitest';
import type { EventDraft, IncidentEvent } from '../events';
import type { IncidentState } from '../incident';
import { applyEvent } from '../reducer';
import { dueShiftNote } from './due-shift';

const M = 60_000;
const T0 = Date.UTC(2026, 10, 22, 2, 12); // 03:12 in Paris
const PARIS = 'Europe/Paris';

function declared(): IncidentState {
  const drafts: EventDraft[] = [
    { type: 'incident.declared', payload: { title: 'x', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null } },
    { type: 'cadence.set', payload: { audience: 'internal', intervalMinutes: 15, firstMinutes: null, reason: '' } },
  ];
  let state: IncidentState | null = null;
  drafts.forEach((d, i) => (state = applyEvent(state, { ...d, id: `e${i}`, incidentId: 'INC-1', seq: i + 1, at: T0, actor: 'ic' } as IncidentEvent)));
  return state!;
}

describe('what a new cadence does to the update owed', () => {
  it('says when it is now due, and when it was', () => {
    const state = declared();
    const every = (minutes: number | null) => ({ intervalMs: minutes === null ? null : minutes * M, firstMs: null });
    expect(dueShiftNote(state, 'internal', every(30), T0 + 8 * M, PARIS)).toBe('Internal update now due 03:42 CET (was 03:27)');
    expect(dueShiftNote(state, 'internal', every(5), T0 + 8 * M, PARIS)).toBe('Internal update now due 03:17 CET, already passed (was 03:27)');
    expect(dueShiftNote(state, 'internal', every(null), T0 + 20 * M, PARIS)).toBe('No internal update due now (was 03:27 CET, overdue)');
    expect(dueShiftNote(state, 'internal', every(15), T0 + 8 * M, PARIS)).toBeNull();
    expect(dueShiftNote(state, 'external', every(20), T0 + 8 * M, PARIS)).toBe('External update now due 03:32 CET (none was due)');
  });
});
