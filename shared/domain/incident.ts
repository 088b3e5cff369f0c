// The incident as the engine and every window see it: the product of replaying its journal.

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
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

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

export interface RoleHolder {
  name: string;
  contact: string;
  since: number;
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

export interface TimelineEntry {
  id: string;
  /** When it happened (may be backdated by the scribe). */
  at: Millis;
  /** When it was written down. */
  loggedAt: Millis;
  text: string;
  kind: EntryKind;
  actor: string;
  /** Id of the event that created the entry. */
  eventId: string;
}

export interface IncidentState {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  detectionSource: DetectionSource;
  timestamps: IncidentTimestamps;
  roles: Partial<Record<RoleKey, RoleHolder>>;
  tags: string[];
  /** Entries in the order they were logged; views sort by `at`. */
  timeline: TimelineEntry[];
  createdBy: string;
  /** Sequence number of the last event applied. */
  lastSeq: number;
  /** Time of the last event applied. */
  updatedAt: Millis;
}

/** What the incident list needs, without the timeline. */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  detectionSource: DetectionSource;
  declaredAt: Millis | null;
  updatedAt: Millis;
  entryCount: number;
  lastSeq: number;
}

export function summarize(state: IncidentState): IncidentSummary {
  return {
    id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    detectionSource: state.detectionSource,
    declaredAt: state.timestamps.declaredAt,
    updatedAt: state.updatedAt,
    entryCount: state.timeline.length,
    lastSeq: state.lastSeq,
  };
}

export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
