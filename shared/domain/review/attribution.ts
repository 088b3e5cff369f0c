import { ROLE_LABELS, type IncidentState, type Millis, type RoleKey } from '../incident';

/**
 * Who did something, in the blameless form: the role the person held at that moment
 * ("Technical lead"), or their name only where the author chose to show names.
 */
export function roleAt(state: IncidentState, name: string, at: Millis): RoleKey | 'responder' | null {
  const key = name.trim().toLowerCase();
  const stint = state.roleHistory.find(
    (s) => s.name.trim().toLowerCase() === key && s.from <= at && (s.to === null || at < s.to) && s.role !== 'responder',
  );
  if (stint) return stint.role;
  const responder = state.roleHistory.find((s) => s.name.trim().toLowerCase() === key && s.role === 'responder');
  return responder ? 'responder' : null;
}

export function describeActor(state: IncidentState, name: string, at: Millis, showNames: boolean): string {
  if (name === 'Command Post') return 'Command Post';
  const role = roleAt(state, name, at);
  const label = role === null ? 'Responder' : role === 'responder' ? 'Responder' : ROLE_LABELS[role];
  return showNames ? `${label} (${name})` : label;
}

/** A scribe's `@attribution` shown the same way: role keys get labels, names follow showNames. */
export function describeAttribution(attribution: string | null, showNames: boolean): string {
  if (!attribution) return '';
  // Own keys only: `in` also finds "constructor" and "toString", and their labels are functions.
  if (Object.hasOwn(ROLE_LABELS, attribution)) return ROLE_LABELS[attribution as RoleKey];
  return showNames ? attribution : 'Responder';
}
