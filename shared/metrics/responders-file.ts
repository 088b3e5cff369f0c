import type { IncidentState, Millis } from '../domain/incident';
import { STATUS_LABELS } from '../domain/lifecycle';
import { mdHeading, mdText } from '../domain/markdown';
import type { RosterPerson } from '../domain/settings';
import { markDrill } from '../drills/marking';
import { formatIsoMinute } from '../time/format';
import type { TimeZone } from '../time/zone';
import { personKey, stintsByPerson, stintsOf } from './responder-stints';
import { formatHours, type LongStretch, longStretches, outsideOf, recoveryNotes, timeOnIncidents } from './responder-toll';
import { spanLength } from './spans';
import { alphabetical, outsideWords, STRETCH_ENDED } from './responder-words';

// The toll on the people who worked one incident, as the bundle's private file: written only when
// the exporter asks for it on a console where the leads turned the figures on. It is derived from
// the journal and this console's roster at export time; an import never reads it back.

export const RESPONDERS_FILE = 'private/responders.md';

/** The file's first line (after a drill's banner): who it is for, and in what spirit. */
export const RESPONDERS_PRIVATE_LINE = "Private — for the team's leads only. Blameless: these hours are for planning rest and recovery, never for comparing or judging people.";

export type RosterHours = Pick<RosterPerson, 'name' | 'workingHours'>;

/** Why there is no recovery note, or null when the notes stand. */
function noRecoveryNote(state: IncidentState): string | null {
  if (state.drill) return 'A drill is practice: it gets no recovery note.';
  if (state.severity !== 'SEV1' && state.severity !== 'SEV2') return `A recovery note is written after a SEV1 or SEV2 closes; this is a ${state.severity}.`;
  if (state.status !== 'closed') return `The recovery note is written when this ${state.severity} closes.`;
  return null;
}

/**
 * Per person on this incident, alphabetically: time on it (roles held at once counted once), time
 * outside their working hours ("not set" when the roster has none), the longest stretch without
 * a handoff or a break, and after a SEV1/SEV2 closes the same recovery notes as Metrics → Responders.
 */
export function respondersMarkdown(state: IncidentState, roster: readonly RosterHours[], stretchHours: number, zone: TimeZone, now: Millis): string {
  const hoursOf = new Map(roster.map((p) => [personKey(p.name), p.workingHours]));
  const people = alphabetical(stintsByPerson(stintsOf(state))).map(({ name, stints }) => {
    const spans = timeOnIncidents(stints, now);
    const longest = longStretches(stints, now, 0).reduce<LongStretch | null>((best, s) => (best === null || s.ms > best.ms ? s : best), null);
    const stretch = longest && longest.ms > 0 ? `${formatHours(longest.ms)}, ${STRETCH_ENDED[longest.ended]}` : '—';
    return `| ${mdText(name)} | ${formatHours(spanLength(spans))} | ${outsideWords(outsideOf(spans, hoursOf.get(personKey(name))))} | ${stretch} |`;
  });
  const out = [
    RESPONDERS_PRIVATE_LINE,
    '',
    `# ${mdHeading(`Responders: ${state.title}`)}`,
    '',
    `- **Incident:** ${mdText(state.id)}`,
    `- **Severity:** ${state.severity}`,
    `- **Status:** ${STATUS_LABELS[state.status]}`,
    `- **Written:** ${formatIsoMinute(now, zone)}, from the journal and this console's roster; an import does not read it back`,
    "- **Working hours:** each person's own, on their own clock, from the roster; \"not set\" when it has none (no hours are guessed)",
    '',
    '## Time on this incident',
    '',
  ];
  if (people.length === 0) out.push('Nobody held a role on this incident.');
  else out.push('| Person | On this incident | Outside working hours | Longest stretch without a handoff |', '| --- | --- | --- | --- |', ...people);
  const why = noRecoveryNote(state);
  const byName = Object.fromEntries(roster.map((p) => [p.name, p.workingHours]));
  const notes = why === null ? recoveryNotes(state, byName, now, stretchHours) : [];
  out.push('', '## Recovery', '', ...(why !== null ? [why] : notes.length > 0 ? notes.map((n) => `- ${mdText(n)}`) : ['Nobody was on it long enough to note.']), '');
  return markDrill(state, out.join('\n'));
}
