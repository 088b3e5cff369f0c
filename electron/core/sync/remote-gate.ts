import { isScribeKind } from '../../../shared/domain/incident';
import { parseEvent, stampInOrder } from '../../../shared/domain/event-schema';
import type { IncidentEvent } from '../../../shared/domain/events';
import { isStamp, LEGACY_NODE, nodeOf } from '../../../shared/domain/hlc';
import { SCRIBE_LOG_TYPES } from '../../../shared/domain/import-authority';
import type { PulledRow } from './sync-port';

/** Written as the actor of events the engine makes itself (fired deadlines, escalation pages). */
export const ENGINE_ACTOR = 'Command Post';

export type AdmittedRow = { ok: true; event: IncidentEvent } | { ok: false; reason: string };

const SCRIBE_TYPES: ReadonlySet<string> = new Set(SCRIBE_LOG_TYPES);

/**
 * The gate for an event from the team's database: the same strict schema as an imported file,
 * then what the row and the database say must agree with what the event says, then who may
 * have made it. What is refused here is quarantined by the caller and never applied. What
 * passes is a fact that happened elsewhere: it is never refused later because of local state.
 */
export function admitRow(row: PulledRow): AdmittedRow {
  const body = row.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('the row holds no event object');
  if (Object.hasOwn(body, 'seq') || Object.hasOwn(body, 'received')) {
    return refuse('the event carries a journal position or receipt; a console never sends those');
  }
  const parsed = parseEvent({ ...(body as Record<string, unknown>), seq: 1 });
  if (!parsed.ok) return refuse(`not a valid event (${parsed.reason})`);
  const draft = parsed.event;
  if (!draft.hlc || !isStamp(draft.hlc)) return refuse('the event has no clock stamp');
  const [event] = stampInOrder([draft]);
  if (!event) return refuse('the event has no clock stamp');
  if (event.id !== row.id) return refuse(`the row's id ${row.id} is not the event's ${event.id}`);
  if (event.incidentId !== row.incidentId) return refuse(`the row is filed under ${row.incidentId} but the event belongs to ${event.incidentId}`);
  if (event.hlc !== row.hlc) return refuse("the row's stamp is not the event's");
  // The database records who inserted the row; the console it names must be theirs.
  if (row.consoleLogin === null) return refuse(`console ${row.consoleId} is not registered with the team`);
  if (row.consoleLogin !== row.uploadedBy) {
    return refuse(`uploaded by ${row.uploadedBy} from console ${row.consoleId}, which belongs to ${row.consoleLogin}`);
  }
  // An event made on a console is stamped with that console's id; an imported one keeps the
  // stamp of the console that made it, and says it was imported; one from a journal older than
  // stamps carries the derived `legacy` node (the uploader is still the database's to say).
  const node = nodeOf(event.hlc);
  if (!event.origin && node !== LEGACY_NODE && node !== row.consoleId) {
    return refuse(`stamped by console ${nodeOf(event.hlc)} but uploaded from console ${row.consoleId}`);
  }
  const problem = authorityProblem(event);
  return problem ? refuse(problem) : { ok: true, event: { ...event, seq: 0 } };
}

/** The rules of who may bring what (as for imported files), checked without local state. */
function authorityProblem(event: IncidentEvent): string | null {
  if (event.type === 'timeline.logged' && !isScribeKind(event.payload.kind)) return `it is a ${event.payload.kind} line, which only the engine writes, never as a logged entry`;
  if (event.type === 'timeline.amended' && !isScribeKind(event.payload.kind)) return `it turns an entry into a ${event.payload.kind} line`;
  if (event.type === 'deadline.missed' && event.actor !== ENGINE_ACTOR) return `a missed deadline is recorded by the engine, not by ${event.actor}`;
  if (event.origin?.source === 'scribe-log' && !SCRIBE_TYPES.has(event.type)) {
    return `it says it came from a scribe log, which carries only timeline entries, not ${event.type}`;
  }
  return null;
}

function refuse(reason: string): AdmittedRow {
  return { ok: false, reason };
}
