import { z } from 'zod';
import { ArtefactRef, AttachArtefactInput } from './artefact-schemas';
import { CheckScenarioInput, ChecklistTickInput, DrillControlInput, DrillInjectInput, StartDrillInput } from './drill-schemas';
import type { Debrief } from '../drills/debrief';
import type { HistorySeries } from '../drills/debrief-history';
import type { Scenario } from '../drills/types';
import type { ResponderToll, ServiceAvailability } from '../metrics/cost-report';
import { EVENT_TYPES } from '../domain/events';
import type { ActionItem, IncidentState, IncidentSummary, Responder, TimelineEntry, Workstream } from '../domain/incident';
import type { IntegrityReport } from '../domain/integrity';
import type { Settings, SettingsNotice } from '../domain/settings';
import type { ComposedDraft } from '../domain/drafts/compose';
import type { ImportPreview } from '../domain/import-preview';
import type { ExportedDraft } from '../domain/drafts/export';
import type { MetricsReport } from '../metrics/report';
import type { SyncStatus, SyncTestAnswer } from '../sync/sync-status';
import {
  AcknowledgeInput,
  AttachInput,
  ConflictSettleInput,
  ConfigurePullInput,
  IntakeListenInput,
  SilenceInput,
  SyncConfigureInput,
  SyncTestInput,
  AddActionInput,
  ImportInput,
  BundleExportInput,
  MetricsInput,
  PostMortemPatch,
  ScribeExportInput,
  UpdateActionInput,
  AddResponderInput,
  ApproveInput,
  ComposeInput,
  ExportDraftInput,
  PageInput,
  SendInput,
  SetCadenceInput,
  AmendEntryInput,
  AssignRoleInput,
  DeclareInput,
  DetectInput,
  DismissInput,
  EditIncidentInput,
  Empty,
  HandOffInput,
  IncidentRef,
  LogEntryInput,
  OpenWorkstreamInput,
  Person,
  PinEntryInput,
  PromoteInput,
  ReleaseRoleInput,
  RemovePersonInput,
  RemoveResponderInput,
  SetSeverityInput,
  SetStatusInput,
  SetTimeInput,
  SettingsPatch,
  StrikeEntryInput,
  UpdateWorkstreamInput,
} from './schemas';
import { IncidentWindowInput, TimelinePageInput, type TimelineFacetsView, type TimelinePage } from './timeline-schemas';

/**
 * The one contract between the engine and every window, in Electron and over the WebSocket.
 * Each command: `noun.verb`, a one-line description, a zod input schema (checked at runtime
 * on the engine's side of every boundary) and a result type. Pushed messages are events.
 */

interface CommandSpec<I extends z.ZodType, R> {
  description: string;
  input: I;
  /** Phantom: carries the result type only. */
  result?: R;
}

const command = <R>() => <I extends z.ZodType>(spec: { description: string; input: I }): CommandSpec<I, R> => spec;

export interface IncidentListItem extends IncidentSummary {
  integrity: IntegrityReport;
  shared: boolean;
  /** What its alerts may still be about (`liveAlertCauses`): a banner whose cause is gone goes. */
  alertCauses: string[];
  /** Its monitoring alerts still firing: what triage weighs first. */
  alertsFiring: number;
  /** The service its alerts name (the first that names one); null when none does. */
  alertService: string | null;
}

export interface IncidentView extends IncidentState {
  integrity: IntegrityReport;
  /** Shared with the team through team sync (false when sync is off or it was kept local). */
  shared: boolean;
}

/** What a connection test found: defined with the rest of team sync's words. */
export type { SyncTestAnswer };

/** The saved connection to the team database, without its password. */
export interface SyncSettingsView {
  url: string;
  team: string;
  enabled: boolean;
  hasPassword: boolean;
  /** Started with --sync-url: the connection is the command line's and cannot be changed here. */
  fromCommandLine: boolean;
  consoleId: string;
}

/** What `intake.sources` answers: the followed Alertmanager (never its secret) and how polling goes. */
export interface IntakeSourcesView {
  pull: { url: string; auth: 'none' | 'bearer' | 'basic'; username: string; enabled: boolean; intervalSeconds: number; hasSecret: boolean } | null;
  status: { url: string; state: 'polling' | 'ok' | 'failing' | 'off'; lastGoodAt: number | null; lastError: string | null; firing: number } | null;
}

/** What `intake.endpoint` answers: where the webhook intake is served, its token, and the intake-only address. */
export interface IntakeEndpointView {
  /** `http://127.0.0.1:PORT/intake`, or null when this console serves no intake. */
  url: string | null;
  token: string | null;
  listen: {
    /** The intake-only address asked for (HOST:PORT), whether or not it is served. */
    address: string | null;
    /** Where it is served now, or null. */
    url: string | null;
    /** Why the asked address is not served (a port in use…), or null. */
    error: string | null;
    /** Given by --intake-listen for this run rather than saved here. */
    fromCommandLine: boolean;
  };
}

/** What a change to an incident answers: where its last event landed. Windows get the events pushed. */
export interface CommandAck {
  incidentId: string;
  seq: number;
}

/** A file the engine made, for the window to save: base64 so it crosses any host as text. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  bytes: number;
  /** What the file holds, for the window to say so. */
  contents: string[];
}

export interface ImportResult {
  incidentId: string;
  /** Events that were new here and are now written; 0 when the same file is imported twice, or while a preview waits. */
  added: number;
  /** Events already present, by id. */
  alreadyHad: number;
  created: boolean;
  /**
   * Set when nothing was written yet: a bundle that would change an incident already here is
   * shown first. Import again with `confirm: confirmToken` to commit exactly that file.
   */
  preview: ImportPreview | null;
  confirmToken: string | null;
}

/**
 * What a window opens an incident with: its state without the timeline (`timeline` is empty),
 * the newest page, and the names for the filter menus. The rest comes page by page.
 */
export interface IncidentWindow {
  incident: IncidentView;
  page: TimelinePage;
  facets: TimelineFacetsView;
  /** The mitigation entry the IC may be offered (derived from the whole timeline in the engine). */
  mitigationOffer: import('../domain/mitigation-offer').MitigationOffer | null;
  /** The newest entries in logged order, for what the window derives from recent lines. */
  tail: TimelineEntry[];
}

export type { TimelineFacetsView, TimelinePage };

export interface CommandDescription {
  name: string;
  description: string;
  input: unknown;
}

export interface ContractDescription {
  commands: CommandDescription[];
  events: string[];
}

export const commands = {
  'incident.declare': command<IncidentView>()({
    description: 'Declare a new incident; returns it with its id.',
    input: DeclareInput,
  }),
  'incident.list': command<IncidentListItem[]>()({
    description: 'List every incident on this machine, newest first, without timelines.',
    input: Empty,
  }),
  'incident.get': command<IncidentView>()({
    description: "An incident's full state, including every timeline entry and its journal's integrity.",
    input: IncidentRef,
  }),
  // Paged timeline: the window never holds the whole timeline; the engine orders, filters and cuts it.
  'incident.window': command<IncidentWindow>()({
    description: "An incident for a window: its state without the timeline, the newest page of the timeline (filtered if asked), and the names for the filter menus.",
    input: IncidentWindowInput,
  }),
  'timeline.page': command<TimelinePage>()({
    description:
      'A page of the timeline in reading order (when it happened, then logged order), filtered by type, role or person, author, workstream, words or pins; from a position, a cursor, or the end. Carries the total, the matching count and the order generation.',
    input: TimelinePageInput,
  }),
  'timeline.facets': command<TimelineFacetsView>()({
    description: 'Who logged lines on an incident and whom lines are attributed to, with line counts per author.',
    input: IncidentRef,
  }),
  // End of the paged timeline.
  'incident.detect': command<IncidentView>()({
    description: 'Record an incident the on-call detected but has not declared (it can be declared or dismissed later).',
    input: DetectInput,
  }),
  'incident.promote': command<CommandAck>()({
    description: 'Declare an incident that was only detected, optionally at a new severity.',
    input: PromoteInput,
  }),
  'incident.attach': command<CommandAck>()({
    description: "Attach a detection's alerts to an open declared incident (later notifications of its groups go there); the detection closes as attached.",
    input: AttachInput,
  }),
  'incident.dismiss': command<CommandAck>()({
    description: 'Close a detected, undeclared incident as a false alarm or as a minor issue the on-call resolved.',
    input: DismissInput,
  }),
  'incident.setStatus': command<CommandAck>()({
    description: 'Move the status (investigating, identified, mitigated, resolved, closed; reopen to investigating).',
    input: SetStatusInput,
  }),
  'incident.setSeverity': command<CommandAck>()({
    description: 'Change the severity, with a reason that goes on the timeline.',
    input: SetSeverityInput,
  }),
  'incident.setTime': command<CommandAck>()({
    description: 'Backfill when impact started, when it was detected or acknowledged.',
    input: SetTimeInput,
  }),
  'incident.update': command<CommandAck>()({
    description: "Edit an incident's title, summary, tags or customer-facing impact statement.",
    input: EditIncidentInput,
  }),
  'role.assign': command<CommandAck>()({
    description: 'Give an empty role to a person (name and contact line).',
    input: AssignRoleInput,
  }),
  'role.handoff': command<CommandAck>()({
    description: 'Hand a held role to someone else with a short briefing that goes on the timeline.',
    input: HandOffInput,
  }),
  'role.release': command<CommandAck>()({
    description: 'Release a role, leaving it empty.',
    input: ReleaseRoleInput,
  }),
  'responder.add': command<Responder>()({
    description: 'Bring a subject-matter expert or responder into the incident.',
    input: AddResponderInput,
  }),
  'responder.remove': command<CommandAck>()({
    description: 'Record that a responder left the incident.',
    input: RemoveResponderInput,
  }),
  'workstream.open': command<Workstream>()({
    description: 'Open a parallel workstream with an owner, next step and optional check-in time.',
    input: OpenWorkstreamInput,
  }),
  'workstream.update': command<CommandAck>()({
    description: "Change a workstream's status, owner, next step or check-in; with no change it counts as a report.",
    input: UpdateWorkstreamInput,
  }),
  'timeline.log': command<TimelineEntry>()({
    description: "Log a scribe's entry on an incident's timeline; returns the entry.",
    input: LogEntryInput,
  }),
  'timeline.amend': command<CommandAck>()({
    description: 'Amend an entry; the original stays visible in its history.',
    input: AmendEntryInput,
  }),
  'timeline.strike': command<CommandAck>()({
    description: 'Strike an entry: it stays on the timeline, marked struck.',
    input: StrikeEntryInput,
  }),
  'timeline.pin': command<CommandAck>()({
    description: 'Pin or unpin a key moment.',
    input: PinEntryInput,
  }),
  'cadence.set': command<CommandAck>()({
    description: "Change an incident's update cadence for one audience (internal or external); logged.",
    input: SetCadenceInput,
  }),
  'escalation.acknowledge': command<CommandAck>()({
    description: 'Acknowledge the incident: escalation stops and time to acknowledge is recorded.',
    input: AcknowledgeInput,
  }),
  'escalation.page': command<CommandAck>()({
    description: 'Page a subject-matter expert or anyone else (lateral escalation); logged with their contact line.',
    input: PageInput,
  }),
  'update.compose': command<ComposedDraft>()({
    description: 'Draft an update (internal, external, executive, resolution) from live state and the saved template.',
    input: ComposeInput,
  }),
  'update.approve': command<CommandAck>()({
    description: "Record the incident commander's approval of one exact draft text.",
    input: ApproveInput,
  }),
  'update.send': command<CommandAck>()({
    description: "Log an update as sent (what, to whom, through which channel); resets that audience's clock.",
    input: SendInput,
  }),
  'update.export': command<ExportedDraft>()({
    description: 'Render a draft as .txt, .md, .html or an Atlassian Statuspage incident body (JSON).',
    input: ExportDraftInput,
  }),
  'postmortem.update': command<CommandAck>()({
    description: 'Edit the post-mortem: summary, impact, root cause, five whys, factors, lessons, review date, timeline pruning and notes.',
    input: PostMortemPatch,
  }),
  'action.add': command<ActionItem>()({
    description: 'Add an action item with owner, due date, priority and link.',
    input: AddActionInput,
  }),
  'action.update': command<CommandAck>()({
    description: "Change an action item's title, owner, due date, priority, status or link.",
    input: UpdateActionInput,
  }),
  'bundle.export': command<ExportedFile>()({
    description:
      "Export the post-mortem bundle (.zip): Markdown, printable HTML, CSVs, updates, metrics and the full journal; with includeResponderToll, also a private file of responders' hours on it (refused unless Settings shows responder figures).",
    input: BundleExportInput,
  }),
  'postmortem.print': command<{ fileName: string; html: string; left: string[] }>()({
    description:
      "The post-mortem as one printable HTML page with its screenshots inside it and its snippets' first lines (teammates' files fetched first); `left` names each file it could not show, and why.",
    input: IncidentRef,
  }),
  'scribe.export': command<ExportedFile>()({
    description: 'Export the events one person logged (a scribe log, .jsonl) for handing notes over.',
    input: ScribeExportInput,
  }),
  'bundle.import': command<ImportResult>()({
    description:
      'Import a bundle (.zip) or a scribe log (.jsonl); events merge by id, so importing twice changes nothing. A bundle that would change an incident already here answers a preview and writes only when imported again with its confirm token.',
    input: ImportInput,
  }),
  'metrics.report': command<MetricsReport>()({
    description: 'Metrics across incidents: weekly counts, MTTA/MTTM/MTTR medians and p90, detection share, repeat rate, punctuality.',
    input: MetricsInput,
  }),
  'journal.recover': command<IncidentView>()({
    description:
      'After corruption was reported: keep every readable record, set the damaged file aside, and accept writes again.',
    input: IncidentRef,
  }),
  'settings.get': command<Settings>()({
    description: "This machine's settings.",
    input: Empty,
  }),
  'settings.notices': command<SettingsNotice[]>()({
    description: 'Empty when the settings file was read as saved; otherwise where the unreadable file was kept, the defaults being in use.',
    input: Empty,
  }),
  'settings.update': command<Settings>()({
    description: 'Change settings; returns them as saved.',
    input: SettingsPatch,
  }),
  'roster.save': command<Settings>()({
    description: 'Add a person to the roster, or change one (by id); returns the settings.',
    input: Person,
  }),
  'roster.remove': command<Settings>()({
    description: 'Remove a person from the roster; returns the settings.',
    input: RemovePersonInput,
  }),
  'sync.status': command<SyncStatus>()({
    description: 'Team sync as the window shows it: synced, syncing N, offline since when with what waits, or the error and its reason.',
    input: Empty,
  }),
  'sync.settings': command<SyncSettingsView>()({
    description: 'The saved team database connection (URL without its password, team, on or off, whether a password is kept).',
    input: Empty,
  }),
  'sync.configure': command<SyncStatus>()({
    description: 'Save the team database connection (the password apart, never shown again) and turn team sync on or off.',
    input: SyncConfigureInput,
  }),
  'sync.test': command<SyncTestAnswer>()({
    description: 'Connect once with a connection as typed, save nothing, and say who the database says you are or what went wrong.',
    input: SyncTestInput,
  }),
  'incident.share': command<CommandAck>()({
    description: 'Share a local incident with the team: its whole journal is pushed, and teammates see it live.',
    input: IncidentRef,
  }),
  'conflict.settle': command<CommandAck>()({
    description: 'Answer a conflict between two consoles: confirm the value in force, or set another, in one action.',
    input: ConflictSettleInput,
  }),
  'intake.sources': command<IntakeSourcesView>()({
    description: 'The Alertmanager this console follows by polling (address, auth kind, on or off; never the secret) and how its last polls went.',
    input: Empty,
  }),
  'intake.configurePull': command<IntakeSourcesView>()({
    description: 'Follow an Alertmanager by polling GET /api/v2/alerts every few seconds (optional bearer or basic auth), or stop.',
    input: ConfigurePullInput,
  }),
  'intake.endpoint': command<IntakeEndpointView>()({
    description: "Where this console's alert intake is served and its token (not the window's), for configuring Alertmanager, Grafana or PagerDuty.",
    input: Empty,
  }),
  'intake.rotateToken': command<IntakeEndpointView>()({
    description: 'Make the alert intake a new token; the old one stops working at once (monitoring must be given the new one).',
    input: Empty,
  }),
  'intake.listen': command<IntakeEndpointView>()({
    description: 'Also serve the alert intake alone (never the window) on HOST:PORT, for monitoring that cannot reach 127.0.0.1; null stops it. Kept for the next start.',
    input: IntakeListenInput,
  }),
  'alerts.silence': command<{ silences: number }>()({
    description: "Silence the incident's Alertmanager alert groups in the followed Alertmanager for some hours (asked, never automatic); they end when it resolves.",
    input: SilenceInput,
  }),
  'metrics.availability': command<{ services: ServiceAvailability[] }>()({
    description: "Each catalogued service's availability against its objective over a period (impact from start to mitigation, overlaps counted once), its error budget left, a daily rolling series and MTTD/MTTA/MTTM/MTTR.",
    input: MetricsInput,
  }),
  'metrics.responders': command<{ people: ResponderToll[]; recovery: Array<{ incidentId: string; title: string; notes: string[] }> }>()({
    description: "Hours on incidents per person and week, hours outside their working hours, long stretches without a handoff, and recovery notes after SEV1/SEV2: for the team's leads, off unless Settings turns it on.",
    input: MetricsInput,
  }),
  'drill.start': command<IncidentView>()({
    description: 'Start a drill (a practice incident, marked DRILL everywhere) from a built-in scenario or a scenario file, at 1×, 2× or 5× speed; this console is its facilitator.',
    input: StartDrillInput,
  }),
  'drill.control': command<CommandAck>()({
    description: "Pause, resume, change the speed of, or end a drill (the facilitator's console only); the drill's clocks and injects follow.",
    input: DrillControlInput,
  }),
  'drill.inject': command<CommandAck>()({
    description: 'Fire one of the scenario\'s injects now, by hand (the facilitator\'s console only).',
    input: DrillInjectInput,
  }),
  'drill.scenarios': command<Scenario[]>()({
    description: 'The built-in drill scenarios (a bad deploy rolled back, a database pool exhausted, a payment provider failing), injects and facilitator notes included.',
    input: Empty,
  }),
  'drill.checkScenario': command<Scenario>()({
    description: 'Check a scenario file (JSON) before starting a drill from it; errors name the field and the line.',
    input: CheckScenarioInput,
  }),
  'drill.debrief': command<Debrief>()({
    description: "A drill's score in five categories, each criterion with the events that decided it, computed from its journal.",
    input: IncidentRef,
  }),
  'drill.history': command<{ teams: HistorySeries[]; people: HistorySeries[]; drills: number }>()({
    description: 'Every drill on this console scored, as series per team and per person over time.',
    input: Empty,
  }),
  'artefact.attach': command<{ incidentId: string; entryId: string; artefactId: string; hash: string }>()({
    description: 'Attach a screenshot, a PDF or a log snippet to an entry (or to a new one): checked by its bytes, stored by its sha-256 before it is acknowledged; at most artefactMaxMiB.',
    input: AttachArtefactInput,
  }),
  'artefact.get': command<{ name: string; mime: string; size: number; base64: string; note: string | null }>()({
    description: "An artefact's bytes, checked against its hash.",
    input: ArtefactRef,
  }),
  'checklist.tick': command<CommandAck>()({
    description: "Tick (or untick) an item of the response checklist; it is logged on the timeline.",
    input: ChecklistTickInput,
  }),
  'contract.describe': command<ContractDescription>()({
    description: "Every command's name, description and input as JSON Schema, and every pushed event type.",
    input: Empty,
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandResult<K extends CommandName> = NonNullable<Commands[K]['result']>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export function describeContract(): ContractDescription {
  return {
    commands: COMMAND_NAMES.map((name) => ({
      name,
      description: commands[name].description,
      input: z.toJSONSchema(commands[name].input, { io: 'input', unrepresentable: 'any' }),
    })),
    events: [...EVENT_TYPES],
  };
}
