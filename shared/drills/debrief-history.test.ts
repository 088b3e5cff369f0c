import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debrief, Participant } from './debrief';
import { historyByPerson, historyByTeam, type HistoryEntry } from './debrief-history';
import { DEBRIEF_CATEGORIES } from './types';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

function drill(incidentId: string, day: number, overall: number | null, participants: Participant[] = [], scenarioId = 'bad-deploy'): Debrief {
  return {
    incidentId,
    scenarioId,
    scenarioName: scenarioId,
    startedAt: T0 + day * DAY,
    criteria: [],
    categories: DEBRIEF_CATEGORIES.map((category, i) => ({ category, label: category, met: 0, applicable: 1, score: overall === null ? null : Math.min(100, overall + i) })),
    overall,
    participants,
  };
}
const person = (name: string, ...roles: Participant['roles']): Participant => ({ name, roles, actions: 1 });
const entry = (debrief: Debrief, team = 'Payments'): HistoryEntry => ({ debrief, team });

describe('historyByTeam', () => {
  it('one series per team, points sorted by drill start whatever the input order', () => {
    const series = historyByTeam([entry(drill('D3', 20, 80)), entry(drill('D1', 1, 40)), entry(drill('X1', 5, 60), 'Checkout'), entry(drill('D2', 10, 55))]);
    expect(series.map((s) => s.name)).toEqual(['Checkout', 'Payments']);
    expect(series[1]!.points.map((p) => [p.incidentId, p.overall])).toEqual([
      ['D1', 40],
      ['D2', 55],
      ['D3', 80],
    ]);
    expect(series[1]!.points[0]!.categories).toEqual({ 'identify-scope': 40, 'incident-mechanics': 41, 'internal-comms': 42, 'external-comms': 43, command: 44 });
  });

  it('counts a drill once (the later debrief wins) and joins team names that differ only in case', () => {
    const series = historyByTeam([entry(drill('D1', 1, 40)), entry(drill('D1', 1, 70), 'payments '), entry(drill('D2', 2, null))]);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => [p.incidentId, p.overall])).toEqual([
      ['D1', 70],
      ['D2', null],
    ]);
  });

  it('leaves out debriefs of empty journals', () => {
    expect(historyByTeam([entry(drill('', 1, null))])).toEqual([]);
  });
});

describe('historyByPerson', () => {
  it('a series for everyone who took part, with the roles they held in each drill', () => {
    const series = historyByPerson([
      entry(drill('D2', 9, 90, [person('Dana', 'incident-commander'), person('Sam')])),
      entry(drill('D1', 2, 30, [person('dana', 'technical-lead', 'incident-commander'), person('Lee', 'communications-lead')])),
    ]);
    expect(series.map((s) => s.key)).toEqual(['dana', 'lee', 'sam']);
    expect(series[0]!.points.map((p) => [p.incidentId, p.overall, p.roles])).toEqual([
      ['D1', 30, ['technical-lead', 'incident-commander']],
      ['D2', 90, ['incident-commander']],
    ]);
    expect(series[2]!.points.map((p) => p.roles)).toEqual([[]]);
  });

  it('every series is sorted by start and holds each drill at most once', () => {
    const names = fc.constantFrom('Dana', 'dana', 'Sam', 'Lee ', 'Kim');
    const arbitraryEntry = fc
      .record({ id: fc.constantFrom('D1', 'D2', 'D3', 'D4', 'D5'), day: fc.integer({ min: 0, max: 60 }), score: fc.option(fc.integer({ min: 0, max: 100 })), people: fc.array(names, { maxLength: 4 }) })
      .map(({ id, day, score, people }) => entry(drill(id, day, score, people.map((n) => person(n)))));
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 20 }), (entries) => {
        for (const s of [...historyByPerson(entries), ...historyByTeam(entries)]) {
          const starts = s.points.map((p) => p.startedAt);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
          expect(new Set(s.points.map((p) => p.incidentId)).size).toBe(s.points.length);
        }
        const people = new Set(entries.flatMap((e) => e.debrief.participants.map((p) => p.name.trim().toLowerCase())));
        expect(historyByPerson(entries).map((s) => s.key).sort()).toEqual([...people].sort());
      }),
    );
  });
});
