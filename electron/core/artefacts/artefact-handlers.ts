import type { ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import { sniffArtefact } from '../../../shared/artefacts/sniff';
import { attachArtefact } from '../../../shared/domain/decisions/artefacts';
import { commitEvents, nowFor, type HandlerContext } from '../handlers/context';
import { newEventId } from '../ids';
import { fetchFromTeam } from './artefact-fetch';
import { ArtefactStore, sha256 } from './artefact-store';

const MIB = 1024 * 1024;
const swept = new WeakSet<object>();

/**
 * A screenshot or a log snippet onto the timeline: checked by its bytes (never its name), stored
 * by its sha-256 durably, and only then named by a journal event — so an acknowledged artefact
 * survives a crash, and a refused one leaves nothing behind and the entry text with the caller.
 */
export async function attachFile(ctx: HandlerContext, input: ParsedInput<'artefact.attach'>): Promise<{ incidentId: string; entryId: string; artefactId: string; hash: string }> {
  const log = await ctx.registry.get(input.incidentId);
  const state = log.state;
  if (!state) throw new CommandFailure('NOT_FOUND', `No incident ${input.incidentId} on this machine.`);
  const bytes = Buffer.from(input.base64, 'base64');
  const limit = ctx.settings.read().artefactMaxMiB * MIB;
  if (bytes.length > limit) {
    throw new CommandFailure('TOO_LARGE', `${input.name} is ${(bytes.length / MIB).toFixed(1)} MiB; an artefact may be at most ${limit / MIB} MiB (Settings → Alerts sets the limit).`);
  }
  const sniffed = sniffArtefact(bytes);
  if (!sniffed.ok) throw new CommandFailure('INVALID_INPUT', `${input.name} was not attached: ${sniffed.reason}.`);
  const hash = sha256(bytes);
  const { entryId = null, name, text = '', kind = 'note', occurredAt, attribution, workstreamId } = input;
  const entry = { text, kind, attribution, workstreamId, ...(occurredAt === undefined ? {} : { occurredAt }) };
  const decide = () => {
    const current = log.state ?? state;
    return attachArtefact(current, { entryId, name, entry, hash, size: bytes.length, sniffed: sniffed.value }, { now: nowFor(ctx, current), newId: newEventId, actor: ctx.actor(), settings: ctx.settings.read() });
  };
  // Decided before the bytes are written, so a refused entry (a time ahead, no such workstream) leaves no file.
  decide();
  const store = new ArtefactStore(log.dir);
  if (!swept.has(log)) {
    // Files a crash left unnamed by any event: never counted, removed before the next one is added.
    swept.add(log);
    await store.sweep(new Set(state.artefacts.map((a) => a.hash)));
  }
  try {
    await store.put(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new CommandFailure('UNAVAILABLE', `The disk is full: ${input.name} was not attached. Your text is kept; free some space and try again.`);
    throw error;
  }
  // Again on the state as it is once the file is down: another command may have landed meanwhile.
  const drafts = decide();
  await commitEvents(ctx, log, input.incidentId, drafts);
  const attached = drafts.at(-1)!.payload as { artefactId: string; entryId: string };
  return { incidentId: input.incidentId, entryId: attached.entryId, artefactId: attached.artefactId, hash };
}

/** An artefact's bytes, only if they still match their hash: from this console, or else fetched from the team's store. */
export async function readArtefact(ctx: HandlerContext, input: ParsedInput<'artefact.get'>): Promise<{ name: string; mime: string; size: number; base64: string; note: string | null }> {
  const log = await ctx.registry.get(input.incidentId);
  const record = log.state?.artefacts.find((a) => a.id === input.artefactId);
  if (!record) throw new CommandFailure('NOT_FOUND', 'No such artefact on this incident.');
  const store = new ArtefactStore(log.dir);
  const bytes = (await store.get(record.hash)) ?? (await fetchFromTeam(ctx.sync, input.incidentId, record, store));
  return { name: record.name, mime: record.mime, size: record.size, base64: Buffer.from(bytes).toString('base64'), note: record.note };
}
