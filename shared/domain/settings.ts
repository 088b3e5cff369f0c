import type { DraftKind, EscalationTier, RoleKey, Severity } from './incident';
import { DEFAULT_SEVERITY_RULES, type SeverityRule } from '../intake/triage';
import { DEFAULT_TEMPLATES } from './drafts/templates';
import { DEFAULT_CHECKLISTS } from '../guidance/checklists';
import type { ServiceObjective } from '../metrics/availability';
import type { WorkingHours } from '../metrics/working-hours';

/** Someone the IC can pick instead of typing: the on-call roster. */
export interface RosterPerson {
  id: string;
  name: string;
  contact: string;
  usualRoles: RoleKey[];
  /** When this person normally works, in their own time zone; absent: unknown (no hours are guessed). */
  workingHours?: WorkingHours;
}

/** Minutes between updates per audience; null means no regular updates. */
export interface CadencePolicy {
  internalMinutes: number | null;
  externalMinutes: number | null;
  /** The first external post is due this soon after declaration. */
  firstExternalMinutes: number | null;
}

// Settings the operator keeps between incidents.
export interface Settings {
  /** Name written as the actor of every change made from this machine; empty until someone says who they are. */
  operatorName: string;
  /** How to reach the operator (phone, Slack handle), used when they take a role. */
  operatorContact: string;
  /** The operator's IANA time zone ("Europe/Berlin"); empty means this machine's. */
  operatorTimeZone: string;
  roster: RosterPerson[];
  /** Roles that must be filled, per severity; an empty one is a warning on the war-room screen. */
  requiredRoles: Record<Severity, RoleKey[]>;
  /** Past this many hours on an incident, a person is gently told to plan a handoff. */
  shiftLimitHours: number;
  cadence: Record<Severity, CadencePolicy>;
  escalation: Record<Severity, EscalationTier[]>;
  /** Update templates with named placeholders such as {{severity}} and {{nextUpdate}}. */
  templates: Record<DraftKind, string>;
  /** Drafts of these kinds need the IC's approval before they can be marked sent. */
  approvalRequired: Record<DraftKind, boolean>;
  /** A sound with desktop alerts; off by default. */
  alertSound: boolean;
  /** How an alert's labels map to a severity, first match wins (critical → SEV2, warning → SEV3 by default). */
  alertSeverityRules: SeverityRule[];
  /**
   * Alerts matching one of these (e.g. `service=checkout`) join the open declared incident that
   * already has an alert matching the same rule, instead of making a new detection.
   */
  alertRoutes: Array<{ match: Record<string, string> }>;
  /** The largest file that may be attached to the timeline, in MiB. */
  artefactMaxMiB: number;
  /** The service catalogue: each service's availability objective, for Metrics → Availability. */
  services: ServiceObjective[];
  /** Per-person toll figures (hours, nights, long stretches) are for the team's leads: off unless turned on here. */
  showResponderToll: boolean;
  /** Response checklists per severity: ticking an item logs it on the timeline. */
  checklists: Record<Severity, string[]>;
}

/** Said when the settings file could not be read at start: it was kept aside and the defaults are in use. */
export interface SettingsNotice {
  /** Where the unreadable file now is, untouched. */
  keptAs: string;
  message: string;
}

const CORE_ROLES: RoleKey[] = ['incident-commander', 'technical-lead', 'communications-lead', 'scribe'];

export const DEFAULT_SETTINGS: Settings = {
  operatorName: '',
  operatorContact: '',
  operatorTimeZone: '',
  roster: [],
  requiredRoles: {
    SEV1: CORE_ROLES,
    SEV2: CORE_ROLES,
    SEV3: ['incident-commander'],
    SEV4: [],
  },
  shiftLimitHours: 4,
  cadence: {
    SEV1: { internalMinutes: 15, externalMinutes: 20, firstExternalMinutes: 5 },
    SEV2: { internalMinutes: 30, externalMinutes: 30, firstExternalMinutes: null },
    SEV3: { internalMinutes: 60, externalMinutes: null, firstExternalMinutes: null },
    SEV4: { internalMinutes: null, externalMinutes: null, firstExternalMinutes: null },
  },
  escalation: {
    SEV1: [
      { target: 'Primary on-call', contact: '', delayMinutes: 0 },
      { target: 'Secondary on-call', contact: '', delayMinutes: 5 },
      { target: 'Engineering manager', contact: '', delayMinutes: 15 },
      { target: 'Executive on duty', contact: '', delayMinutes: 30 },
    ],
    SEV2: [
      { target: 'Primary on-call', contact: '', delayMinutes: 0 },
      { target: 'Secondary on-call', contact: '', delayMinutes: 10 },
      { target: 'Engineering manager', contact: '', delayMinutes: 30 },
    ],
    SEV3: [
      { target: 'Primary on-call', contact: '', delayMinutes: 0 },
      { target: 'Secondary on-call', contact: '', delayMinutes: 30 },
    ],
    SEV4: [{ target: 'Primary on-call', contact: '', delayMinutes: 0 }],
  },
  templates: DEFAULT_TEMPLATES,
  approvalRequired: { internal: false, external: true, executive: false, resolution: true },
  alertSound: false,
  alertSeverityRules: DEFAULT_SEVERITY_RULES.map((r) => ({ match: { ...r.match }, severity: r.severity })),
  alertRoutes: [],
  artefactMaxMiB: 25,
  services: [],
  showResponderToll: false,
  checklists: Object.fromEntries(Object.entries(DEFAULT_CHECKLISTS).map(([s, items]) => [s, [...items]])) as Record<Severity, string[]>,
};
