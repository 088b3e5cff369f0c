import { describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../../shared/drills/debrief-history';
import type { DrillState, Inject } from '../../../shared/drills/types';
import { chartPoints, formatScore, overallByDrill } from '../../../renderer/lib/drill-history';
import { describeCondition, injectStatus, scriptInOrder, skipReason } from '../../../renderer/lib/drill-script';
import { drillPhase, drillStamp, formatDrillOffset, formatInjectMinute } from '../../../renderer/lib/drill-time';
import { nowOn } from '../../../renderer/lib/incident-now';

const START = Date.UTC(2026, 10, 30, 3, 0);
const clock = (patch: Partial<DrillState['clock']> = {}): DrillState['clock'] => ({ anchorWall: START, anchorDrill: START, speed: 5, paused: false, ...patch });
const drill = (patch: Partial<DrillState> = {}) => ({ startedAt: START, endedAt: null, clock: clock(), fired: [], skipped: [], ...patch }) as unknown as DrillState;

describe('drill time on screen', () => {
  it('writes T+mm:ss from the start, minutes past the hour, never negative', () => {
    expect(formatDrillOffset(0)).toBe('T+00:00');
    expect(formatDrillOffset(12 * 60_000 + 34_999)).toBe('T+12:34');
    expect(formatDrillOffset(72 * 60_000 + 5_000)).toBe('T+72:05');
    expect(formatDrillOffset(-5_000)).toBe('T+00:00');
    expect(drillStamp({ startedAt: START }, START + 90_000)).toBe('T+01:30');
  });

  it('writes an inject minute as T+n', () => {
    expect(formatInjectMinute(20)).toBe('T+20');
    expect(formatInjectMinute(2.5)).toBe('T+2.5');
  });

  it('knows running, paused and ended', () => {
    expect(drillPhase(drill())).toBe('running');
    expect(drillPhase(drill({ clock: clock({ paused: true }) }))).toBe('paused');
    expect(drillPhase(drill({ endedAt: START + 1 }))).toBe('ended');
  });
});

describe('now on an incident', () => {
  it('is the wall for a live incident', () => {
    expect(nowOn({ drill: null }, START + 1000)).toBe(START + 1000);
    expect(nowOn(null, START + 1000)).toBe(START + 1000);
  });

  it("is the drill's clock for a drill: five minutes after one wall minute at 5×, still while paused, the end once ended", () => {
    expect(nowOn({ drill: drill() }, START + 60_000)).toBe(START + 5 * 60_000);
    expect(nowOn({ drill: drill({ clock: clock({ paused: true, anchorDrill: START + 7_000 }) }) }, START + 60_000)).toBe(START + 7_000);
    expect(nowOn({ drill: drill({ endedAt: START + 3_000 }) }, START + 60_000)).toBe(START + 3_000);
  });
});

describe('the facilitator script', () => {
  const inject = (id: string, atMinute: number, when?: Inject['when']): Inject => ({ id, kind: 'finding', atMinute, text: id, ...(when ? { when } : {}) });

  it('orders by minute, keeping the written order on a tie', () => {
    expect(scriptInOrder([inject('b', 5), inject('a', 0), inject('c', 5)]).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('says fired, skipped or upcoming', () => {
    const d = { fired: ['a'], skipped: ['b'] };
    expect(injectStatus(d, 'a')).toBe('fired');
    expect(injectStatus(d, 'b')).toBe('skipped');
    expect(injectStatus(d, 'c')).toBe('upcoming');
  });

  it('puts a condition in words and says why a skipped inject did not play', () => {
    expect(describeCondition({ notReached: 'mitigated' })).toBe('only if the incident is not mitigated yet');
    expect(describeCondition({ roleEmpty: 'communications-lead' })).toBe('only if nobody is communications lead');
    expect(describeCondition({ noUpdateSent: 'external' })).toBe('only if no external update has been sent');
    expect(skipReason(inject('x', 20, { notReached: 'mitigated' }))).toBe('Skipped: the team got there first (only if the incident is not mitigated yet)');
  });
});

describe('drill history', () => {
  const categories = { 'identify-scope': 100, 'incident-mechanics': null, 'internal-comms': 50, 'external-comms': 0, command: 75 };
  const team: HistorySeries = {
    key: 'payments',
    name: 'Payments',
    points: [
      { incidentId: 'I-1', scenarioId: 'bad-deploy', scenarioName: 'Bad deploy', startedAt: START, overall: 56.25, categories, roles: [] },
      { incidentId: 'I-2', scenarioId: null, scenarioName: null, startedAt: START + 1, overall: null, categories, roles: [] },
    ],
  };

  it('charts only drills that scored in the measure, rounded', () => {
    expect(chartPoints(team, 'overall')).toEqual([{ startedAt: START, score: 56, scenario: 'Bad deploy' }]);
    expect(chartPoints(team, 'incident-mechanics')).toEqual([]);
    expect(chartPoints(team, 'command').map((p) => p.scenario)).toEqual(['Bad deploy', 'scenario file']);
  });

  it('finds each drill’s overall score and team', () => {
    expect(overallByDrill([team]).get('I-1')).toEqual({ overall: 56.25, team: 'Payments', startedAt: START });
    expect(formatScore(56.25)).toBe('56%');
    expect(formatScore(null)).toBe('—');
  });
});
