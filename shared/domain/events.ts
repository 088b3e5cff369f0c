import type { DrillSpeed, InjectKind, Scenario } from '../drills/types';
import type { NormalAlert } from '../intake/alert';
import type { Sniffed } from '../artefacts/sniff';

type ArtefactMime = Sniffed['mime'];
import type {
  Audience,
  BackfillField,
  DraftKind,
  EscalationTier,
  ActionItem,
  PostMortem,
  Briefing,
  DetectionSource,
  DismissOutcome,
  EntryKind,
  IncidentStatus,
  Millis,
  RoleKey,
  Severity,
  WorkstreamKind,
  WorkstreamStatus,
} from './incident';

/**
 * Every change to an incident is one of these, appended to its journal and never rewritten.
 * `id` is globally unique so that two journals (an offline scribe's and the commander's)
 * merge by union; `seq` is the position in this incident's journal, starting at 1 (arrival order
 * on this console, different on each); `hlc` is the stamp the state's order follows (`hlc.ts`).
 */
export interface EventEnvelope<T extends string, P> {
  id: string;
  incidentId: string;
  seq: number;
  /** Hybrid logical clock stamp given when the event was made; derived for older journals. */
  hlc: string;
  at: Millis;
  actor: string;
  type: T;
  payload: P;
  /** Set by the import gate on events that came from a file: where from, who brought them, when. */
  origin?: EventOrigin;
  /** Set on events pulled from the team's database: the journal's record of how they came. Never in state. */
  received?: EventReceipt;
}

/** Where an event that came through team sync was received from, as the database said. */
export interface EventReceipt {
  /** The incident's server sequence of the row. */
  serverSeq: number;
  /** The database login that inserted it (recorded by the database, not claimed by a client). */
  uploadedBy: string;
  /** When this console took it in. */
  at: Millis;
}

/** How an event that was not made on this machine got here. */
export interface EventOrigin {
  source: 'bundle' | 'scribe-log';
  /** The file's name as the operator chose it. */
  file: string;
  /** The operator who imported it. */
  by: string;
  /** When it was imported. */
  at: Millis;
}

interface Opening {
  title: string;
  severity: Severity;
  detectionSource: DetectionSource;
  summary: string;
  impactStartedAt: Millis | null;
  detectedAt: Millis | null;
  /** Present only when the incident is a drill: never on a live one. */
  drill?: DrillOpening;
}

/** A drill's start: the scenario (a copy, so the drill replays as it ran), who runs it, and its clock. */
export interface DrillOpening {
  scenario: Scenario;
  facilitator: string;
  /** Who is practising; absent means "Team". */
  team?: string;
  facilitatorConsole: string;
  speed: DrillSpeed;
  /** The wall time of the start; the opening's `at` is the drill time of the start. */
  wallAt: Millis;
}

/** A declared incident: the full process runs. */
export type IncidentDeclared = EventEnvelope<'incident.declared', Opening>;
/** Detected by the on-call, not (yet) declared. */
export type IncidentDetected = EventEnvelope<'incident.detected', Opening>;
export type IncidentPromoted = EventEnvelope<'incident.promoted', { severity: Severity; reason: string }>;
export type IncidentDismissed = EventEnvelope<'incident.dismissed', { outcome: DismissOutcome; reason: string }>;
export type StatusChanged = EventEnvelope<
  'incident.statusChanged',
  {
    from: IncidentStatus;
    to: IncidentStatus;
    reason: string;
    reviewNeeded: boolean | null;
    /** When it happened, if earlier than the event (a mitigation logged at 03:41, marked at 03:43). */
    at?: Millis;
  }
>;
export type SeverityChanged = EventEnvelope<'incident.severityChanged', { from: Severity; to: Severity; reason: string }>;
export type TimeBackfilled = EventEnvelope<
  'incident.timeSet',
  { field: BackfillField; value: Millis | null; previous: Millis | null; reason: string }
>;
export type IncidentEdited = EventEnvelope<'incident.edited', { title?: string; summary?: string; tags?: string[]; publicImpact?: string }>;

export type RoleAssigned = EventEnvelope<'role.assigned', { role: RoleKey; name: string; contact: string }>;
export type RoleHandedOff = EventEnvelope<
  'role.handedOff',
  { role: RoleKey; from: string; name: string; contact: string; briefing: Briefing }
>;
export type RoleReleased = EventEnvelope<'role.released', { role: RoleKey; name: string; reason: string }>;
export type ResponderJoined = EventEnvelope<
  'responder.joined',
  { responderId: string; name: string; contact: string; expertise: string }
>;
export type ResponderLeft = EventEnvelope<'responder.left', { responderId: string }>;

export type WorkstreamOpened = EventEnvelope<
  'workstream.opened',
  {
    workstreamId: string;
    title: string;
    kind: WorkstreamKind;
    owner: string;
    nextStep: string;
    checkInAt: Millis | null;
  }
>;
export interface WorkstreamChanges {
  title?: string;
  kind?: WorkstreamKind;
  owner?: string;
  status?: WorkstreamStatus;
  nextStep?: string;
  checkInAt?: Millis | null;
}
export type WorkstreamUpdated = EventEnvelope<'workstream.updated', { workstreamId: string; changes: WorkstreamChanges }>;

export type EntryLogged = EventEnvelope<
  'timeline.logged',
  {
    entryId: string;
    text: string;
    kind: EntryKind;
    /** When it happened; `at` of the envelope is when it was logged. */
    occurredAt: Millis;
    attribution: string | null;
    workstreamId: string | null;
  }
>;
export type EntryAmended = EventEnvelope<'timeline.amended', { entryId: string; text: string; kind: EntryKind }>;
export type EntryStruck = EventEnvelope<'timeline.struck', { entryId: string; reason: string }>;
export type EntryPinned = EventEnvelope<'timeline.pinned', { entryId: string; pinned: boolean }>;

export type CadenceSet = EventEnvelope<
  'cadence.set',
  { audience: Audience; intervalMinutes: number | null; firstMinutes: number | null; reason: string }
>;
export type EscalationPolicySet = EventEnvelope<'escalation.policySet', { severity: Severity; tiers: EscalationTier[] }>;
export type Paged = EventEnvelope<
  'escalation.paged',
  { target: string; contact: string; tier: number | null; reason: string; dueAt: Millis | null }
>;
export type Acknowledged = EventEnvelope<'escalation.acknowledged', { by: string }>;
export type UpdateApproved = EventEnvelope<
  'update.approved',
  {
    draftId: string;
    kind: DraftKind;
    bodyHash: string;
    /** Set when the approver did not hold the IC role: why they approved anyway. Absent in older journals. */
    override?: { reason: string };
  }
>;
export type UpdateSentEvent = EventEnvelope<
  'update.sent',
  {
    updateId: string;
    draftId: string;
    audience: Audience;
    kind: DraftKind;
    channel: string;
    recipients: string;
    body: string;
    dueAt: Millis | null;
  }
>;
/** A notification from monitoring about one alert, as the intake normalised it. */
export type AlertReceived = EventEnvelope<'alert.received', { alert: NormalAlert }>;
/** A silence this console created in an Alertmanager for the incident's alerts (asked, not automatic). */
export type AlertSilenced = EventEnvelope<
  'alert.silenced',
  { silenceId: string; matchers: Array<{ name: string; value: string }>; endsAt: Millis; alertmanager: string }
>;
/** That silence ended early: expired by this console when the incident resolved, or by a person. */
export type AlertSilenceEnded = EventEnvelope<'alert.silenceEnded', { silenceId: string; reason: string }>;
/** The IC's answer to a conflict the order decided: keep what it chose, or the value they set with it. */
export type ConflictSettled = EventEnvelope<'conflict.settled', { conflictId: string; field: 'severity' | 'status'; value: string }>;
export type DeadlineMissed = EventEnvelope<
  'deadline.missed',
  { key: string; kind: 'cadence' | 'check-in'; dueAt: Millis; label: string }
>;

/** Only the fields the author changed; `timelineEdits` entries are merged by entry id. */
export type PostMortemEdited = EventEnvelope<'postmortem.edited', { changes: Partial<Omit<PostMortem, 'updatedAt'>> }>;
export type ActionAdded = EventEnvelope<'action.added', { item: Omit<ActionItem, 'createdAt'> }>;
export type ActionUpdated = EventEnvelope<
  'action.updated',
  { actionId: string; changes: Partial<Omit<ActionItem, 'id' | 'createdAt'>> }
>;

/** The facilitator paused, resumed, changed speed or ended the drill: the clock's new anchor. */
export type DrillClockSet = EventEnvelope<'drill.clockSet', { action: 'pause' | 'resume' | 'speed' | 'end'; speed: DrillSpeed; wallAt: Millis; drillAt: Millis }>;
/** An inject reached the responders, by the script or fired by hand. */
export type DrillInjected = EventEnvelope<'drill.injected', { injectId: string; kind: InjectKind; text: string; from: string; manual: boolean }>;
/** A conditional inject whose condition did not hold at its time (the team had already done it). */
export type DrillInjectSkipped = EventEnvelope<'drill.injectSkipped', { injectId: string; reason: string }>;
/** A file (a screenshot, a log snippet) stored by its sha-256 in the incident's folder, attached to an entry. */
export type ArtefactAttached = EventEnvelope<
  'artefact.attached',
  { artefactId: string; entryId: string; hash: string; name: string; mime: ArtefactMime; size: number; note: string | null }
>;
/** An item of the response checklist ticked or unticked. */
export type ChecklistTicked = EventEnvelope<'checklist.ticked', { item: string; done: boolean }>;

export type IncidentEvent =
  | IncidentDeclared
  | IncidentDetected
  | IncidentPromoted
  | IncidentDismissed
  | StatusChanged
  | SeverityChanged
  | TimeBackfilled
  | IncidentEdited
  | RoleAssigned
  | RoleHandedOff
  | RoleReleased
  | ResponderJoined
  | ResponderLeft
  | WorkstreamOpened
  | WorkstreamUpdated
  | EntryLogged
  | EntryAmended
  | EntryStruck
  | EntryPinned
  | CadenceSet
  | EscalationPolicySet
  | Paged
  | Acknowledged
  | UpdateApproved
  | UpdateSentEvent
  | DeadlineMissed
  | PostMortemEdited
  | ActionAdded
  | ActionUpdated
  | ConflictSettled
  | AlertReceived
  | AlertSilenced
  | AlertSilenceEnded
  | DrillClockSet
  | DrillInjected
  | DrillInjectSkipped
  | ChecklistTicked
  | ArtefactAttached;

export type IncidentEventType = IncidentEvent['type'];

/** Every event type, for the contract's description and for checks of imported journals. */
export const EVENT_TYPES = [
  'incident.declared',
  'incident.detected',
  'incident.promoted',
  'incident.dismissed',
  'incident.statusChanged',
  'incident.severityChanged',
  'incident.timeSet',
  'incident.edited',
  'role.assigned',
  'role.handedOff',
  'role.released',
  'responder.joined',
  'responder.left',
  'workstream.opened',
  'workstream.updated',
  'timeline.logged',
  'timeline.amended',
  'timeline.struck',
  'timeline.pinned',
  'cadence.set',
  'escalation.policySet',
  'escalation.paged',
  'escalation.acknowledged',
  'update.approved',
  'update.sent',
  'deadline.missed',
  'postmortem.edited',
  'action.added',
  'action.updated',
  'conflict.settled',
  'alert.received',
  'alert.silenced',
  'alert.silenceEnded',
  'drill.clockSet',
  'drill.injected',
  'drill.injectSkipped',
  'checklist.ticked',
  'artefact.attached',
] as const satisfies readonly IncidentEventType[];

/** An event as a decision drafts it, before the engine gives it id, place, time and author. */
export type EventDraft = IncidentEvent extends infer E
  ? E extends IncidentEvent
    ? Pick<E, 'type' | 'payload'>
    : never
  : never;

/**
 * An event before the journal gives it its place. Events made here get their stamp from the
 * console's clock at commit; events from elsewhere (a file, the team) bring theirs.
 */
export type NewEvent = IncidentEvent extends infer E
  ? E extends IncidentEvent
    ? Omit<E, 'seq' | 'hlc'> & { hlc?: string }
    : never
  : never;
