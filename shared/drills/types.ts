import type { IncidentStatus, Millis, RoleKey, Severity } from '../domain/incident';

/**
 * Drills: a real incident, marked, driven by a scenario's script of injects on a clock of its
 * own. These are the shapes the scenario file, the journal and the debrief share.
 */

export const DRILL_SPEEDS = [1, 2, 5] as const;
export type DrillSpeed = (typeof DRILL_SPEEDS)[number];

export const INJECT_KINDS = ['alert', 'customer-report', 'stakeholder', 'finding', 'red-herring'] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

/** Fire only if, at the inject's time, the response has not got this far (e.g. nothing mitigated by T+20). */
export type InjectCondition =
  | { notReached: Exclude<IncidentStatus, 'detected'> }
  | { roleEmpty: RoleKey }
  | { noUpdateSent: 'internal' | 'external' };

/** An alert as the intake would normalise it; its times are the drill's. */
export interface DrillAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The impact began this many minutes before the inject (an alert's `for:` delay). */
  startedMinutesBefore?: number;
}

export interface Inject {
  /** Unique within the scenario: `a1`, `ceo-asks`. */
  id: string;
  kind: InjectKind;
  /** Minutes after the drill's start, on the drill's clock. */
  atMinute: number;
  /** What the responders see: the customer's words, the CEO's question, the finding. */
  text: string;
  /** Who it comes from, when a person says it ("Support: Priya", "CEO"). */
  from?: string;
  /** Only for `alert`. */
  alert?: DrillAlert;
  when?: InjectCondition;
  /** For the facilitator only: why this inject is there (a red herring, what a good response does). */
  facilitatorNote?: string;
}

export interface Scenario {
  /** `bad-deploy`, lower-case words and dashes. */
  id: string;
  name: string;
  /** Two or three sentences for the facilitator's briefing. */
  summary: string;
  services: string[];
  /** The severity a good response would reach. */
  expectedSeverity: Severity;
  /** How the drill's incident is first seen: alert injects make a detection, a customer report a reported one. */
  injects: Inject[];
  /** When the facilitator should expect to end it. */
  durationMinutes: number;
}

/** The drill's clock: drill time = anchorDrill + (wall − anchorWall) × speed, frozen while paused. */
export interface DrillClock {
  anchorWall: Millis;
  anchorDrill: Millis;
  speed: DrillSpeed;
  paused: boolean;
}

/** What the incident state holds about a drill; absent (null) on a live incident. */
export interface DrillState {
  scenario: Scenario;
  facilitator: string;
  /** Who is practising ("Payments on-call"): scores are charted per team and per person. */
  team: string;
  /** Only this console makes injects (with team sync the drill is shared like any incident). */
  facilitatorConsole: string;
  clock: DrillClock;
  /** Drill time of the start (= the opening's `at`). */
  startedAt: Millis;
  endedAt: Millis | null;
  /** Inject ids fired, by script or by hand, and those skipped because their condition held. */
  fired: string[];
  skipped: string[];
}

/** The five categories of the seeds' drill scorecard. */
export const DEBRIEF_CATEGORIES = ['identify-scope', 'incident-mechanics', 'internal-comms', 'external-comms', 'command'] as const;
export type DebriefCategory = (typeof DEBRIEF_CATEGORIES)[number];
export const DEBRIEF_CATEGORY_LABELS: Record<DebriefCategory, string> = {
  'identify-scope': 'Identify scope',
  'incident-mechanics': 'Incident mechanics',
  'internal-comms': 'Internal comms',
  'external-comms': 'External comms',
  command: 'Command incident',
};
