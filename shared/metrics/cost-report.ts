import type { Availability, AvailabilityPoint, ServiceResponseTimes } from './availability';
import type { LongStretch, WeekHours } from './responder-toll';

/** What `metrics.availability` answers per catalogued service. */
export interface ServiceAvailability {
  /** Over the chosen period (default: the objective's own window, up to now). */
  now: Availability;
  /** Rolling availability over the objective's window, one point a day across the period. */
  series: AvailabilityPoint[];
  responseTimes: ServiceResponseTimes;
}

/** What `metrics.responders` answers per person (for the team's leads only). */
export interface ResponderToll {
  name: string;
  totalMs: number;
  /** Null when the roster has no working hours for them: no hours are guessed. */
  outsideHoursMs: number | null;
  incidents: number;
  weeks: WeekHours[];
  longStretches: LongStretch[];
}

