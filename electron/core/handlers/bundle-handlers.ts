import type { ExportedFile, ImportResult, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentEvent } from '../../../shared/domain/events';
import { compareEvents } from '../../../shared/domain/merge';
import { postmortemHtml } from '../../../shared/domain/review/postmortem-render';
import { bundleFiles } from '../bundle/bundle-files';
import { zipFiles } from '../bundle/zip-writer';
import { checkedEvents } from '../bundle/checked-events';
import { readImport } from '../bundle/read-import';
import { checkRecord } from '../journal/record';
import type { IncidentLog } from '../journal/incident-log';
import type { HandlerContext } from './context';

async function readableLog(ctx: HandlerContext, incidentId: string): Promise<IncidentLog> {
  const log = await ctx.registry.get(incidentId);
  if (log.integrity.status === 'corrupt') {
    throw new CommandFailure('JOURNAL_CORRUPT', 'The journal of this incident is damaged; recover it before exporting.');
  }
  return log;
}

function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    let nl = bytes.indexOf(0x0a, start);
    if (nl === -1) nl = bytes.length;
    if (nl > start) out.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  return out;
}

const file = (fileName: string, mimeType: string, data: Uint8Array, contents: string[]): ExportedFile => ({
  fileName,
  mimeType,
  base64: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
  bytes: data.byteLength,
  contents,
});

export async function exportBundle(ctx: HandlerContext, input: ParsedInput<'bundle.export'>): Promise<ExportedFile> {
  const log = await readableLog(ctx, input.incidentId);
  const journal = await log.readJournal();
  const state = log.state!;
  const now = ctx.now();
  const pdf = ctx.renderPdf ? await ctx.renderPdf(postmortemHtml(state, now)) : undefined;
  const files = bundleFiles(state, journal, lines(journal).length, now, pdf);
  const zip = await zipFiles(files, new Date(now));
  return file(`${state.id}-postmortem.zip`, 'application/zip', zip, Object.keys(files));
}

export async function exportScribeLog(ctx: HandlerContext, input: ParsedInput<'scribe.export'>): Promise<ExportedFile> {
  const log = await readableLog(ctx, input.incidentId);
  const mine = lines(await log.readJournal()).filter((line) => {
    const checked = checkRecord(line);
    if (!checked.ok) return false;
    return (JSON.parse(checked.body.toString('utf8')) as IncidentEvent).actor === input.actor;
  });
  if (mine.length === 0) throw new CommandFailure('NOT_FOUND', `${input.actor} logged nothing on this incident.`);
  const data = Buffer.concat(mine.flatMap((l) => [l, Buffer.from('\n')]));
  const safeName = input.actor.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'scribe';
  return file(`${input.incidentId}-scribe-${safeName}.jsonl`, 'application/x-ndjson', data, [`${mine.length} events`]);
}

/** Merge by event id: what is already here is skipped, so the same file twice changes nothing. */
export async function importFile(ctx: HandlerContext, input: ParsedInput<'bundle.import'>): Promise<ImportResult> {
  const { kind, records } = await readImport(Buffer.from(input.base64, 'base64'));
  const events = await checkedEvents(kind, records);
  const incidentId = events[0]!.incidentId;
  if (!ctx.registry.has(incidentId)) {
    const opening = events[0]!.type;
    if (opening !== 'incident.declared' && opening !== 'incident.detected') {
      throw new CommandFailure(
        'NOT_FOUND',
        kind === 'scribe-log'
          ? `Incident ${incidentId} is not on this machine; import its bundle first, then the scribe log.`
          : 'The bundle journal does not start with the incident being opened.',
      );
    }
    const log = await ctx.registry.create(incidentId);
    try {
      await log.commit(events.map((e, i) => ({ ...e, seq: i + 1 })));
    } catch (error) {
      ctx.registry.discard(incidentId);
      throw error;
    }
    return { incidentId, added: events.length, alreadyHad: 0, created: true };
  }
  const log = await ctx.registry.get(incidentId);
  const known = await log.eventIds();
  const fresh = events.filter((e) => !known.has(e.id)).sort(compareEvents);
  if (fresh.length > 0) {
    const first = log.nextSeq;
    await log.commit(fresh.map((e, i) => ({ ...e, seq: first + i })));
  }
  return { incidentId, added: fresh.length, alreadyHad: events.length - fresh.length, created: false };
}

