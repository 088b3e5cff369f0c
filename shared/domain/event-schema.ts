import { z } from 'zod';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  AUDIENCES,
  BACKFILL_FIELDS,
  DETECTION_SOURCES,
  DISMISS_OUTCOMES,
  DRAFT_KINDS,
  ENTRY_KINDS,
  FACTOR_TAGS,
  ROLE_KEYS,
  SEVERITIES,
  STATUSES,
  WORKSTREAM_KINDS,
  WORKSTREAM_STATUSES,
} from './incident';
import { ScenarioSchema } from '../drills/scenario-schema';
import { DRILL_SPEEDS, INJECT_KINDS } from '../drills/types';
import { isCalendarDay } from './calendar-day';
import { LATEST_TIME } from './clocks';
import { hasControlCharacter } from './control-chars';
import type { IncidentEvent } from './events';
import { LegacyStamper, STAMP_PATTERN } from './hlc';

/**
 * The shape of every event, checked when a journal comes from outside (an imported bundle or
 * scribe log, later another console): a checksum proves the bytes were not damaged, not that
 * whoever wrote them followed our rules. Every object is strict (an unknown key, `__proto__`
 * included, is refused) and what is kept is the parsed output, never the raw object, so the
 * reducer may trust what it is given.
 */
const str = z.string().max(20_000);
/** Ids also serve as object keys (post-mortem row edits): never one that reaches a prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Minutes between updates: positive and at most a week, so a deadline is always a real time. */
const minutes = z.number().positive().max(7 * 24 * 60);
/** One line of text (titles, actors, file names): no control characters, no line breaks. */
const line = (max: number) => z.string().max(max).refine((s) => !hasControlCharacter(s), 'holds a line break or control character');
const ms = z.number().int().min(0).max(LATEST_TIME);
const nms = ms.nullable();
/** Ids this engine makes (uuids, `<uuid>:system`): never a quote, slash or space. */
const id = z
  .string()
  .regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not an id')
  .refine((s) => !FORBIDDEN_KEYS.has(s), 'is not an id');
const sev = z.enum(SEVERITIES);
const drillSpeed = z.union(DRILL_SPEEDS.map((speed) => z.literal(speed)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<5>]);
const strict = z.strictObject;
const title = line(2_000);
const opening = strict({
  title,
  severity: sev,
  detectionSource: z.enum(DETECTION_SOURCES),
  summary: str,
  impactStartedAt: nms,
  detectedAt: nms,
  drill: strict({
    scenario: ScenarioSchema,
    facilitator: line(200),
    team: line(100).optional(),
    facilitatorConsole: line(200),
    speed: drillSpeed,
    wallAt: ms,
  }).optional(),
});
const tier = strict({ target: str, contact: str, delayMinutes: z.number().min(0).max(1440) });
const actionFields = {
  title,
  owner: str,
  dueDate: z.string().refine(isCalendarDay, 'is not a calendar date').nullable(),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(ACTION_STATUSES),
  link: str,
};
const postmortemChanges = strict({
    summary: str,
    impactUsers: str,
    impactServices: str,
    slaBreach: str,
    rootCause: str,
    rootCauseCategory: z.enum(FACTOR_TAGS).nullable(),
    fiveWhys: z.array(str).max(10),
    factors: z.array(strict({ tag: z.enum(FACTOR_TAGS), text: str })).max(30),
    wentWell: str,
    couldImprove: str,
    showNames: z.boolean(),
    timelineEdits: z.record(id, strict({ included: z.boolean(), annotation: str })),
    reviewAt: nms,
    reviewHeldAt: nms,
  })
  .partial();

/** A label or annotation map as the intake keeps it: bounded, one-line names, never a prototype key. */
const stringMap = z
  .record(
    line(200).refine((k) => !FORBIDDEN_KEYS.has(k), 'is not a label name'),
    z.string().max(10_000),
  )
  .refine((m) => Object.keys(m).length <= 100, 'has more than 100 entries');
const httpUrl = z
  .string()
  .max(2_000)
  .refine((u) => /^https?:\/\//i.test(u) && !hasControlCharacter(u), 'is not an http(s) address');
/** One alert as `shared/intake` normalised it, checked again here as any event from outside is. */
const alertFact = strict({
  source: z.enum(['alertmanager', 'pagerduty', 'grafana', 'alertmanager-pull']),
  groupKey: z.string().max(10_000),
  fingerprint: line(200),
  status: z.enum(['firing', 'resolved', 'acknowledged']),
  name: line(300),
  summary: line(1_024),
  description: str,
  labels: stringMap,
  annotations: stringMap,
  severity: line(40).nullable(),
  service: line(200).nullable(),
  startsAt: nms,
  endsAt: nms,
  links: z.array(strict({ label: line(200), url: httpUrl })).max(20),
  suppressed: strict({ silencedBy: z.array(line(200)).max(100), inhibitedBy: z.array(line(200)).max(100) }).optional(),
});

const payloads: Record<IncidentEvent['type'], z.ZodType> = {
  'incident.declared': opening,
  'incident.detected': opening,
  'incident.promoted': strict({ severity: sev, reason: str }),
  'incident.dismissed': strict({ outcome: z.enum(DISMISS_OUTCOMES), reason: str }),
  'incident.statusChanged': strict({ from: z.enum(STATUSES), to: z.enum(STATUSES), reason: str, reviewNeeded: z.boolean().nullable(), at: ms.optional() }),
  'incident.severityChanged': strict({ from: sev, to: sev, reason: str }),
  'incident.timeSet': strict({ field: z.enum(BACKFILL_FIELDS), value: nms, previous: nms, reason: str }),
  'incident.edited': strict({ title: title.optional(), summary: str.optional(), tags: z.array(z.string().max(40)).max(30).optional(), publicImpact: str.optional() }),
  'role.assigned': strict({ role: z.enum(ROLE_KEYS), name: str, contact: str }),
  'role.handedOff': strict({
    role: z.enum(ROLE_KEYS),
    from: str,
    name: str,
    contact: str,
    briefing: strict({ situation: str, actions: str, decisions: str, nextUpdate: str }),
  }),
  'role.released': strict({ role: z.enum(ROLE_KEYS), name: str, reason: str }),
  'responder.joined': strict({ responderId: id, name: str, contact: str, expertise: str }),
  'responder.left': strict({ responderId: id }),
  'workstream.opened': strict({ workstreamId: id, title, kind: z.enum(WORKSTREAM_KINDS), owner: str, nextStep: str, checkInAt: nms }),
  'workstream.updated': strict({
    workstreamId: id,
    changes: strict({ title, kind: z.enum(WORKSTREAM_KINDS), owner: str, status: z.enum(WORKSTREAM_STATUSES), nextStep: str, checkInAt: nms })
      .partial(),
  }),
  'timeline.logged': strict({
    entryId: id,
    text: str,
    kind: z.enum(ENTRY_KINDS),
    occurredAt: ms,
    attribution: str.nullable(),
    workstreamId: id.nullable(),
  }),
  'timeline.amended': strict({ entryId: id, text: str, kind: z.enum(ENTRY_KINDS) }),
  'timeline.struck': strict({ entryId: id, reason: str }),
  'timeline.pinned': strict({ entryId: id, pinned: z.boolean() }),
  'cadence.set': strict({ audience: z.enum(AUDIENCES), intervalMinutes: minutes.nullable(), firstMinutes: minutes.nullable(), reason: str }),
  'escalation.policySet': strict({ severity: sev, tiers: z.array(tier).max(10) }),
  'escalation.paged': strict({ target: str, contact: str, tier: z.number().int().min(1).nullable(), reason: str, dueAt: nms }),
  'escalation.acknowledged': strict({ by: str }),
  'update.approved': strict({
    draftId: id,
    kind: z.enum(DRAFT_KINDS),
    bodyHash: z.string().max(64),
    override: strict({ reason: str }).optional(),
  }),
  'update.sent': strict({
    updateId: id,
    draftId: id,
    audience: z.enum(AUDIENCES),
    kind: z.enum(DRAFT_KINDS),
    // One line each, as the command takes them: a line break here could fake a header in the bundle's update files.
    channel: line(20_000),
    recipients: line(20_000),
    body: str,
    dueAt: nms,
  }),
  'deadline.missed': strict({ key: z.string().max(300), kind: z.enum(['cadence', 'check-in']), dueAt: ms, label: str }),
  'postmortem.edited': strict({ changes: postmortemChanges }),
  'action.added': strict({ item: strict({ id, ...actionFields }) }),
  'action.updated': strict({ actionId: id, changes: strict(actionFields).partial() }),
  'alert.received': strict({ alert: alertFact }),
  'alert.silenced': strict({
    silenceId: line(200),
    matchers: z.array(strict({ name: line(200), value: z.string().max(1_000) })).min(1).max(20),
    endsAt: ms,
    alertmanager: httpUrl,
  }),
  'alert.silenceEnded': strict({ silenceId: line(200), reason: line(500) }),
  'drill.clockSet': strict({ action: z.enum(['pause', 'resume', 'speed', 'end']), speed: drillSpeed, wallAt: ms, drillAt: ms }),
  'drill.injected': strict({ injectId: line(40), kind: z.enum(INJECT_KINDS), text: str, from: line(200).or(z.literal('')), manual: z.boolean() }),
  'drill.injectSkipped': strict({ injectId: line(40), reason: line(500) }),
  'checklist.ticked': strict({ item: line(300), done: z.boolean() }),
  'artefact.attached': strict({
    artefactId: id,
    entryId: id,
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha-256'),
    name: line(255),
    mime: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']),
    size: z.number().int().min(1).max(1024 * 1024 * 1024),
    note: line(100).nullable(),
  }),
  'conflict.settled': strict({ conflictId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), field: z.enum(['severity', 'status']), value: z.string().max(40) }),
};

/** Event ids are uuids: one pattern, so merging by id and finding an id in a record's bytes are exact. */
export const EVENT_ID = /^[A-Za-z0-9_-]{1,80}$/;

const origin = strict({
  source: z.enum(['bundle', 'scribe-log']),
  file: line(255),
  by: line(200),
  at: ms,
});

const envelope = strict({
  id: z.string().regex(EVENT_ID, 'is not an event id'),
  incidentId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'is not an incident id'),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  // Absent in files written before stamps existed: the gate derives them in file order.
  hlc: z.string().regex(STAMP_PATTERN, 'is not a clock stamp').optional(),
  at: ms,
  actor: line(200),
  type: z.enum(Object.keys(payloads) as [IncidentEvent['type'], ...IncidentEvent['type'][]]),
  payload: z.unknown(),
  origin: origin.optional(),
  // How a synced event came here; carried in exported journals, dropped by every gate.
  received: strict({ serverSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), uploadedBy: line(200), at: ms }).optional(),
});

export type ParsedEvent = { ok: true; event: MaybeStamped } | { ok: false; reason: string };

/**
 * The event as this engine will keep it, rebuilt from the parsed output (unknown keys are
 * refused, never carried; a `received` note is dropped), or the reason it cannot be taken in.
 * Its stamp may be missing (an older file): see `stampInOrder`.
 */
export function parseEvent(value: unknown): ParsedEvent {
  const env = envelope.safeParse(value);
  if (!env.success) return { ok: false, reason: describeIssue(env.error.issues[0], 'not an event') };
  const payload = payloads[env.data.type].safeParse(env.data.payload);
  if (!payload.success) return { ok: false, reason: `${env.data.type}: ${describeIssue(payload.error.issues[0], 'bad payload')}` };
  const { origin: from, hlc, received: _received, ...rest } = env.data;
  const event = { ...rest, ...(hlc ? { hlc } : {}), payload: payload.data, ...(from ? { origin: from } : {}) } as MaybeStamped;
  return { ok: true, event };
}

/** An event as read from outside, perhaps written before stamps existed. */
export type MaybeStamped = IncidentEvent extends infer E ? (E extends IncidentEvent ? Omit<E, 'hlc'> & { hlc?: string } : never) : never;

/**
 * Gives events without a stamp (written before stamps existed) one derived from their `at`, in
 * the order given: deterministic, and never before a stamp earlier in the same list.
 */
export function stampInOrder(events: readonly MaybeStamped[]): IncidentEvent[] {
  const stamper = new LegacyStamper();
  return events.map((event) => {
    if (event.hlc) {
      stamper.see(event.hlc);
      return event as IncidentEvent;
    }
    return { ...event, hlc: stamper.next(event.at) } as IncidentEvent;
  });
}

/** A reason the event cannot be taken in, or null when it is well-formed. */
export function checkEventShape(value: unknown): string | null {
  const parsed = parseEvent(value);
  return parsed.ok ? null : parsed.reason;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, fallback: string): string {
  if (!issue) return fallback;
  const path = issue.path.map(String).join('.');
  return path ? `${path} ${issue.message}` : issue.message;
}
