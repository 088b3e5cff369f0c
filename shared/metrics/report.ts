import { type DetectionSource, type IncidentSummary, type Millis, SEVERITIES, type Severity } from '../domain/incident';
import { isActionOverdue } from '../domain/review/schedule';
import { alertQuality, type AlertQualityRow } from './alert-quality';
import { distribution, type Distribution } from './stats';
import { interval, type Interval, timestampProblems } from './timestamps';

export interface MetricsFilter {
  from?: Millis | null;
  to?: Millis | null;
  severities?: Severity[];
  tag?: string | null;
  /** Drills are practice: counted only when asked. */
  includeDrills?: boolean;
}

const DAY = 86_400_000;
const startOf = (i: IncidentSummary) => i.declaredAt ?? i.timestamps.detectedAt ?? i.updatedAt;

export function filterIncidents(list: IncidentSummary[], f: MetricsFilter): IncidentSummary[] {
  return list.filter((i) => {
    const at = startOf(i);
    if (f.from != null && at < f.from) return false;
    if (f.to != null && at >= f.to) return false;
    if (f.severities?.length && !f.severities.includes(i.severity)) return false;
    if (f.tag && !i.tags.includes(f.tag)) return false;
    if (i.drill && !f.includeDrills) return false;
    return true;
  });
}

/** ISO-8601 week of a UTC instant, e.g. 2026-W47. */
export function isoWeek(ms: Millis): string {
  const d = new Date(ms);
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / DAY + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export type WeekRow = { week: string } & Record<Severity, number>;

export function incidentsPerWeek(list: IncidentSummary[]): WeekRow[] {
  if (list.length === 0) return [];
  const starts = list.map(startOf);
  const last = isoWeek(Math.max(...starts));
  const rows = new Map<string, WeekRow>();
  // Every week in range, empty ones included, so the chart's x-axis is honest.
  for (let t = Math.min(...starts); ; t += 7 * DAY) {
    const week = isoWeek(t);
    rows.set(week, { week, SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 });
    if (week === last) break;
  }
  for (const i of list) rows.get(isoWeek(startOf(i)))![i.severity] += 1;
  return [...rows.values()];
}

/** Per severity: time to detect (impact start → detected), acknowledge, mitigate and resolve. */
export type ResponseTimes = Record<Severity, Record<Interval, Distribution>>;

export function responseTimes(list: IncidentSummary[]): ResponseTimes {
  const out = {} as ResponseTimes;
  for (const sev of SEVERITIES) {
    const ofSev = list.filter((i) => i.severity === sev);
    const dist = (which: Interval) => {
      const values = ofSev.map((i) => interval(i.timestamps, which));
      return distribution(
        values.map((v) => (v === 'bad' ? null : v)).filter((_, k) => values[k] !== 'bad'),
        values.filter((v) => v === 'bad').length,
      );
    };
    out[sev] = { ttd: dist('ttd'), tta: dist('tta'), ttm: dist('ttm'), ttr: dist('ttr') };
  }
  return out;
}

export type DetectionRow = { period: string; total: number } & Record<DetectionSource, number>;

/** Detection source per calendar month (UTC): how often monitoring beat the customer. */
export function detectionShare(list: IncidentSummary[]): DetectionRow[] {
  const rows = new Map<string, DetectionRow>();
  for (const i of [...list].sort((a, b) => startOf(a) - startOf(b))) {
    const period = new Date(startOf(i)).toISOString().slice(0, 7);
    const row = rows.get(period) ?? { period, total: 0, alert: 0, 'customer-report': 0, internal: 0 };
    row[i.detectionSource] += 1;
    row.total += 1;
    rows.set(period, row);
  }
  return [...rows.values()];
}

export interface RepeatReport {
  total: number;
  repeats: number;
  rate: number | null;
  pairs: Array<{ incidentId: string; earlierId: string; via: string }>;
}

/** An incident repeats when an earlier one within 90 days shares its root-cause category or a tag. */
export function repeatRate(list: IncidentSummary[], windowDays = 90): RepeatReport {
  const sorted = [...list].sort((a, b) => startOf(a) - startOf(b));
  const pairs: RepeatReport['pairs'] = [];
  sorted.forEach((inc, k) => {
    for (let j = k - 1; j >= 0; j--) {
      const earlier = sorted[j]!;
      if (startOf(inc) - startOf(earlier) > windowDays * DAY) break;
      const category = inc.rootCauseCategory && inc.rootCauseCategory === earlier.rootCauseCategory ? `root cause: ${inc.rootCauseCategory}` : null;
      const tag = inc.tags.find((t) => earlier.tags.includes(t));
      if (category || tag) {
        pairs.push({ incidentId: inc.id, earlierId: earlier.id, via: category ?? `tag: ${tag}` });
        break;
      }
    }
  });
  return { total: list.length, repeats: pairs.length, rate: list.length ? pairs.length / list.length : null, pairs };
}

export interface OverdueAction {
  incidentId: string;
  incidentTitle: string;
  id: string;
  title: string;
  owner: string;
  dueDate: string | null;
  priority: string;
}

export function overdueActions(list: IncidentSummary[], now: Millis): OverdueAction[] {
  return list.flatMap((i) =>
    i.actionItems
      .filter((a) => isActionOverdue(a, now))
      .map((a) => ({ incidentId: i.id, incidentTitle: i.title, id: a.id, title: a.title, owner: a.owner, dueDate: a.dueDate, priority: a.priority })),
  );
}

export interface Punctuality {
  onTime: number;
  late: number;
  /** Updates with no deadline (no cadence in force): not counted either way. */
  unscheduled: number;
  rate: number | null;
}

export function updatePunctuality(list: IncidentSummary[]): Punctuality {
  let onTime = 0;
  let late = 0;
  let unscheduled = 0;
  for (const u of list.flatMap((i) => i.updates)) {
    if (u.dueAt === null) unscheduled += 1;
    else if (u.sentAt <= u.dueAt) onTime += 1;
    else late += 1;
  }
  return { onTime, late, unscheduled, rate: onTime + late ? onTime / (onTime + late) : null };
}

export interface MetricsReport {
  incidents: number;
  perWeek: WeekRow[];
  responseTimes: ResponseTimes;
  detection: DetectionRow[];
  alertQuality: AlertQualityRow[];
  repeat: RepeatReport;
  overdueActions: OverdueAction[];
  punctuality: Punctuality;
  flagged: Array<{ incidentId: string; problems: string[] }>;
}

export function metricsReport(all: IncidentSummary[], filter: MetricsFilter, now: Millis): MetricsReport {
  const list = filterIncidents(all, filter);
  return {
    incidents: list.length,
    perWeek: incidentsPerWeek(list),
    responseTimes: responseTimes(list),
    detection: detectionShare(list),
    alertQuality: alertQuality(list),
    repeat: repeatRate(list),
    overdueActions: overdueActions(list, now),
    punctuality: updatePunctuality(list),
    flagged: list.map((i) => ({ incidentId: i.id, problems: timestampProblems(i.timestamps) })).filter((f) => f.problems.length > 0),
  };
}
