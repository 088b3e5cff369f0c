import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drillTimeAt, incidentNow, wallTimeFor } from './clock';
import type { DrillClock, DrillState } from './types';

const W = Date.UTC(2026, 10, 30, 3, 0);
const M = 60_000;

describe('the drill clock', () => {
  it('runs at 1× and 5× from its anchor', () => {
    expect(drillTimeAt({ anchorWall: W, anchorDrill: W, speed: 1, paused: false }, W + 10 * M)).toBe(W + 10 * M);
    expect(drillTimeAt({ anchorWall: W, anchorDrill: W, speed: 5, paused: false }, W + 10 * M)).toBe(W + 50 * M);
    expect(drillTimeAt({ anchorWall: W + 4 * M, anchorDrill: W + 20 * M, speed: 2, paused: false }, W + 10 * M)).toBe(W + 32 * M);
  });

  it('stands still while paused, and never runs backwards before its anchor', () => {
    const paused: DrillClock = { anchorWall: W, anchorDrill: W + 7 * M, speed: 5, paused: true };
    expect(drillTimeAt(paused, W + 60 * M)).toBe(W + 7 * M);
    expect(wallTimeFor(paused, W + 8 * M)).toBeNull();
    expect(drillTimeAt({ ...paused, paused: false }, W - M)).toBe(W + 7 * M);
  });

  it('finds the wall time a drill time is reached, the inverse of the clock', () => {
    fc.assert(
      fc.property(fc.constantFrom(1 as const, 2 as const, 5 as const), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (speed, offset, ahead) => {
        const clock: DrillClock = { anchorWall: W, anchorDrill: W + offset, speed, paused: false };
        const wall = wallTimeFor(clock, W + offset + ahead)!;
        expect(Math.abs(drillTimeAt(clock, wall) - (W + offset + ahead))).toBeLessThan(0.01);
      }),
    );
  });

  it('is the wall for a live incident and stops at the end of an ended drill', () => {
    expect(incidentNow(null, W)).toBe(W);
    const ended = { clock: { anchorWall: W, anchorDrill: W, speed: 5, paused: true }, endedAt: W + 3 * M } as DrillState;
    expect(incidentNow(ended, W + 99 * M)).toBe(W + 3 * M);
  });
});
