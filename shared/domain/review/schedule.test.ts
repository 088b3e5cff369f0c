import { describe, expect, it } from 'vitest';
import { formatIsoMinute } from '../../time/format';
import type { IncidentTimestamps, Severity } from '../incident';
import { proposedReviewAt } from './schedule';

// Issue 10: the review meeting was proposed for 03:04, 48 h after a 03:04 resolution.
const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';

function resolvedAt(resolved: number, severity: Severity = 'SEV1') {
  const timestamps: IncidentTimestamps = {
    impactStartedAt: null,
    detectedAt: null,
    acknowledgedAt: null,
    declaredAt: null,
    mitigatedAt: null,
    resolvedAt: resolved,
    closedAt: null,
  };
  return { severity, timestamps };
}

const propose = (resolved: number, zone: string, severity: Severity = 'SEV1') => formatIsoMinute(proposedReviewAt(resolvedAt(resolved, severity), resolved, zone), zone);

describe('the proposed review meeting', () => {
  it('falls in working hours on a working day, at least 48 h after resolution', () => {
    // Resolved Wednesday 03:04 in Paris: Friday 03:04 is the earliest, 09:00 that Friday the first slot.
    expect(propose(Date.UTC(2026, 10, 18, 2, 4), PARIS)).toBe('2026-11-20T09:00+01:00');
    // Resolved Friday 03:04: Sunday is no working day; Monday 09:00.
    expect(propose(Date.UTC(2026, 10, 20, 2, 4), PARIS)).toBe('2026-11-23T09:00+01:00');
    // Resolved Tuesday 14:10: Thursday, on the next half hour.
    expect(propose(Date.UTC(2026, 10, 17, 13, 10), PARIS)).toBe('2026-11-19T14:30+01:00');
    // Resolved Wednesday 16:45: too late on Friday for an hour before 17:00; Monday 09:00.
    expect(propose(Date.UTC(2026, 10, 18, 15, 45), PARIS)).toBe('2026-11-23T09:00+01:00');
  });

  it("reads working hours in the operator's zone", () => {
    // The same instant, 03:04 Wednesday in Paris, is 21:04 Tuesday in New York: Thursday 21:04 is
    // after hours there, so Friday 09:00 New York time.
    expect(propose(Date.UTC(2026, 10, 18, 2, 4), NEW_YORK)).toBe('2026-11-20T09:00-05:00');
  });

  it('SEV3 and SEV4 get a week', () => {
    expect(propose(Date.UTC(2026, 10, 18, 9, 0), PARIS, 'SEV3')).toBe('2026-11-25T10:00+01:00');
  });
});
