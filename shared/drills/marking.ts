import type { IncidentState } from '../domain/incident';

/** The first line of everything a drill produces for people to read: it can never pass for a real incident. */
export const DRILL_BANNER = 'DRILL — practice only, not a real incident.';

/** Text of a drill with the banner on top (once); a live incident's text unchanged. */
export function markDrill(state: Pick<IncidentState, 'drill'>, text: string): string {
  if (!state.drill || text.startsWith(DRILL_BANNER)) return text;
  return `${DRILL_BANNER}\n\n${text}`;
}

/** Why a drill's update text may not be approved or sent: its banner was removed. */
export function drillBannerMissing(state: Pick<IncidentState, 'drill'>, text: string): string | null {
  return state.drill && !text.startsWith(DRILL_BANNER) ? `Keep “${DRILL_BANNER}” as the first line: a drill's update must never pass for a real one.` : null;
}
