import type { IncidentState, Millis, TimelineEntry } from '../incident';
import { describeActor, describeAttribution } from './attribution';

export interface ReviewRow {
  entryId: string;
  at: Millis;
  kind: TimelineEntry['kind'];
  text: string;
  who: string;
  included: boolean;
  annotation: string;
  struck: boolean;
}

const KEY_SYSTEM = new Set([
  'incident.declared',
  'incident.promoted',
  'incident.statusChanged',
  'incident.severityChanged',
  'incident.dismissed',
  'update.sent',
  'escalation.acknowledged',
  'role.handedOff',
]);

/** Whether the journal-derived timeline includes an entry before the author prunes it. */
export function includedByDefault(entry: TimelineEntry): boolean {
  if (entry.struck) return false;
  if (entry.pinned) return true;
  if (entry.kind === 'decision' || entry.kind === 'mitigation') return true;
  return entry.kind === 'system' && entry.systemType !== null && KEY_SYSTEM.has(entry.systemType);
}

/** Every entry with its inclusion and annotation; time order. The journal is not touched. */
export function reviewTimeline(state: IncidentState): ReviewRow[] {
  const { timelineEdits, showNames } = state.postmortem;
  return [...state.timeline]
    .sort((a, b) => a.at - b.at || a.loggedAt - b.loggedAt)
    .map((e) => {
      // An entry may be called "constructor": only the author's own edits count, not Object's.
      const edit = Object.hasOwn(timelineEdits, e.id) ? timelineEdits[e.id] : undefined;
      const who = e.attribution ? describeAttribution(e.attribution, showNames) : describeActor(state, e.actor, e.at, showNames);
      return {
        entryId: e.id,
        at: e.at,
        kind: e.kind,
        text: e.text,
        who,
        included: edit ? edit.included : includedByDefault(e),
        annotation: edit?.annotation ?? '',
        struck: e.struck !== null,
      };
    });
}
