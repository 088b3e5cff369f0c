import type { RoleKey, Severity } from './incident';

/** Someone the IC can pick instead of typing: the on-call roster. */
export interface RosterPerson {
  id: string;
  name: string;
  contact: string;
  usualRoles: RoleKey[];
}

// Settings the operator keeps between incidents.
export interface Settings {
  /** Name written as the actor of every change made from this machine. */
  operatorName: string;
  roster: RosterPerson[];
  /** Roles that must be filled, per severity; an empty one is a warning on the war-room screen. */
  requiredRoles: Record<Severity, RoleKey[]>;
  /** Past this many hours on an incident, a person is gently told to plan a handoff. */
  shiftLimitHours: number;
}

const CORE_ROLES: RoleKey[] = ['incident-commander', 'technical-lead', 'communications-lead', 'scribe'];

export const DEFAULT_SETTINGS: Settings = {
  operatorName: '',
  roster: [],
  requiredRoles: {
    SEV1: CORE_ROLES,
    SEV2: CORE_ROLES,
    SEV3: ['incident-commander'],
    SEV4: [],
  },
  shiftLimitHours: 4,
};
