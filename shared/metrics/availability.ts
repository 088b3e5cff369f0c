import type { IncidentTimestamps, Millis, Severity } from '../domain/incident';
import { instantOf, type TimeZone, wallTime } from '../time/zone';
import { clip, mergeIntervals, type Span, spanLength } from './spans';
import { distribution, type Distribution } from './stats';
import { interval, type Interval } from './timestamps';

export { mergeIntervals } from './spans';

// Availability of one service against its objective, from the incidents that name it.
//
// Assumptions, in one place:
// - Impact starts at `impactStartedAt`, else `detectedAt`, else `declaredAt`: the earliest moment
//   the record vouches for. An incident with none of the three is "unmeasured": listed, never
//   counted as zero impact.
// - Impact ends at `mitigatedAt` (customers stop noticing), else `resolvedAt`, else `closedAt`
//   (closing stamps both, so this is only for old records), else `now`: an open incident is
//   still hurting.
// - An impact that ends before it starts contradicts itself (see `timestampProblems`): it is
//   unmeasured too, not guessed.
// - Every minute of impact is a minute down. Degraded service and partial outages count in full:
//   the record does not say how partial they were.
// - Service names match trimmed and case-insensitively ("Checkout" and "checkout ").
// - Drills are practice: left out unless asked.

/** A service's availability objective: e.g. 99.9 % over a rolling 30 days. */
export interface ServiceObjective {
  name: string;
  /** 99.9 means 99.9 %. */
  objectivePercent: number;
  windowDays: number;
}

/** What these metrics need of an incident: an `IncidentSummary` with `services` fits. */
export interface ServiceIncident {
  id: string;
  services: readonly string[];
  severity: Severity;
  timestamps: IncidentTimestamps;
  drill: unknown | null;
}

export interface AvailabilityOptions {
  includeDrills?: boolean;
}

export interface ImpactSpan extends Span {
  incidentId: string;
}

export interface Impact {
  spans: ImpactSpan[];
  /** Incidents naming the service whose impact cannot be measured from their timestamps. */
  unmeasured: string[];
}

const DAY = 86_400_000;
const key = (service: string) => service.trim().toLowerCase();

export function incidentsOf<T extends ServiceIncident>(incidents: readonly T[], service: string, options: AvailabilityOptions = {}): T[] {
  const wanted = key(service);
  return incidents.filter((i) => (options.includeDrills || i.drill === null) && i.services.some((s) => key(s) === wanted));
}

export function impactStart(t: IncidentTimestamps): Millis | null {
  return t.impactStartedAt ?? t.detectedAt ?? t.declaredAt;
}

export function impactEnd(t: IncidentTimestamps, now: Millis): Millis {
  return t.mitigatedAt ?? t.resolvedAt ?? t.closedAt ?? now;
}

/** Each incident's impact on the service, as recorded; not merged, not clipped. */
export function impactIntervals(incidents: readonly ServiceIncident[], service: string, now: Millis, options: AvailabilityOptions = {}): Impact {
  const spans: ImpactSpan[] = [];
  const unmeasured: string[] = [];
  for (const incident of incidentsOf(incidents, service, options)) {
    const from = impactStart(incident.timestamps);
    const ended = incident.timestamps.mitigatedAt ?? incident.timestamps.resolvedAt ?? incident.timestamps.closedAt;
    if (from === null || (ended !== null && ended < from)) {
      unmeasured.push(incident.id);
      continue;
    }
    // An open incident whose recorded start is later than `now` (a clock ahead) has no impact yet.
    spans.push({ incidentId: incident.id, from, to: Math.max(from, impactEnd(incident.timestamps, now)) });
  }
  return { spans, unmeasured };
}

export interface Availability {
  service: string;
  period: Span;
  periodMs: number;
  /** Time down inside the period, overlapping incidents counted once. */
  impactMs: number;
  /** 0..1. */
  availability: number;
  objective: ServiceObjective;
  /** Down time the objective allows over the period. */
  budgetMs: number;
  /** Negative once the budget is overspent. */
  budgetLeftMs: number;
  /** Of the budget; null when the objective allows no down time at all (100 %). */
  budgetLeftPercent: number | null;
  /** Down for longer than the objective allows. */
  breached: boolean;
  /** Unmeasured incidents that have a timestamp in the period, or none at all. */
  unmeasured: string[];
  /** Incidents whose impact falls in the period, by start. */
  incidents: string[];
}

/**
 * Availability over `period` = 1 − impact / period. The period is taken as given: one reaching
 * past `now` counts the time still to come as up, so pass `to: now` for "so far".
 */
export function availability(
  incidents: readonly ServiceIncident[],
  objective: ServiceObjective,
  period: Span,
  now: Millis,
  options: AvailabilityOptions = {},
): Availability {
  const impact = impactIntervals(incidents, objective.name, now, options);
  const merged = mergeIntervals(impact.spans);
  const inPeriod = impact.spans
    .filter((s) => clip(s, period) !== null || (s.from === s.to && s.from >= period.from && s.from < period.to))
    .sort((a, b) => a.from - b.from || a.incidentId.localeCompare(b.incidentId));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const unmeasured = impact.unmeasured.filter((id) => {
    const stamps = Object.values(byId.get(id)!.timestamps).filter((t): t is number => t !== null);
    return stamps.length === 0 || stamps.some((t) => t >= period.from && t < period.to);
  });
  return { ...against(merged, objective, period), unmeasured: unmeasured.sort(), incidents: inPeriod.map((s) => s.incidentId) };
}

function against(merged: readonly Span[], objective: ServiceObjective, period: Span) {
  const periodMs = period.to - period.from;
  if (!(periodMs > 0)) throw new RangeError('The period must end after it starts');
  if (!(objective.objectivePercent > 0 && objective.objectivePercent <= 100)) throw new RangeError('The objective must be above 0 % and at most 100 %');
  const impactMs = spanLength(merged.map((s) => clip(s, period)).filter((s): s is Span => s !== null));
  const budgetMs = periodMs * (1 - objective.objectivePercent / 100);
  const budgetLeftMs = budgetMs - impactMs;
  return {
    service: objective.name,
    period: { ...period },
    periodMs,
    impactMs,
    availability: 1 - impactMs / periodMs,
    objective,
    budgetMs,
    budgetLeftMs,
    budgetLeftPercent: budgetMs > 0 ? (budgetLeftMs / budgetMs) * 100 : null,
    breached: impactMs > budgetMs,
  };
}

export interface AvailabilityPoint {
  at: Millis;
  availability: number;
  budgetLeftPercent: number | null;
  breached: boolean;
}

/**
 * For a chart: at each point, availability over the objective's window ending there. The window
 * is `windowDays` × 24 h, as error budgets are usually counted, so a daylight-saving change does
 * not make the budget jump. Points after `now` are left out: the future is not up yet.
 */
export function availabilitySeries(
  incidents: readonly ServiceIncident[],
  objective: ServiceObjective,
  points: readonly Millis[],
  now: Millis,
  options: AvailabilityOptions = {},
): AvailabilityPoint[] {
  const merged = mergeIntervals(impactIntervals(incidents, objective.name, now, options).spans);
  const windowMs = objective.windowDays * DAY;
  return points
    .filter((at) => at <= now)
    .map((at) => {
      const a = against(merged, objective, { from: at - windowMs, to: at });
      return { at, availability: a.availability, budgetLeftPercent: a.budgetLeftPercent, breached: a.breached };
    });
}

/** Each local midnight in `zone` from `range.from` to `range.to`, and `range.to` itself: the chart's x-axis. */
export function dailyPoints(range: Span, zone: TimeZone): Millis[] {
  const points: Millis[] = [];
  const first = wallTime(range.from, zone);
  for (let day = first.day; ; day++) {
    const midnight = instantOf({ year: first.year, month: first.month, day, hour: 0, minute: 0, second: 0 }, zone);
    if (midnight > range.to) break;
    if (midnight >= range.from) points.push(midnight);
  }
  if (points.at(-1) !== range.to) points.push(range.to);
  return points;
}

/** Per service: time to detect, acknowledge, mitigate and resolve. Missing timestamps stay missing. */
export type ServiceResponseTimes = Record<Interval, Distribution>;

export function serviceResponseTimes(incidents: readonly ServiceIncident[], service: string, options: AvailabilityOptions = {}): ServiceResponseTimes {
  const of = incidentsOf(incidents, service, options);
  const dist = (which: Interval): Distribution => {
    const values = of.map((i) => interval(i.timestamps, which));
    const bad = values.filter((v) => v === 'bad').length;
    return distribution(values.filter((v): v is number | null => v !== 'bad'), bad);
  };
  return { ttd: dist('ttd'), tta: dist('tta'), ttm: dist('ttm'), ttr: dist('ttr') };
}
