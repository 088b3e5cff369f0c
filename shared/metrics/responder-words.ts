import { formatHours, type LongStretch } from './responder-toll';

// The responder figures in words, for the Responders view and the bundle's private file alike.
// Blameless by construction: people in alphabetical order, never sorted by hours, and no "top"
// or "most" anywhere.

export function alphabetical<T extends { name: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Hours outside working hours; `not set` when the roster has none for them (nothing guessed). */
export function outsideWords(ms: number | null): string {
  return ms === null ? 'not set' : formatHours(ms);
}

export const STRETCH_ENDED: Record<LongStretch['ended'], string> = {
  handoff: 'ended by a handoff',
  'stepped-off': 'ended without a handoff',
  'still-on': 'still on',
};

/** `7 h 10 without a break, 2 incidents, ended without a handoff`. */
export function stretchWords(s: LongStretch): string {
  const incidents = s.incidents.length === 1 ? '1 incident' : `${s.incidents.length} incidents`;
  return `${formatHours(s.ms)} without a break, ${incidents}, ${STRETCH_ENDED[s.ended]}`;
}
