import { createHash } from 'node:crypto';
import type { ImportResult } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { EventOrigin, IncidentEvent, NewEvent } from '../../../shared/domain/events';
import { scribeLogProblem } from '../../../shared/domain/import-authority';
import { previewImport } from '../../../shared/domain/import-preview';
import { compareEvents } from '../../../shared/domain/merge';
import { ArtefactStore } from '../artefacts/artefact-store';
import { readImport } from '../bundle/read-import';
import type { HandlerContext } from '../handlers/context';
import { checkRecords, isOpening } from './check-records';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The digest a preview answered, given back by the operator to commit exactly that file. */
  confirm?: string | undefined;
}

/**
 * The one gate for files from outside (a bundle or a scribe's log). Everything is checked
 * before anything is written: the bytes (zip structure, checksums, sizes), every event by the
 * strict schema, ids, who may bring what, and, for a bundle that would change an incident
 * already here, the operator's confirmation of a preview. Sequence numbers come from the
 * journal alone, each event is stamped with where it came from, and check-then-commit runs
 * alone per incident. A refusal changes nothing that was stored.
 */
export async function admitImport(ctx: HandlerContext, request: ImportRequest): Promise<ImportResult> {
  const file = await readImport(request.bytes);
  const label = file.kind === 'bundle' ? "the bundle's incident.jsonl" : 'the scribe log';
  const events = await checkRecords(file.records, label);
  const incidentId = events[0]!.incidentId;
  const origin: EventOrigin = { source: file.kind, file: plainName(request.fileName), by: ctx.actor(), at: ctx.now() };
  const digest = createHash('sha256').update(request.bytes).digest('hex');

  return ctx.registry.exclusive(incidentId, async () => {
    const held = ctx.registry.heldId(incidentId);
    if (held !== null && held !== incidentId) {
      throw new CommandFailure('CONFLICT', `Incident ${held} is already here; the file's ${incidentId} differs from it only in case. Nothing was imported.`);
    }
    missingAttachment(events, file.attachments);
    if (held === null) return createFromFile(ctx, file.kind, events, origin, file.attachments);
    const log = await ctx.registry.get(incidentId);
    if (log.integrity.status === 'corrupt') {
      throw new CommandFailure('JOURNAL_CORRUPT', 'The journal of this incident is damaged; recover it before importing into it.');
    }
    const known = await log.eventIds();
    const fresh = events.filter((e) => !known.has(e.id)).sort(compareEvents);
    const opening = fresh.find(isOpening);
    if (opening) throw new CommandFailure('CONFLICT', `The file opens ${incidentId} again (event ${opening.id}), but it is already open here. Nothing was imported.`);
    if (file.kind === 'scribe-log') {
      const problem = scribeLogProblem(events, log.state);
      if (problem) throw new CommandFailure('UNAUTHORIZED', `This scribe log cannot be imported: ${problem}. Nothing was imported.`);
    }
    const result = { incidentId, alreadyHad: events.length - fresh.length, created: false };
    if (fresh.length === 0) return { ...result, added: 0, preview: null, confirmToken: null };
    // A bundle may carry any decision; the operator sees them all before they are recorded.
    if (file.kind === 'bundle' && request.confirm !== digest) {
      return { ...result, added: 0, preview: previewImport(fresh), confirmToken: digest };
    }
    await storeAttachments(log.dir, fresh, file.attachments);
    await log.commit(fresh.map((e) => stamped(e, origin)));
    return { ...result, added: fresh.length, preview: null, confirmToken: null };
  });
}

/** Every artefact the file's events name must come with its verified file: an entry never points at nothing. */
function missingAttachment(events: readonly IncidentEvent[], attachments: ReadonlyMap<string, Uint8Array>): void {
  for (const e of events) {
    if (e.type !== 'artefact.attached' || attachments.has(e.payload.hash)) continue;
    throw new CommandFailure('INVALID_INPUT', `The file names the artefact ${e.payload.name} but does not carry it (sha-256 ${e.payload.hash.slice(0, 12)}…). Nothing was imported.`);
  }
}

/** The artefacts the admitted events name, stored durably before the events that name them. */
async function storeAttachments(incidentDir: string, events: readonly IncidentEvent[], attachments: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const store = new ArtefactStore(incidentDir);
  for (const e of events) if (e.type === 'artefact.attached') await store.put(attachments.get(e.payload.hash)!);
}

async function createFromFile(
  ctx: HandlerContext,
  kind: 'bundle' | 'scribe-log',
  events: IncidentEvent[],
  origin: EventOrigin,
  attachments: ReadonlyMap<string, Uint8Array>,
): Promise<ImportResult> {
  const incidentId = events[0]!.incidentId;
  if (!isOpening(events[0]!)) {
    throw new CommandFailure(
      'NOT_FOUND',
      kind === 'scribe-log'
        ? `Incident ${incidentId} is not on this machine; import its bundle first, then the scribe log.`
        : 'The bundle journal does not start with the incident being opened.',
    );
  }
  if (kind === 'scribe-log') {
    throw new CommandFailure('UNAUTHORIZED', 'A scribe log cannot open an incident; import its bundle first, then the scribe log.');
  }
  const log = await ctx.registry.create(incidentId);
  try {
    await storeAttachments(log.dir, events, attachments);
    await log.commit(events.map((e) => stamped(e, origin)));
  } catch (error) {
    ctx.registry.discard(incidentId);
    throw error;
  }
  return { incidentId, added: events.length, alreadyHad: 0, created: true, preview: null, confirmToken: null };
}

/** The event as it will be kept: its own id, time and author, this machine's place, this import's origin. */
function stamped(event: IncidentEvent, origin: EventOrigin): NewEvent {
  return { ...event, origin };
}

/** A file name as one plain line (it is shown on the timeline). */
function plainName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').trim();
  return (clean || 'unnamed file').slice(0, 255);
}
