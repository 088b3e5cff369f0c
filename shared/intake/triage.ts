import type { Severity } from '../domain/incident';
import { formatClockIn, zoneAbbreviation } from '../time/format';
import type { TimeZone } from '../time/zone';
import type { NormalAlert } from './alert';
import { truncate } from './text';

/**
 * The decisions taken on an alert once it is in normal form: how severe, which open incident it
 * belongs to, whether it was already logged, and the timeline line for what changed. All pure:
 * the caller holds the rules, the routes and the alerts seen so far.
 */

/** Every entry of `match` must equal the alert's label of that name; `severity` is the alert's, lower-cased. */
export interface SeverityRule {
  match: Record<string, string>;
  severity: Severity;
}

export interface AlertRoute {
  incidentId: string;
  match: Record<string, string>;
}

export const DEFAULT_SEVERITY_RULES: readonly SeverityRule[] = [
  { match: { severity: 'critical' }, severity: 'SEV2' },
  { match: { severity: 'warning' }, severity: 'SEV3' },
];

/** PagerDuty's four severities, when no rule decided. */
const PAGERDUTY_SEVERITY: Readonly<Record<string, Severity>> = { critical: 'SEV2', error: 'SEV2', warning: 'SEV3', info: 'SEV4' };

/**
 * The first rule, in order, whose every entry matches the alert (an empty `match` matches any
 * alert, for a catch-all at the end); else for a PagerDuty event its own severity (critical and
 * error SEV2, warning SEV3, info SEV4); else SEV4. Alerts are never SEV1 unless a rule says so:
 * declaring the worst is a person's call.
 */
export function mapSeverity(alert: NormalAlert, rules: readonly SeverityRule[] = DEFAULT_SEVERITY_RULES): Severity {
  for (const rule of rules) if (matches(rule.match, alert)) return rule.severity;
  if (alert.source === 'pagerduty' && alert.severity && Object.hasOwn(PAGERDUTY_SEVERITY, alert.severity)) return PAGERDUTY_SEVERITY[alert.severity]!;
  return 'SEV4';
}

/**
 * The open incident an alert belongs to: of the routes whose every entry matches, the one with
 * the most entries (the most specific), the first given on a tie; null when none matches. A
 * route with an empty `match` matches nothing: attaching every alert to one incident is never
 * what someone meant.
 */
export function routeAlert(alert: NormalAlert, routes: readonly AlertRoute[]): string | null {
  let best: AlertRoute | null = null;
  for (const route of routes) {
    const size = Object.keys(route.match).length;
    if (size === 0 || !matches(route.match, alert)) continue;
    if (!best || size > Object.keys(best.match).length) best = route;
  }
  return best ? best.incidentId : null;
}

function matches(match: Readonly<Record<string, string>>, alert: NormalAlert): boolean {
  for (const [name, wanted] of Object.entries(match)) {
    if (name === 'severity') {
      if (alert.severity !== wanted.toLowerCase()) return false;
    } else if (!Object.hasOwn(alert.labels, name) || alert.labels[name] !== wanted) return false;
  }
  return true;
}

/**
 * What makes two notifications of an alert the same news: its source, group, fingerprint,
 * status and times. Alertmanager repeats a group's notification every `repeat_interval` and
 * retries one it thinks failed; the same digest means it is already logged. Labels and
 * annotations are left out: a summary that renders a live value would otherwise log each repeat.
 */
export function alertDigest(alert: NormalAlert): string {
  return JSON.stringify([alert.source, alert.groupKey, alert.fingerprint, alert.status, alert.startsAt, alert.endsAt]);
}

const SUMMARY_IN_LINE = 200;

/**
 * The timeline line for what an alert's new notification changes, or null when it changes
 * nothing worth a line:
 * - first seen: `FIRING: …`, `RESOLVED: …` or `ACKNOWLEDGED: …`;
 * - firing after resolved, or firing again with a later start (its resolve was never sent):
 *   `FIRING AGAIN: …`;
 * - resolved after firing or acknowledged: `RESOLVED: …`;
 * - acknowledged after firing: `ACKNOWLEDGED: …`;
 * - anything else (a repeat, a trigger on an acknowledged PagerDuty alert, which PagerDuty keeps
 *   acknowledged): null.
 *
 * `FIRING: HighErrorRate checkout (critical) — error rate 14% — since 03:02 UTC`. Where the new
 * notification leaves out a name, service, severity or summary (a PagerDuty resolve with no
 * payload), the previous one's stands in: pass `carryForward`'s result as `previous`. Times are
 * written in `zone`.
 */
export function describeAlertChange(previous: NormalAlert | null, alert: NormalAlert, zone: TimeZone = 'UTC'): string | null {
  const verb = changeVerb(previous, alert);
  if (!verb) return null;
  const name = alert.name || previous?.name || alert.fingerprint || 'unnamed alert';
  const service = alert.service ?? previous?.service ?? null;
  const severity = alert.severity ?? previous?.severity ?? null;
  const summary = alert.summary || previous?.summary || '';
  let line = `${verb}: ${name}`;
  if (service && service !== name) line += ` ${service}`;
  // Copies of one alert (one per host or pod) read apart only by where they fire.
  const where = alert.labels.instance ?? alert.labels.pod ?? previous?.labels.instance ?? previous?.labels.pod;
  if (where) line += ` on ${where}`;
  if (severity) line += ` (${severity})`;
  // A PagerDuty alert is named by its summary: once is enough.
  const namedBySummary = summary === name || (name.endsWith('…') && summary.startsWith(name.slice(0, -1)));
  if (summary && !namedBySummary) line += ` — ${truncate(summary, SUMMARY_IN_LINE)}`;
  if (alert.status === 'firing' && alert.startsAt !== null) line += ` — since ${clock(alert.startsAt, zone)}`;
  if (alert.status === 'resolved' && alert.endsAt !== null) {
    const started = alert.startsAt ?? previous?.startsAt ?? null;
    line += ` — ended ${clock(alert.endsAt, zone)}`;
    if (started !== null && started <= alert.endsAt) line += `, after ${duration(alert.endsAt - started)}`;
  }
  if (alert.status === 'firing' && alert.suppressed) line += alert.suppressed.silencedBy.length > 0 ? ' — silenced' : ' — inhibited';
  return line;
}

/**
 * The alert as now known: `alert`, with what it leaves out (an empty name, summary or
 * description, no severity, service or start, no labels, annotations or links) taken from the
 * previous notification. A PagerDuty acknowledge or resolve often carries only its key; keep
 * this, not the bare notification, as the previous alert for the next change. Never use it for
 * `alertDigest`, which is about the notification as sent.
 */
export function carryForward(previous: NormalAlert | null, alert: NormalAlert): NormalAlert {
  if (!previous) return alert;
  const empty = (map: Record<string, string>) => Object.keys(map).length === 0;
  return {
    ...alert,
    name: alert.name || previous.name,
    summary: alert.summary || previous.summary,
    description: alert.description || previous.description,
    severity: alert.severity ?? previous.severity,
    service: alert.service ?? previous.service,
    startsAt: alert.startsAt ?? previous.startsAt,
    labels: empty(alert.labels) ? previous.labels : alert.labels,
    annotations: empty(alert.annotations) ? previous.annotations : alert.annotations,
    links: alert.links.length === 0 ? previous.links : alert.links,
  };
}

function changeVerb(previous: NormalAlert | null, alert: NormalAlert): string | null {
  if (!previous) return alert.status === 'firing' ? 'FIRING' : alert.status === 'resolved' ? 'RESOLVED' : 'ACKNOWLEDGED';
  if (alert.status === previous.status) {
    const restarted = alert.status === 'firing' && alert.startsAt !== null && previous.startsAt !== null && alert.startsAt > previous.startsAt;
    return restarted ? 'FIRING AGAIN' : null;
  }
  if (alert.status === 'resolved') return 'RESOLVED';
  if (alert.status === 'acknowledged') return previous.status === 'firing' ? 'ACKNOWLEDGED' : null;
  return previous.status === 'resolved' ? 'FIRING AGAIN' : null;
}

function clock(ms: number, zone: TimeZone): string {
  return `${formatClockIn(ms, zone, false)} ${zoneAbbreviation(ms, zone)}`;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/**
 * Whether every alert known in a group has resolved: the group's detection is over. A group
 * with no known alert is not: nothing has been seen to resolve.
 */
export function allResolved(alertsByFingerprint: ReadonlyMap<string, NormalAlert> | Readonly<Record<string, NormalAlert>>): boolean {
  const alerts = alertsByFingerprint instanceof Map ? [...alertsByFingerprint.values()] : Object.values(alertsByFingerprint);
  return alerts.length > 0 && alerts.every((a) => a.status === 'resolved');
}

/**
 * Which alert this is, across the ways one Alertmanager reaches the console: its webhook and a
 * pull of its API name the same alert by the same fingerprint, so both are one alert here.
 */
export function alertIdentity(alert: Pick<NormalAlert, 'source' | 'fingerprint'>): string {
  const family = alert.source === 'alertmanager-pull' ? 'alertmanager' : alert.source;
  return `${family}:${alert.fingerprint}`;
}

/** The digest of what an alert says, the same whichever way from one Alertmanager it came. */
export function alertNewsDigest(alert: NormalAlert): string {
  return alertDigest(alert.source === 'alertmanager-pull' ? { ...alert, source: 'alertmanager' } : alert);
}
