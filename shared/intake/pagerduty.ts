import { z } from 'zod';
import { hasControlCharacter } from '../domain/control-chars';
import { INTAKE_LIMITS, type AlertStatus, type NormalAlert, type NormalNotification, type ParseResult } from './alert';
import { answer, describeIssues, identifier, nameProblem, oneLine, time, urlText } from './fields';
import { asOneLine, firstNonEmpty, LinkList, truncate } from './text';
import { readIso8601 } from './times';

/**
 * An alert event sent to PagerDuty's Events API v2 (`POST /v2/enqueue`; PagerDuty developer
 * docs, "Send an Alert Event"), so that any tool that pages PagerDuty can page this console the
 * same way. `routing_key` is 32 characters at PagerDuty; here it is 1 to 200, and the caller
 * checks it as the token. `dedup_key` is at most 255 characters, as at PagerDuty.
 *
 * A trigger without a `dedup_key` is a new alert at PagerDuty, which makes a key and answers
 * with it. Here the parser makes none (a key must be unique and this side is pure): it answers
 * `dedupKey: null` with an empty `groupKey` and `fingerprint`, and the caller makes a key and
 * fills it in with `withDedupKey` before anything else sees the notification.
 *
 * The payload's fields become labels (`severity`, `source`, `component`, `group`, `class`, those
 * given), so the same severity and routing rules apply as to Prometheus alerts;
 * `custom_details` becomes annotations (see `detailsAnnotations`).
 */
const ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type PagerDutyAction = (typeof ACTIONS)[number];
export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
const FIELD = 1_024;

const optionalLine = oneLine(FIELD).nullish();
const payload = z.object({
  summary: optionalLine,
  source: optionalLine,
  severity: z.enum(PAGERDUTY_SEVERITIES).nullish(),
  timestamp: time(readIso8601),
  component: optionalLine,
  group: optionalLine,
  class: optionalLine,
  custom_details: z.unknown().optional(),
});
// href and src are required, as PagerDuty documents; a value that is not http(s) is dropped, not refused.
const link = z.object({ href: z.string(), text: optionalLine });
const image = z.object({ src: z.string(), href: urlText, alt: optionalLine });

const event = z
  .object({
    routing_key: identifier(200, 1),
    event_action: z.enum(ACTIONS),
    // An empty key is no key, as Alertmanager and go-pagerduty omit an empty one.
    dedup_key: identifier(255).nullish().transform((k) => k || null),
    payload: payload.nullish(),
    links: z.array(link).max(100, 'has more than 100 links').nullish(),
    images: z.array(image).max(100, 'has more than 100 images').nullish(),
    client: optionalLine,
    client_url: urlText,
  })
  .superRefine((e, ctx) => {
    if (e.event_action !== 'trigger') {
      if (!e.dedup_key) ctx.addIssue({ code: 'custom', path: ['dedup_key'], message: `is required to ${e.event_action}` });
      return;
    }
    if (!e.payload) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is required to trigger' });
      return;
    }
    for (const field of ['summary', 'source', 'severity'] as const) {
      if (!e.payload[field]) ctx.addIssue({ code: 'custom', path: ['payload', field], message: 'is required to trigger' });
    }
  });

export interface PagerDutyNotification extends NormalNotification {
  source: 'pagerduty';
  eventAction: PagerDutyAction;
  routingKey: string;
  /** Null for a trigger that came without one: fill it with `withDedupKey`. */
  dedupKey: string | null;
}

const STATUS: Record<PagerDutyAction, AlertStatus> = { trigger: 'firing', acknowledge: 'acknowledged', resolve: 'resolved' };

export function parsePagerDuty(body: unknown): ParseResult<PagerDutyNotification> {
  const result = answer(event, body, (e): ParseResult<PagerDutyNotification> => {
    const p = e.payload;
    const key = e.dedup_key ?? '';
    const labels: Record<string, string> = {};
    for (const field of ['severity', 'source', 'component', 'group', 'class'] as const) {
      const value = p?.[field];
      if (value) labels[field] = value;
    }
    const annotations = detailsAnnotations(p?.custom_details);
    const links = new LinkList();
    for (const l of e.links ?? []) links.add(l.text || 'Link', l.href);
    for (const i of e.images ?? []) links.add(i.alt || 'Image', i.href || i.src);
    links.add(e.client || 'Client', e.client_url);
    const summary = asOneLine(p?.summary ?? '', INTAKE_LIMITS.summaryLength);
    const alert: NormalAlert = {
      source: 'pagerduty',
      groupKey: key,
      fingerprint: key,
      status: STATUS[e.event_action],
      // Empty for an acknowledge or resolve that carries no payload: the trigger named it.
      name: truncate(summary, INTAKE_LIMITS.nameLength),
      summary,
      description: annotations.description ?? '',
      labels,
      annotations,
      severity: p?.severity ?? null,
      service: firstNonEmpty(p?.component, p?.source),
      startsAt: e.event_action === 'trigger' ? (p?.timestamp ?? null) : null,
      endsAt: e.event_action === 'resolve' ? (p?.timestamp ?? null) : null,
      links: links.list(),
    };
    return {
      ok: true,
      value: {
        source: 'pagerduty',
        receiver: null,
        groupKey: key,
        externalURL: null,
        alerts: [alert],
        truncatedAlerts: 0,
        eventAction: e.event_action,
        routingKey: e.routing_key,
        dedupKey: e.dedup_key ?? null,
      },
    };
  });
  if (result.ok || !isObject(body) || 'routing_key' in body || !('service_key' in body)) return result;
  return { ok: false, errors: result.errors.map((line) => (line === 'routing_key: is required' ? `${line} (service_key is the Events API v1; this is v2)` : line)) };
}

/** The notification with the key the caller made for a trigger that came without one. */
export function withDedupKey(notification: PagerDutyNotification, dedupKey: string): PagerDutyNotification {
  const checked = identifier(255, 1).safeParse(dedupKey);
  if (!checked.success) throw new Error(`dedup key ${describeIssues(checked.error.issues).join('; ')}`);
  return {
    ...notification,
    dedupKey,
    groupKey: dedupKey,
    alerts: notification.alerts.map((a) => ({ ...a, groupKey: dedupKey, fingerprint: dedupKey })),
  };
}

export interface PagerDutyRejection {
  status: 'invalid event';
  message: 'Event object is invalid';
  errors: string[];
}

export interface PagerDutyAcceptance {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}

/** PagerDuty's answer to an event it refuses (HTTP 400), as its client libraries read it. */
export function pagerDutyRejection(errors: string[]): PagerDutyRejection {
  return { status: 'invalid event', message: 'Event object is invalid', errors };
}

/** PagerDuty's 400 answer for `body`, or null when the event would be taken. */
export function pagerDutyErrors(body: unknown): PagerDutyRejection | null {
  const parsed = parsePagerDuty(body);
  return parsed.ok ? null : pagerDutyRejection(parsed.errors);
}

/** PagerDuty's answer to an event it takes (HTTP 202), with the key the alert is known by. */
export function pagerDutyAccepted(dedupKey: string): PagerDutyAcceptance {
  return { status: 'success', message: 'Event processed', dedup_key: dedupKey };
}

/**
 * `custom_details` is any JSON. An object's entries become annotations: strings as they are,
 * anything else as its JSON; values cut to 10 000 characters, control characters other than
 * line breaks and tabs replaced by U+FFFD, at most 100 entries, and names that could not name
 * an annotation skipped. Free-form details are read leniently, since refusing a page over one
 * odd detail costs more than losing the detail. A non-object is kept whole as `custom_details`.
 */
export function detailsAnnotations(details: unknown): Record<string, string> {
  if (details === undefined || details === null) return {};
  if (typeof details !== 'object' || Array.isArray(details)) return { custom_details: detailText(details) };
  const out: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(details)) {
    if (count === INTAKE_LIMITS.mapEntries) break;
    if (nameProblem(key, 'annotation')) continue;
    out[key] = detailText(value);
    count++;
  }
  return out;
}

function detailText(value: unknown): string {
  const text = truncate(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''), INTAKE_LIMITS.valueLength);
  if (!hasControlCharacter(text.replace(/[\t\n\r]/g, ' '))) return text;
  let clean = '';
  for (const ch of text) clean += ch === '\n' || ch === '\r' || ch === '\t' || !hasControlCharacter(ch) ? ch : '\uFFFD';
  return clean;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
