import type { DetectionSource, EntryKind, Millis, Severity } from './incident';

/**
 * Every change to an incident is one of these, appended to its journal and never rewritten.
 * `id` is globally unique so that two journals (an offline scribe's and the commander's)
 * merge by union; `seq` is the position in this incident's journal, starting at 1.
 */
export interface EventEnvelope<T extends string, P> {
  id: string;
  incidentId: string;
  seq: number;
  at: Millis;
  actor: string;
  type: T;
  payload: P;
}

export type IncidentDeclared = EventEnvelope<
  'incident.declared',
  {
    title: string;
    severity: Severity;
    detectionSource: DetectionSource;
    summary: string;
    impactStartedAt: Millis | null;
    detectedAt: Millis | null;
  }
>;

export type EntryLogged = EventEnvelope<
  'timeline.logged',
  {
    entryId: string;
    text: string;
    kind: EntryKind;
    /** When it happened; `at` of the envelope is when it was logged. */
    occurredAt: Millis;
  }
>;

export type IncidentEvent = IncidentDeclared | EntryLogged;
export type IncidentEventType = IncidentEvent['type'];

/** An event before the journal gives it its place. */
export type NewEvent = IncidentEvent extends infer E
  ? E extends IncidentEvent
    ? Omit<E, 'seq'>
    : never
  : never;
