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
import type { IncidentEvent } from './events';

/**
 * The shape of every event, checked when a journal comes from outside (an imported bundle or
 * scribe log): a checksum proves the bytes were not damaged, not that whoever wrote them
 * followed our rules. The reducer may then trust what it is given.
 */
const str = z.string().max(20_000);
const ms = z.number().int().min(0).max(8_000_000_000_000);
const nms = ms.nullable();
const id = z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/);
const sev = z.enum(SEVERITIES);
const opening = z.object({
  title: str,
  severity: sev,
  detectionSource: z.enum(DETECTION_SOURCES),
  summary: str,
  impactStartedAt: nms,
  detectedAt: nms,
});
const tier = z.object({ target: str, contact: str, delayMinutes: z.number().min(0).max(1440) });
const actionFields = {
  title: str,
  owner: str,
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(ACTION_STATUSES),
  link: str,
};
const postmortemChanges = z
  .object({
    summary: str,
    impactUsers: str,
    impactServices: str,
    slaBreach: str,
    rootCause: str,
    rootCauseCategory: z.enum(FACTOR_TAGS).nullable(),
    fiveWhys: z.array(str).max(10),
    factors: z.array(z.object({ tag: z.enum(FACTOR_TAGS), text: str })).max(30),
    wentWell: str,
    couldImprove: str,
    showNames: z.boolean(),
    timelineEdits: z.record(id, z.object({ included: z.boolean(), annotation: str })),
    reviewAt: nms,
    reviewHeldAt: nms,
  })
  .partial();

const payloads: Record<IncidentEvent['type'], z.ZodType> = {
  'incident.declared': opening,
  'incident.detected': opening,
  'incident.promoted': z.object({ severity: sev, reason: str }),
  'incident.dismissed': z.object({ outcome: z.enum(DISMISS_OUTCOMES), reason: str }),
  'incident.statusChanged': z.object({ from: z.enum(STATUSES), to: z.enum(STATUSES), reason: str, reviewNeeded: z.boolean().nullable() }),
  'incident.severityChanged': z.object({ from: sev, to: sev, reason: str }),
  'incident.timeSet': z.object({ field: z.enum(BACKFILL_FIELDS), value: nms, previous: nms, reason: str }),
  'incident.edited': z.object({ title: str.optional(), summary: str.optional(), tags: z.array(z.string().max(40)).max(30).optional() }),
  'role.assigned': z.object({ role: z.enum(ROLE_KEYS), name: str, contact: str }),
  'role.handedOff': z.object({
    role: z.enum(ROLE_KEYS),
    from: str,
    name: str,
    contact: str,
    briefing: z.object({ situation: str, actions: str, decisions: str, nextUpdate: str }),
  }),
  'role.released': z.object({ role: z.enum(ROLE_KEYS), name: str, reason: str }),
  'responder.joined': z.object({ responderId: id, name: str, contact: str, expertise: str }),
  'responder.left': z.object({ responderId: id }),
  'workstream.opened': z.object({ workstreamId: id, title: str, kind: z.enum(WORKSTREAM_KINDS), owner: str, nextStep: str, checkInAt: nms }),
  'workstream.updated': z.object({
    workstreamId: id,
    changes: z
      .object({ title: str, kind: z.enum(WORKSTREAM_KINDS), owner: str, status: z.enum(WORKSTREAM_STATUSES), nextStep: str, checkInAt: nms })
      .partial(),
  }),
  'timeline.logged': z.object({
    entryId: id,
    text: str,
    kind: z.enum(ENTRY_KINDS),
    occurredAt: ms,
    attribution: str.nullable(),
    workstreamId: id.nullable(),
  }),
  'timeline.amended': z.object({ entryId: id, text: str, kind: z.enum(ENTRY_KINDS) }),
  'timeline.struck': z.object({ entryId: id, reason: str }),
  'timeline.pinned': z.object({ entryId: id, pinned: z.boolean() }),
  'cadence.set': z.object({ audience: z.enum(AUDIENCES), intervalMinutes: z.number().positive().nullable(), firstMinutes: z.number().positive().nullable(), reason: str }),
  'escalation.policySet': z.object({ severity: sev, tiers: z.array(tier).max(10) }),
  'escalation.paged': z.object({ target: str, contact: str, tier: z.number().int().min(1).nullable(), reason: str, dueAt: nms }),
  'escalation.acknowledged': z.object({ by: str }),
  'update.approved': z.object({ draftId: id, kind: z.enum(DRAFT_KINDS), bodyHash: z.string().max(64) }),
  'update.sent': z.object({
    updateId: id,
    draftId: id,
    audience: z.enum(AUDIENCES),
    kind: z.enum(DRAFT_KINDS),
    channel: str,
    recipients: str,
    body: str,
    dueAt: nms,
  }),
  'deadline.missed': z.object({ key: z.string().max(300), kind: z.enum(['cadence', 'check-in']), dueAt: ms, label: str }),
  'postmortem.edited': z.object({ changes: postmortemChanges }),
  'action.added': z.object({ item: z.object({ id, ...actionFields }) }),
  'action.updated': z.object({ actionId: id, changes: z.object(actionFields).partial() }),
};

const envelope = z.object({
  id: z.string().min(1).max(80),
  incidentId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  seq: z.number().int().min(1),
  at: ms,
  actor: z.string().max(200),
  type: z.enum(Object.keys(payloads) as [IncidentEvent['type'], ...IncidentEvent['type'][]]),
  payload: z.unknown(),
});

/** A reason the event cannot be taken in, or null when it is well-formed. */
export function checkEventShape(value: unknown): string | null {
  const env = envelope.safeParse(value);
  if (!env.success) return env.error.issues[0]?.message ?? 'not an event';
  const payload = payloads[env.data.type].safeParse(env.data.payload);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    return `${env.data.type}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad payload'}`;
  }
  return null;
}
