import { samePerson } from '../../../shared/domain/operator';
import type { RosterPerson } from '../../../shared/domain/settings';

/** One line of the identity dialog's list: someone on the roster, or the typed name as a new person. */
export type IdentityChoice = { kind: 'roster'; person: RosterPerson } | { kind: 'new'; name: string };

/**
 * The roster narrowed by what was typed (names that start with it first), then the typed name
 * as a new person unless it is already someone on the roster.
 */
export function identityChoices(roster: readonly RosterPerson[], typed: string): IdentityChoice[] {
  const query = typed.trim().toLowerCase();
  const byName = [...roster].sort((a, b) => a.name.localeCompare(b.name));
  if (query === '') return byName.map((person) => ({ kind: 'roster', person }));
  const starts = byName.filter((p) => p.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(query)) || p.name.toLowerCase().startsWith(query));
  const contains = byName.filter((p) => !starts.includes(p) && p.name.toLowerCase().includes(query));
  const found: IdentityChoice[] = [...starts, ...contains].map((person) => ({ kind: 'roster', person }));
  if (!roster.some((p) => samePerson(p.name, typed))) found.push({ kind: 'new', name: typed.trim() });
  return found;
}

/** The zone this browser runs in, as an IANA name. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the browser knows, for the time-zone field's suggestions. */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
