import type { DrillState } from '../drills/types';
// The incident as the engine and every window see it: the product of replaying its journal.

import type { NormalAlert } from '../intake/alert';
import type { EventOrigin } from './events';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['detected', 'investigating', 'identified', 'mitigated', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const DETECTION_SOURCES = ['alert', 'customer-report', 'internal'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

/** What a scribe's line is. `note` is the default; `system` lines are written by the engine. */
export const ENTRY_KINDS = [
  'note',
  'decision',
  'hypothesis',
  'action',
  'finding',
  'mitigation',
  'comms',
  'todo',
  'system',
  /** A notification from monitoring (firing, resolved, firing again), written by the engine. */
  'alert',
  /** A drill's inject as the responders received it (a customer report, the CEO's question…), written by the engine. */
  'inject',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** Kinds only the engine writes: a person cannot log or amend into one. */
export const ENGINE_KINDS = ['system', 'alert', 'inject'] as const;
export type ScribeKind = Exclude<EntryKind, (typeof ENGINE_KINDS)[number]>;
export const isScribeKind = (kind: EntryKind): kind is ScribeKind => !(ENGINE_KINDS as readonly EntryKind[]).includes(kind);

export const ROLE_KEYS = [
  'incident-commander',
  'technical-lead',
  'communications-lead',
  'scribe',
  'customer-liaison',
  'executive-liaison',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const ROLE_LABELS: Record<RoleKey, string> = {
  'incident-commander': 'Incident commander',
  'technical-lead': 'Technical lead',
  'communications-lead': 'Communications lead',
  scribe: 'Scribe',
  'customer-liaison': 'Customer liaison',
  'executive-liaison': 'Executive liaison',
};

export const WORKSTREAM_KINDS = ['investigate', 'mitigate', 'communicate', 'customer', 'other'] as const;
export type WorkstreamKind = (typeof WORKSTREAM_KINDS)[number];

export const WORKSTREAM_STATUSES = ['active', 'blocked', 'done'] as const;
export type WorkstreamStatus = (typeof WORKSTREAM_STATUSES)[number];

/** How an incident that was detected but never declared was closed without the full process. */
/** `attached`: its alerts went to an incident already open (not noise, not a new incident). */
export const DISMISS_OUTCOMES = ['false-alarm', 'minor', 'attached'] as const;
export type DismissOutcome = (typeof DISMISS_OUTCOMES)[number];

export const BACKFILL_FIELDS = ['impactStartedAt', 'detectedAt', 'acknowledgedAt'] as const;
export type BackfillField = (typeof BACKFILL_FIELDS)[number];

export interface RoleHolder {
  name: string;
  contact: string;
  since: number;
}

/** One person's time in one role (or as a responder), for hours-on-shift and the ICS-214 log. */
export interface RoleStint {
  role: RoleKey | 'responder';
  name: string;
  contact: string;
  from: Millis;
  to: Millis | null;
}

/** A subject-matter expert or other responder pulled into the incident. */
export interface Responder {
  id: string;
  name: string;
  contact: string;
  expertise: string;
  joinedAt: Millis;
  leftAt: Millis | null;
}

export interface Workstream {
  id: string;
  title: string;
  kind: WorkstreamKind;
  /** A role holder's or responder's name. */
  owner: string;
  status: WorkstreamStatus;
  /** Current hypothesis or next step. */
  nextStep: string;
  /** "Back to you in 10 min": when the owner is due to report. */
  checkInAt: Millis | null;
  openedAt: Millis;
  /** Last time the workstream reported: opened, updated, or an entry linked to it. */
  lastReportAt: Millis;
}

export const AUDIENCES = ['internal', 'external'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The four kinds of update the comms lead drafts. */
export const DRAFT_KINDS = ['internal', 'external', 'executive', 'resolution'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** One audience's clock: how often it hears from us, and how soon the first post is due. */
export interface CadenceClock {
  intervalMs: number | null;
  /** After declaration, the first update is due this soon (e.g. 5 min for SEV1 external). */
  firstMs: number | null;
}

export interface SentUpdate {
  id: string;
  audience: Audience;
  kind: DraftKind;
  channel: string;
  recipients: string;
  body: string;
  sentAt: Millis;
  sentBy: string;
  approvedBy: string | null;
  approvedAt: Millis | null;
  /** The deadline this update answered, and whether it was met. */
  dueAt: Millis | null;
}

/** The IC's sign-off on one exact draft text (the ICS-213 idea). */
export interface Approval {
  draftId: string;
  kind: DraftKind;
  bodyHash: string;
  approvedBy: string;
  approvedAt: Millis;
  /** Present when the approver did not hold the IC role at the time: the reason they gave. */
  overrideReason?: string;
}

export interface EscalationTier {
  /** A person's name or a role from the roster ("secondary on-call"). */
  target: string;
  contact: string;
  delayMinutes: number;
}

export interface Page {
  target: string;
  contact: string;
  at: Millis;
  /** Tier number (1-based) for policy pages; null for a lateral page of an expert. */
  tier: number | null;
  reason: string;
}

export interface EscalationState {
  policySeverity: Severity | null;
  tiers: EscalationTier[];
  pages: Page[];
}

/** A deadline that passed and was recorded, so it fires once even across restarts. */
export interface MissedDeadline {
  key: string;
  kind: 'cadence' | 'check-in';
  dueAt: Millis;
  firedAt: Millis;
  label: string;
}

export const FACTOR_TAGS = ['configuration', 'code-change', 'dependency', 'capacity', 'process', 'detection', 'tooling', 'other'] as const;
export type FactorTag = (typeof FACTOR_TAGS)[number];

export const ACTION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ContributingFactor {
  tag: FactorTag;
  text: string;
}

export interface ActionItem {
  id: string;
  title: string;
  owner: string;
  /** A calendar day, YYYY-MM-DD. */
  dueDate: string | null;
  priority: ActionPriority;
  status: ActionStatus;
  link: string;
  createdAt: Millis;
}

/** The written review. Blameless by default: the timeline names roles, not people. */
export interface PostMortem {
  summary: string;
  impactUsers: string;
  impactServices: string;
  slaBreach: string;
  rootCause: string;
  /** Root-cause category, used for repeat-rate metrics across incidents. */
  rootCauseCategory: FactorTag | null;
  fiveWhys: string[];
  factors: ContributingFactor[];
  wentWell: string;
  couldImprove: string;
  showNames: boolean;
  /** Author's pruning and notes on the journal-derived timeline; the journal itself is untouched. */
  timelineEdits: Record<string, { included: boolean; annotation: string }>;
  reviewAt: Millis | null;
  /** When the review meeting took place; until then a passed review date is overdue. */
  reviewHeldAt: Millis | null;
  updatedAt: Millis | null;
}

export const EMPTY_POSTMORTEM: PostMortem = {
  summary: '',
  impactUsers: '',
  impactServices: '',
  slaBreach: '',
  rootCause: '',
  rootCauseCategory: null,
  fiveWhys: [],
  factors: [],
  wentWell: '',
  couldImprove: '',
  showNames: false,
  timelineEdits: {},
  reviewAt: null,
  reviewHeldAt: null,
  updatedAt: null,
};

/** A handoff briefing in the spirit of the ICS-201 form. */
export interface Briefing {
  situation: string;
  actions: string;
  decisions: string;
  nextUpdate: string;
}

/** Milliseconds since the epoch, UTC. Every clock in the product is computed from these. */
export type Millis = number;

export interface IncidentTimestamps {
  impactStartedAt: Millis | null;
  detectedAt: Millis | null;
  acknowledgedAt: Millis | null;
  declaredAt: Millis | null;
  mitigatedAt: Millis | null;
  resolvedAt: Millis | null;
  closedAt: Millis | null;
}

export interface EntryRevision {
  text: string;
  kind: EntryKind;
  /** When this version was replaced. */
  replacedAt: Millis;
  replacedBy: string;
}

export interface TimelineEntry {
  id: string;
  /** When it happened (may be backdated by the scribe). */
  at: Millis;
  /** When it was written down. */
  loggedAt: Millis;
  text: string;
  kind: EntryKind;
  /** Who wrote it down. */
  actor: string;
  /** Whom it is about or from: a role key or a person's name (`@tech-lead`, `@dana`). */
  attribution: string | null;
  workstreamId: string | null;
  pinned: boolean;
  struck: { at: Millis; actor: string; reason: string } | null;
  /** Earlier versions, oldest first: an amendment never hides the original. */
  revisions: EntryRevision[];
  /** For engine-written entries: which event made it (status, severity, role…). */
  systemType: string | null;
  /** Id of the event that created the entry. */
  eventId: string;
  /** Present when the entry came from an imported file: which file, who imported it, when. */
  origin?: EventOrigin;
  /** Logged (on another console, offline) while the incident was already closed: kept, and marked. */
  afterClose?: true;
}

/** An alert as the incident last heard of it. */
export interface AlertRecord {
  /** `source:fingerprint`. */
  key: string;
  /** `source:groupKey`. */
  group: string;
  /** As now known: what a bare acknowledge or resolve leaves out is carried from before. */
  alert: NormalAlert;
  /** Of the last notification as sent (`alertDigest`): the same one again is no news. */
  digest: string;
}

/** Who set a value, from which console: for telling the IC about a conflict. */
export interface SetBy {
  value: string;
  actor: string;
  at: Millis;
  /** The console that made the event (its stamp's node). */
  console: string;
  eventId: string;
}

/**
 * Two consoles changed one value without seeing each other's change (both offline, say). The
 * order of stamps decided: `chosen` is in force, `other` was set before it elsewhere and is
 * not. Shown to the IC until they confirm or change it (`settled`).
 */
export interface Conflict {
  /** The id of the event whose value is in force. */
  id: string;
  field: 'severity' | 'status';
  chosen: SetBy;
  other: SetBy;
  settled: { by: string; at: Millis; value: string } | null;
}

export interface IncidentState {
  id: string;
  title: string;
  summary: string;
  /**
   * What customers notice, in their words ("Some customers cannot check out"): external updates
   * use it instead of the internal title. Absent on incidents from before it existed.
   */
  publicImpact?: string;
  severity: Severity;
  status: IncidentStatus;
  detectionSource: DetectionSource;
  timestamps: IncidentTimestamps;
  roles: Partial<Record<RoleKey, RoleHolder>>;
  responders: Responder[];
  roleHistory: RoleStint[];
  workstreams: Workstream[];
  /** Set when closing: whether a post-incident review is needed (a deliberate choice). */
  reviewNeeded: boolean | null;
  /** Set when a detected incident was closed without being declared. */
  dismissed: { outcome: DismissOutcome; reason: string } | null;
  cadence: Record<Audience, CadenceClock>;
  updates: SentUpdate[];
  approvals: Approval[];
  escalation: EscalationState;
  missed: MissedDeadline[];
  postmortem: PostMortem;
  actionItems: ActionItem[];
  tags: string[];
  /** Entries in the order they were logged; views sort by `at`. */
  timeline: TimelineEntry[];
  createdBy: string;
  /** Who set the severity and status now in force, for conflicts. */
  setBy: { severity: SetBy | null; status: SetBy | null };
  /** Changes made on two consoles without seeing each other, in the order they were found. */
  conflicts: Conflict[];
  /** The latest of each alert attached to this incident, by `source:fingerprint`. */
  alerts: AlertRecord[];
  /** Alert groups (`source:groupKey`) whose later notifications come to this incident. */
  alertGroups: string[];
  /** A drill's scenario, clock and injects; null on a live incident. */
  drill: DrillState | null;
  /** Files attached to entries, stored by their sha-256 in the incident's folder. */
  artefacts: ArtefactRecord[];
  /** Response checklist items ticked (by their text), with who and when. */
  checklist: ChecklistTick[];
  /** Silences created for this incident in an Alertmanager, and whether each has ended. */
  silences: Array<{ id: string; matchers: Array<{ name: string; value: string }>; endsAt: Millis; alertmanager: string; endedAt: Millis | null }>;
  /**
   * How many events this state was made from. Each journal record is one event, so it is also
   * the journal's last sequence number; it is the same on every console holding the same events.
   */
  lastSeq: number;
  /** The stamp of the last event in order (`hlc.ts`): an event stamped before it means a re-reduce. */
  lastStamp: string;
  /** Time of the last event in order. */
  updatedAt: Millis;
}

export interface ArtefactRecord {
  id: string;
  entryId: string;
  hash: string;
  name: string;
  mime: string;
  size: number;
  /** "SVG shown as text" and the like. */
  note: string | null;
  at: Millis;
  by: string;
}

export interface ChecklistTick {
  item: string;
  done: boolean;
  at: Millis;
  by: string;
}

/** What the incident list needs, without the timeline. */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  detectionSource: DetectionSource;
  tags: string[];
  timestamps: IncidentTimestamps;
  declaredAt: Millis | null;
  updatedAt: Millis;
  entryCount: number;
  lastSeq: number;
  reviewNeeded: boolean | null;
  reviewAt: Millis | null;
  reviewHeldAt: Millis | null;
  rootCauseCategory: FactorTag | null;
  actionItems: Array<Pick<ActionItem, 'id' | 'title' | 'owner' | 'dueDate' | 'status' | 'priority'>>;
  /** Updates sent, with the deadline each answered: for punctuality across incidents. */
  updates: Array<Pick<SentUpdate, 'audience' | 'sentAt' | 'dueAt'>>;
  /**
   * The alerts that opened it as a detection, each name and service once, in the order heard:
   * for alert quality across incidents. Empty for an incident someone declared or detected by
   * hand, even once a detection was attached to it: those alerts count on the detection they made.
   */
  alertNames: Array<{ name: string; service: string | null }>;
  /** How a detection was closed without being declared; null for every other incident. */
  dismissedOutcome: DismissOutcome | null;
  /** The services it touched, lower-cased: its tags and its alerts' service labels (matched against the service catalogue). */
  services: string[];
  /** A practice incident: its scenario and who runs it. Metrics leave drills out unless asked. */
  drill: { scenario: string; facilitator: string; ended: boolean } | null;
}

export function summarize(state: IncidentState): IncidentSummary {
  return {
    id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    detectionSource: state.detectionSource,
    tags: [...state.tags],
    timestamps: { ...state.timestamps },
    declaredAt: state.timestamps.declaredAt,
    updatedAt: state.updatedAt,
    entryCount: state.timeline.length,
    lastSeq: state.lastSeq,
    reviewNeeded: state.reviewNeeded,
    reviewAt: state.postmortem.reviewAt,
    reviewHeldAt: state.postmortem.reviewHeldAt,
    rootCauseCategory: state.postmortem.rootCauseCategory,
    actionItems: state.actionItems.map(({ id, title, owner, dueDate, status, priority }) => ({ id, title, owner, dueDate, status, priority })),
    updates: state.updates.map(({ audience, sentAt, dueAt }) => ({ audience, sentAt, dueAt })),
    alertNames: detectionAlertNames(state),
    dismissedOutcome: state.dismissed?.outcome ?? null,
    services: [...new Set([...state.tags, ...state.alerts.flatMap((a) => (a.alert.service ? [a.alert.service] : []))].map((s) => s.trim().toLowerCase()))],
    drill: state.drill ? { scenario: state.drill.scenario.name, facilitator: state.drill.facilitator, ended: state.drill.endedAt !== null } : null,
  };
}

/**
 * The alerts of the group that opened the incident as a detection. Groups after the first came
 * by attaching another detection, which already counts them; an incident opened by a
 * declaration has none of its own, whatever was attached to it.
 */
function detectionAlertNames(state: IncidentState): IncidentSummary['alertNames'] {
  const first = state.alertGroups[0];
  if (first === undefined || state.timeline[0]?.systemType !== 'incident.detected') return [];
  const seen = new Set<string>();
  const names: IncidentSummary['alertNames'] = [];
  for (const { group, alert } of state.alerts) {
    const key = JSON.stringify([alert.name, alert.service]);
    if (group !== first || seen.has(key)) continue;
    seen.add(key);
    names.push({ name: alert.name, service: alert.service });
  }
  return names;
}

export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
