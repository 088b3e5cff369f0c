import { formatClockIn, formatShortDate, zoneAbbreviation } from '../../time/format';
import { dayKey, type TimeZone } from '../../time/zone';
import { nextUpdateDue } from '../deadlines';
import type { Audience, CadenceClock, IncidentState, Millis } from '../incident';

const AUDIENCE_LABEL: Record<Audience, string> = { internal: 'Internal', external: 'External' };

/** `03:42 CET` today, `Mon 23 Nov 03:42 CET` on another day; the zone once per line is enough. */
function when(ms: Millis, now: Millis, zone: TimeZone, named: boolean): string {
  const day = dayKey(ms, zone) === dayKey(now, zone) ? '' : `${formatShortDate(ms, zone)} `;
  return `${day}${formatClockIn(ms, zone, false)}${named ? ` ${zoneAbbreviation(ms, zone)}` : ''}`;
}

/**
 * What a new cadence does to the update already owed, in words for the timeline: a severity
 * change that moves a due update must say so, never move it silently. Null when it does not move.
 * Written into the event when decided, so every console shows the same words.
 */
export function dueShiftNote(state: IncidentState, audience: Audience, clock: CadenceClock, now: Millis, zone: TimeZone): string | null {
  const before = nextUpdateDue(state, audience);
  const after = nextUpdateDue({ ...state, cadence: { ...state.cadence, [audience]: clock } }, audience);
  if (before === after) return null;
  const was = before === null ? 'none was due' : `was ${when(before, now, zone, after === null)}${before <= now ? ', overdue' : ''}`;
  if (after === null) return `No ${audience} update due now (${was})`;
  const passed = after <= now ? ', already passed' : '';
  return `${AUDIENCE_LABEL[audience]} update now due ${when(after, now, zone, true)}${passed} (${was})`;
}
