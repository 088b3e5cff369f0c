import type { IncidentEvent } from './events';
import { isScribeKind, type IncidentState } from './incident';

/** What a scribe's log may carry: their own lines on the timeline, nothing that steers the incident. */
export const SCRIBE_LOG_TYPES = ['timeline.logged', 'timeline.amended', 'timeline.struck'] as const;
const SCRIBE_TYPES: ReadonlySet<string> = new Set(SCRIBE_LOG_TYPES);

/**
 * Why these events cannot come in as a scribe's log, or null when they may. A scribe log has
 * one author; it logs entries (never system lines) and amends or strikes only entries that
 * author logged, in the log itself or already here. Status, severity, roles, approvals and
 * escalation are decisions of the people holding those roles, never of a file.
 */
export function scribeLogProblem(events: readonly IncidentEvent[], existing: IncidentState | null): string | null {
  const author = events[0]?.actor;
  if (author === undefined) return 'it holds no events';
  if (author.trim() === '') return 'its events have no author';
  const own = new Set<string>();
  for (const entry of existing?.timeline ?? []) {
    if (entry.actor === author && entry.systemType === null) own.add(entry.id);
  }
  for (const [i, event] of events.entries()) {
    const where = `event ${i + 1} (${event.type})`;
    if (!SCRIBE_TYPES.has(event.type)) return `${where} is not a timeline entry; a scribe log carries only its author's notes`;
    if (event.actor !== author) return `${where} is by ${event.actor}, not ${author}; a scribe log has one author`;
    if (event.type === 'timeline.logged') {
      if (!isScribeKind(event.payload.kind)) return `${where} is written as a ${event.payload.kind} line; only the engine writes those`;
      own.add(event.payload.entryId);
    } else if (event.type === 'timeline.amended' || event.type === 'timeline.struck') {
      if (event.type === 'timeline.amended' && !isScribeKind(event.payload.kind)) return `${where} turns an entry into a ${event.payload.kind} line`;
      if (!own.has(event.payload.entryId)) return `${where} changes an entry ${author} did not log`;
    }
  }
  return null;
}
