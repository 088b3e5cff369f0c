import { z } from 'zod';
import { isBase64 } from './base64';
import {
  BACKFILL_FIELDS,
  DETECTION_SOURCES,
  DISMISS_OUTCOMES,
  ENGINE_KINDS,
  ENTRY_KINDS,
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  AUDIENCES,
  DRAFT_KINDS,
  FACTOR_TAGS,
  ROLE_KEYS,
  SEVERITIES,
  STATUSES,
  WORKSTREAM_KINDS,
  WORKSTREAM_STATUSES,
} from '../domain/incident';
import { isCalendarDay } from '../domain/calendar-day';
import { hasControlCharacter } from '../domain/control-chars';
import { isTimeZone } from '../domain/operator';
import { LIMITS } from './limits';
import { validateChecklist } from '../guidance/checklists';
import { workingHoursProblems } from '../metrics/working-hours';

// Inputs are strict objects: an unexpected key (`__proto__` included) is refused, not ignored.

/** Also a folder name on disk, so only safe characters. */
export const IncidentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be an incident id such as INC-20261122-ab12');

const text = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is longer than ${max} characters`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label} is empty`));

const oneLineMessage = (label: string) => `${label} cannot contain line breaks, tabs or other control characters`;
/** One line: a newline in a title became a new heading in an exported post-mortem. */
const title = (label: string) => text(label, LIMITS.title).refine((s) => !hasControlCharacter(s), oneLineMessage(label));

const optionalText = (label: string, max: number) =>
  z.string().max(max, `${label} is longer than ${max} characters`).transform((s) => s.trim());

/** A wall-clock time in epoch milliseconds, between 2000 and 2200. */
export const Timestamp = z.number().int().min(946_684_800_000).max(7_258_118_400_000);

export const Severity = z.enum(SEVERITIES);
export const DetectionSource = z.enum(DETECTION_SOURCES);
export const ScribeKind = z.enum(ENTRY_KINDS).exclude(ENGINE_KINDS);

export const Empty = z.strictObject({});

export const DeclareInput = z.strictObject({
  title: title('Title'),
  severity: Severity,
  detectionSource: DetectionSource.optional().default('alert'),
  summary: optionalText('Summary', LIMITS.summary).optional().default(''),
  impactStartedAt: Timestamp.optional(),
  detectedAt: Timestamp.optional(),
  /** The operator at this console takes the incident-commander role in the same declaration. */
  operatorIsIc: z.boolean().optional().default(false),
  /** With team sync on, new incidents are shared by default; `false` keeps this one on this machine. */
  share: z.boolean().optional(),
});

/** A detection is recorded without roles: the IC is chosen when it is declared. */
export const DetectInput = DeclareInput.omit({ operatorIsIc: true });

export const IncidentRef = z.strictObject({ incidentId: IncidentId });

/** Ids the engine made (entries, workstreams, responders): uuid-like, never a path. */
export const ItemId = z.string().regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not an id this engine made');

const reason = optionalText('Reason', LIMITS.summary).optional().default('');
const name = text('Name', LIMITS.name);
const contact = optionalText('Contact', LIMITS.name).optional().default('');

export const RoleKey = z.enum(ROLE_KEYS);
export const Status = z.enum(STATUSES);
export const WorkstreamKind = z.enum(WORKSTREAM_KINDS);
export const WorkstreamStatus = z.enum(WORKSTREAM_STATUSES);

export const PromoteInput = z.strictObject({ incidentId: IncidentId, severity: Severity.optional(), reason });
export const DismissInput = z.strictObject({ incidentId: IncidentId, outcome: z.enum(DISMISS_OUTCOMES).exclude(['attached']), reason });
/** An Alertmanager the console follows by polling its API v2. */
export const ConfigurePullInput = z.strictObject({
  url: z.string().trim().min(1, 'The Alertmanager address is empty').max(2_000, 'The address is longer than 2000 characters'),
  auth: z.enum(['none', 'bearer', 'basic']),
  username: z.string().max(200, 'The user name is longer than 200 characters').optional().default(''),
  secret: z.string().max(2_000, 'The secret is longer than 2000 characters').nullable().optional(),
  enabled: z.boolean(),
  intervalSeconds: z.number().int().min(2, 'Poll at most every 2 seconds').max(300, 'Poll at least every 5 minutes').optional().default(5),
});
/** The intake-only address, HOST:PORT (checked by the engine, which says what it expects), or null to stop. */
export const IntakeListenInput = z.strictObject({ address: z.string().max(300, 'The address is longer than 300 characters').nullable() });
/** Silence an incident's Alertmanager alerts for a while (the silences end when it resolves). */
export const SilenceInput = z.strictObject({ incidentId: IncidentId, hours: z.number().min(0.25, 'At least a quarter of an hour').max(72, 'At most 72 hours').optional().default(4) });
/** A detection's alerts go to an incident already open; the detection closes as attached. */
export const AttachInput = z.strictObject({ incidentId: IncidentId, to: IncidentId });

export const SetStatusInput = z.strictObject({
  incidentId: IncidentId,
  status: Status,
  reason,
  /** Required when closing: a deliberate yes or no. */
  reviewNeeded: z.boolean().optional(),
  /** Resolving or closing: mark every open workstream done in the same commit. */
  closeWorkstreams: z.boolean().optional(),
  /** Marking mitigated: when impact stopped (a mitigation entry's time), if not now. */
  at: Timestamp.optional(),
});

export const SetSeverityInput = z.strictObject({ incidentId: IncidentId, severity: Severity, reason });

export const SetTimeInput = z.strictObject({
  incidentId: IncidentId,
  field: z.enum(BACKFILL_FIELDS),
  at: Timestamp.nullable(),
  reason,
});

const Tag = z
  .string()
  .max(40, 'A tag is longer than 40 characters')
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._:/-]*$/, 'A tag may use letters, digits and . _ : / -'));

export const EditIncidentInput = z.strictObject({
  incidentId: IncidentId,
  title: title('Title').optional(),
  summary: optionalText('Summary', LIMITS.summary).optional(),
  tags: z.array(Tag).max(30, 'At most 30 tags').optional(),
  /** What customers notice, for external updates; empty clears it. */
  publicImpact: optionalText('Customer-facing impact', LIMITS.publicImpact).optional(),
});

export const AssignRoleInput = z.strictObject({ incidentId: IncidentId, role: RoleKey, name, contact });

export const Briefing = z.strictObject({
  situation: optionalText('Situation', LIMITS.summary).optional().default(''),
  actions: optionalText('Actions under way', LIMITS.summary).optional().default(''),
  decisions: optionalText('Open decisions', LIMITS.summary).optional().default(''),
  nextUpdate: optionalText('Next update', LIMITS.name).optional().default(''),
});

export const HandOffInput = z.strictObject({ incidentId: IncidentId, role: RoleKey, name, contact, briefing: Briefing });
export const ReleaseRoleInput = z.strictObject({ incidentId: IncidentId, role: RoleKey, reason });

export const AddResponderInput = z.strictObject({
  incidentId: IncidentId,
  name,
  contact,
  expertise: optionalText('Expertise', LIMITS.name).optional().default(''),
});
export const RemoveResponderInput = z.strictObject({ incidentId: IncidentId, responderId: ItemId });

export const OpenWorkstreamInput = z.strictObject({
  incidentId: IncidentId,
  title: title('Title'),
  kind: WorkstreamKind.optional().default('investigate'),
  owner: optionalText('Owner', LIMITS.name).optional().default(''),
  nextStep: optionalText('Next step', LIMITS.summary).optional().default(''),
  checkInAt: Timestamp.nullable().optional().default(null),
});

export const UpdateWorkstreamInput = z.strictObject({
  incidentId: IncidentId,
  workstreamId: ItemId,
  title: title('Title').optional(),
  kind: WorkstreamKind.optional(),
  owner: optionalText('Owner', LIMITS.name).optional(),
  status: WorkstreamStatus.optional(),
  nextStep: optionalText('Next step', LIMITS.summary).optional(),
  checkInAt: Timestamp.nullable().optional(),
});

/** The scribe's prefixes on a new entry (`@name`, `~14:32`, the board's workstream): one gate for every command that logs one. */
export const NewEntryPrefixes = {
  occurredAt: Timestamp.optional(),
  /** A role key or a person's name. */
  attribution: optionalText('Attribution', LIMITS.name).nullable().optional().default(null),
  workstreamId: ItemId.nullable().optional().default(null),
};

export const LogEntryInput = z.strictObject({
  incidentId: IncidentId,
  text: text('Entry', LIMITS.entryText),
  kind: ScribeKind.optional().default('note'),
  ...NewEntryPrefixes,
});

export const AmendEntryInput = z.strictObject({
  incidentId: IncidentId,
  entryId: ItemId,
  text: text('Entry', LIMITS.entryText),
  kind: ScribeKind.optional(),
});
export const StrikeEntryInput = z.strictObject({ incidentId: IncidentId, entryId: ItemId, reason });
export const PinEntryInput = z.strictObject({ incidentId: IncidentId, entryId: ItemId, pinned: z.boolean() });

/** When a person normally works, in their own zone; checked by the same words Settings shows. */
export const WorkingHoursSchema = z
  .strictObject({
    timeZone: z.string().max(100),
    days: z.array(z.number().int()).max(7),
    start: z.string().max(5),
    end: z.string().max(5),
  })
  .superRefine((hours, ctx) => {
    for (const problem of workingHoursProblems(hours)) ctx.addIssue({ code: 'custom', message: `Working hours: ${problem}` });
  });

export const Person = z.strictObject({
  id: ItemId.optional(),
  name,
  contact,
  usualRoles: z.array(RoleKey).max(ROLE_KEYS.length).optional().default([]),
  workingHours: WorkingHoursSchema.optional(),
});
export const RemovePersonInput = z.strictObject({ personId: ItemId });

export const Audience = z.enum(AUDIENCES);
export const DraftKind = z.enum(DRAFT_KINDS);
/** Seconds-scale cadences are for drills and tests; fractions of a minute are allowed down to 0.05 (3 s). */
const CadenceMinutes = z.number().min(0.05, 'At least 3 seconds').max(24 * 60, 'At most a day');

export const SetCadenceInput = z.strictObject({
  incidentId: IncidentId,
  audience: Audience,
  intervalMinutes: CadenceMinutes.nullable(),
  firstMinutes: CadenceMinutes.nullable().optional(),
  reason,
});

export const AcknowledgeInput = z.strictObject({ incidentId: IncidentId, by: optionalText('Name', LIMITS.name).optional().default('') });
export const PageInput = z.strictObject({ incidentId: IncidentId, target: name, contact, reason });

const DraftId = ItemId;
const DraftBody = text('Update text', LIMITS.entryText);
export const DraftExtras = z.strictObject({
  affected: optionalText('Affected', LIMITS.summary).optional(),
  businessRisk: optionalText('Business risk', LIMITS.summary).optional(),
  etaConfidence: optionalText('ETA confidence', LIMITS.summary).optional(),
  asks: optionalText('Asks', LIMITS.summary).optional(),
  needs: optionalText('Needs', LIMITS.summary).optional(),
  cause: optionalText('Cause', LIMITS.summary).optional(),
  fix: optionalText('Fix', LIMITS.summary).optional(),
});
export const ComposeInput = z.strictObject({ incidentId: IncidentId, kind: DraftKind, extras: DraftExtras.optional().default({}) });
export const ApproveInput = z.strictObject({
  incidentId: IncidentId,
  draftId: DraftId,
  kind: DraftKind,
  body: DraftBody,
  /** Approving as IC without holding the role: the reason goes on the timeline. */
  override: z.strictObject({ reason: text('Override reason', LIMITS.summary) }).optional(),
});
export const SendInput = z.strictObject({
  incidentId: IncidentId,
  draftId: DraftId,
  kind: DraftKind,
  body: DraftBody,
  // Header lines of the update's file in the bundle: a newline would forge an "Approved:" line.
  channel: text('Channel', LIMITS.name).refine((s) => !hasControlCharacter(s), oneLineMessage('Channel')),
  recipients: optionalText('Recipients', LIMITS.summary)
    .refine((s) => !hasControlCharacter(s), oneLineMessage('Recipients'))
    .optional()
    .default(''),
});
export const ExportDraftInput = z.strictObject({
  incidentId: IncidentId,
  kind: DraftKind,
  body: DraftBody,
  format: z.enum(['txt', 'md', 'html', 'statuspage']),
});

const longText = (label: string) => optionalText(label, LIMITS.summary);
/** A real day: `2026-13-45` fits the pattern, and once stored it is in every export of the incident. */
const dayMessage = 'must be a real day such as 2026-12-01 (years 2000 to 2199)';
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, dayMessage).refine(isCalendarDay, dayMessage);
/** Links in action items are opened outside the app, so only web links. */
const Link = z
  .string()
  .max(2_000)
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'A link must start with http:// or https://');

export const FactorTag = z.enum(FACTOR_TAGS);

export const PostMortemPatch = z.strictObject({
  incidentId: IncidentId,
  summary: longText('Summary').optional(),
  impactUsers: longText('Users affected').optional(),
  impactServices: longText('Services').optional(),
  slaBreach: longText('SLA breach').optional(),
  rootCause: longText('Root cause').optional(),
  rootCauseCategory: FactorTag.nullable().optional(),
  fiveWhys: z.array(longText('A why')).max(10, 'At most 10 whys').optional(),
  factors: z.array(z.strictObject({ tag: FactorTag, text: longText('Factor') })).max(30, 'At most 30 factors').optional(),
  wentWell: longText('What went well').optional(),
  couldImprove: longText('What could be improved').optional(),
  showNames: z.boolean().optional(),
  reviewAt: Timestamp.nullable().optional(),
  reviewHeldAt: Timestamp.nullable().optional(),
  timelineEdit: z
    .strictObject({ entryId: ItemId, included: z.boolean().optional(), annotation: optionalText('Annotation', LIMITS.summary).optional() })
    .optional(),
});

export const AddActionInput = z.strictObject({
  incidentId: IncidentId,
  title: title('Action'),
  owner: optionalText('Owner', LIMITS.name).optional().default(''),
  dueDate: Day.nullable().optional().default(null),
  priority: z.enum(ACTION_PRIORITIES).optional().default('P2'),
  link: Link.optional().default(''),
});

export const UpdateActionInput = z.strictObject({
  incidentId: IncidentId,
  actionId: ItemId,
  title: title('Action').optional(),
  owner: optionalText('Owner', LIMITS.name).optional(),
  dueDate: Day.nullable().optional(),
  priority: z.enum(ACTION_PRIORITIES).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  link: Link.optional(),
});

/** A zip or JSON-lines file, base64: 48 MiB of text is about 36 MiB of file. */
export const ImportInput = z.strictObject({
  fileName: z.string().max(255),
  base64: z
    .string()
    .max(LIMITS.importBase64, `The file is larger than ${Math.round((LIMITS.importBase64 * 3) / 4 / 1048576)} MiB`)
    .refine(isBase64, 'is not base64'),
  /** The preview's confirm token: commit exactly the file that was previewed. */
  confirm: z.string().regex(/^[0-9a-f]{64}$/, 'is not a confirm token from a preview').optional(),
});

/** `includeResponderToll`: the private responder-hours file, only when asked and only where Settings turned the figures on. */
export const BundleExportInput = z.strictObject({ incidentId: IncidentId, includeResponderToll: z.boolean().optional().default(false) });

export const ScribeExportInput = z.strictObject({ incidentId: IncidentId, actor: text('Scribe', LIMITS.name) });

export const MetricsInput = z.strictObject({
  from: Timestamp.nullable().optional(),
  to: Timestamp.nullable().optional(),
  severities: z.array(Severity).max(4).optional(),
  tag: z.string().max(40).nullable().optional(),
  includeDrills: z.boolean().optional(),
});

const CadencePolicy = z.strictObject({
  internalMinutes: CadenceMinutes.nullable(),
  externalMinutes: CadenceMinutes.nullable(),
  firstExternalMinutes: CadenceMinutes.nullable(),
});
const Tier = z.strictObject({
  target: name,
  contact,
  delayMinutes: z.number().min(0, 'A delay cannot be negative').max(24 * 60, 'At most a day'),
});
const bySeverity = <T extends z.ZodType>(schema: T) =>
  z.strictObject({ SEV1: schema, SEV2: schema, SEV3: schema, SEV4: schema });

/** An IANA zone such as Europe/Berlin, or empty for this machine's zone. */
export const OperatorTimeZone = z
  .string()
  .max(64, 'A time zone is longer than 64 characters')
  .transform((s) => s.trim())
  .refine((s) => s === '' || isTimeZone(s), 'is not a time zone this machine knows (e.g. Europe/Berlin or UTC)');

/** Labels an alert must carry, e.g. `{ service: 'checkout' }`: plain Prometheus label names. */
const LabelMatch = z
  .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,99}$/, 'is not a label name'), z.string().max(200, 'A label value is longer than 200 characters'))
  .refine((m) => Object.keys(m).length <= 10, 'At most 10 labels to match');

/** One severity's response checklist: the same rules the editor shows beside each item. */
const Checklist = z
  .array(z.string().max(1_000))
  .max(100)
  .superRefine((items, ctx) => {
    for (const problem of validateChecklist(items)) {
      const index = /^items\[(\d+)\]$/.exec(problem.field)?.[1];
      ctx.addIssue({ code: 'custom', path: index === undefined ? [] : [Number(index)], message: `${problem.field === 'items' ? 'The checklist' : `Item ${Number(index) + 1}`} ${problem.message}` });
    }
  });

export const SettingsPatch = z.strictObject({
  cadence: bySeverity(CadencePolicy).optional(),
  escalation: bySeverity(
    z
      .array(Tier)
      .max(10, 'At most 10 tiers')
      // A target is paged once per incident, so a second tier for the same target would never fire.
      .refine((tiers) => new Set(tiers.map((t) => t.target.toLowerCase())).size === tiers.length, 'Each tier needs a different target'),
  ).optional(),
  templates: z
    .strictObject({
      internal: z.string().max(LIMITS.entryText),
      external: z.string().max(LIMITS.entryText),
      executive: z.string().max(LIMITS.entryText),
      resolution: z.string().max(LIMITS.entryText),
    })
    .partial()
    .optional(),
  approvalRequired: z.strictObject({ internal: z.boolean(), external: z.boolean(), executive: z.boolean(), resolution: z.boolean() }).partial().optional(),
  alertSound: z.boolean().optional(),
  alertSeverityRules: z.array(z.strictObject({ match: LabelMatch, severity: Severity })).max(50, 'At most 50 severity rules').optional(),
  alertRoutes: z
    .array(z.strictObject({ match: LabelMatch.refine((m) => Object.keys(m).length > 0, 'A route needs at least one label to match') }))
    .max(50, 'At most 50 routes')
    .optional(),
  /** Empty means nobody said who they are: changes are signed "Unknown operator". */
  operatorName: optionalText('Operator name', LIMITS.name).optional(),
  operatorContact: optionalText('Operator contact', LIMITS.name).optional(),
  operatorTimeZone: OperatorTimeZone.optional(),
  requiredRoles: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.array(RoleKey).max(ROLE_KEYS.length)])) as Record<
    (typeof SEVERITIES)[number],
    z.ZodArray<typeof RoleKey>
  >).optional(),
  shiftLimitHours: z.number().min(0.5, 'Shift limit is under half an hour').max(48, 'Shift limit is over 48 hours').optional(),
  checklists: bySeverity(Checklist).optional(),
  services: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'A service needs a name').max(100, 'A service name is longer than 100 characters').transform((s) => s.toLowerCase()),
        objectivePercent: z.number().gt(0, 'The objective is a percentage above 0').max(100, 'The objective is at most 100 %'),
        windowDays: z.number().int('The window is whole days').min(1, 'The window is at least a day').max(366, 'The window is at most a year'),
      }),
    )
    .max(100, 'At most 100 services')
    .refine((list) => new Set(list.map((s) => s.name)).size === list.length, 'Each service is named once')
    .optional(),
  showResponderToll: z.boolean().optional(),
  artefactMaxMiB: z.number().int('Whole MiB').min(1, 'At least 1 MiB').max(35, 'At most 35 MiB (what one message to the engine carries)').optional(),
});

/** A team database connection as typed in Settings; the password is kept apart from settings. */
const SyncUrl = z.string().trim().min(1, 'The connection URL is empty').max(2_000, 'The connection URL is longer than 2000 characters');
const TeamId = z.string().trim().max(40, 'A team id is at most 40 characters');
const SyncPassword = z.string().max(1_000, 'The password is longer than 1000 characters').nullable().optional();
export const SyncConfigureInput = z.strictObject({ url: SyncUrl, team: TeamId, password: SyncPassword, enabled: z.boolean() });
export const SyncTestInput = z.strictObject({ url: SyncUrl, team: TeamId, password: SyncPassword });
export const ConflictSettleInput = z.strictObject({
  incidentId: IncidentId,
  conflictId: ItemId,
  /** The value to set instead of the one in force; absent confirms the one in force. */
  value: z.union([Severity, Status]).optional(),
});

export type DeclareInput = z.input<typeof DeclareInput>;
export type LogEntryInput = z.input<typeof LogEntryInput>;
export type SettingsPatch = z.input<typeof SettingsPatch>;
