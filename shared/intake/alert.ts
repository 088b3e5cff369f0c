/**
 * The one shape every alert source becomes once it is taken in: an Alertmanager or Grafana
 * webhook, a PagerDuty Events API v2 event, or an Alertmanager API v2 pull. What is kept is
 * what an incident commander reads and what triage decides on; anything the sender adds beyond
 * that is dropped, never carried.
 */
export type AlertSource = 'alertmanager' | 'pagerduty' | 'grafana' | 'alertmanager-pull';

export type AlertStatus = 'firing' | 'resolved' | 'acknowledged';

export interface AlertLink {
  label: string;
  url: string;
}

export interface NormalAlert {
  source: AlertSource;
  /**
   * What groups notifications into one detection: the Alertmanager or Grafana `groupKey`, the
   * PagerDuty `dedup_key`, or for a pull a key made from the alert's labels minus the
   * instance-like ones (see `pullGroupKey` in `alertmanager-pull.ts`).
   */
  groupKey: string;
  /**
   * One alert within the group: the sender's fingerprint, or where an older Alertmanager sent
   * none, the fingerprint Alertmanager itself computes from the labels (`labelsFingerprint`);
   * the PagerDuty `dedup_key`.
   */
  fingerprint: string;
  status: AlertStatus;
  /** `alertname` or the PagerDuty summary: one line, at most 300 characters. */
  name: string;
  /** One line, at most 1 024 characters. */
  summary: string;
  /** May hold line breaks. */
  description: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The raw severity label or field, lower-cased; null when the sender gave none. */
  severity: string | null;
  /** `labels.service ?? labels.job`, or the PagerDuty component or source. */
  service: string | null;
  /** Milliseconds since the epoch; Alertmanager's zero time (0001-01-01) is null. */
  startsAt: number | null;
  /** Milliseconds since the epoch; null while the alert fires. */
  endsAt: number | null;
  /** Only http(s) URLs, each once. */
  links: AlertLink[];
  /**
   * Set only by an Alertmanager pull, for an alert Alertmanager holds back (state
   * `suppressed`): it still fires, someone chose not to be told. Which silences and inhibiting
   * alerts hold it back, by id and fingerprint.
   */
  suppressed?: { silencedBy: string[]; inhibitedBy: string[] };
}

export interface NormalNotification {
  source: AlertSource;
  receiver: string | null;
  groupKey: string;
  externalURL: string | null;
  alerts: NormalAlert[];
  /**
   * Alerts the sender had but did not send (Alertmanager's `max_alerts`), plus any beyond
   * `INTAKE_LIMITS.alerts` that this side left unread.
   */
  truncatedAlerts: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Ceilings on what one notification may hold. Past `alerts`, the rest are counted in
 * `truncatedAlerts` rather than refused: a large outage must still be heard. Past the others,
 * the notification is refused with the field named.
 */
export const INTAKE_LIMITS = {
  alerts: 1_000,
  mapEntries: 100,
  keyLength: 200,
  valueLength: 10_000,
  nameLength: 300,
  summaryLength: 1_024,
  links: 20,
  /** How many problems one refusal lists; the sender fixes those and learns of the rest next. */
  errors: 20,
} as const;

/** Names that reach an object's prototype when used as a key: never a label or annotation name. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
