import { describe, expect, it } from 'vitest';
import { formatStamp } from '../domain/hlc';
import type { IncidentEvent } from '../domain/events';
import { SEVERITIES } from '../domain/incident';
import { replay } from '../domain/reducer';
import { CHECKLIST_LIMITS, checklistProgress, DEFAULT_CHECKLISTS, validateChecklist } from './checklists';

const T0 = Date.UTC(2026, 10, 30, 10, 0);

function event(seq: number, type: IncidentEvent['type'], payload: unknown, actor = 'dana'): IncidentEvent {
  const at = T0 + seq * 60_000;
  return { id: `e${seq}`, incidentId: 'INC-1', seq, hlc: formatStamp({ wall: at, counter: 0, node: 'test' }), at, actor, type, payload } as IncidentEvent;
}

const opening = event(0, 'incident.declared', { title: 'Checkout errors', severity: 'SEV1', detectionSource: 'alert', summary: '', impactStartedAt: null, detectedAt: null });

describe('DEFAULT_CHECKLISTS', () => {
  it('every severity has a valid default list, and they get shorter as severity falls', () => {
    for (const severity of SEVERITIES) expect(validateChecklist(DEFAULT_CHECKLISTS[severity]), severity).toEqual([]);
    const lengths = SEVERITIES.map((s) => DEFAULT_CHECKLISTS[s].length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(DEFAULT_CHECKLISTS.SEV4.length).toBeLessThan(DEFAULT_CHECKLISTS.SEV1.length);
  });

  it('starts with the three triage questions of the first five minutes', () => {
    for (const severity of ['SEV1', 'SEV2'] as const) {
      const [impact, worse, cause] = DEFAULT_CHECKLISTS[severity];
      expect(impact).toMatch(/impact/i);
      expect(worse).toMatch(/getting worse/i);
      expect(cause).toMatch(/probable cause/i);
    }
  });
});

describe('checklistProgress', () => {
  const items = ['Impact known', 'Roles filled', 'First update sent'];

  it('reports nothing done on an incident with no ticks', () => {
    const state = replay([opening])!;
    expect(checklistProgress(state, items)).toEqual(items.map((item) => ({ item, done: false, by: null, at: null })));
  });

  it('takes who and when from the journal, the last tick of an item winning', () => {
    const state = replay([
      opening,
      event(2, 'checklist.ticked', { item: 'Impact known', done: true }, 'sam'),
      event(3, 'checklist.ticked', { item: 'Roles filled', done: true }),
      event(5, 'checklist.ticked', { item: 'Roles filled', done: false }, 'lee'),
      event(6, 'checklist.ticked', { item: 'Not on this list', done: true }),
    ])!;
    expect(checklistProgress(state, items)).toEqual([
      { item: 'Impact known', done: true, by: 'sam', at: T0 + 2 * 60_000 },
      { item: 'Roles filled', done: false, by: 'lee', at: T0 + 5 * 60_000 },
      { item: 'First update sent', done: false, by: null, at: null },
    ]);
  });
});

describe('validateChecklist', () => {
  it('accepts a short list of distinct one-line items', () => {
    expect(validateChecklist(['a', 'b'])).toEqual([]);
    expect(validateChecklist([])).toEqual([]);
  });

  it('names each bad item by its index', () => {
    expect(validateChecklist(['ok', '  ', 'two\nlines', 'x'.repeat(201), 'OK ', 'fine'])).toEqual([
      { field: 'items[1]', message: 'is empty' },
      { field: 'items[2]', message: 'holds a line break or control character (one line per item)' },
      { field: 'items[3]', message: 'is 201 characters; at most 200' },
      { field: 'items[4]', message: 'repeats item 1' },
    ]);
    expect(validateChecklist(['x'.repeat(CHECKLIST_LIMITS.itemLength)])).toEqual([]);
  });

  it('refuses more than 20 items', () => {
    const items = Array.from({ length: 21 }, (_, i) => `item ${i}`);
    expect(validateChecklist(items)).toEqual([{ field: 'items', message: 'has 21 items; at most 20' }]);
    expect(validateChecklist(items.slice(0, 20))).toEqual([]);
  });
});
