import type { ExportedFile, ImportResult, ParsedInput } from '../../../shared/contract/contract';
import { CommandFailure } from '../../../shared/contract/result';
import type { IncidentEvent } from '../../../shared/domain/events';
import { SCRIBE_LOG_TYPES } from '../../../shared/domain/import-authority';
import { postmortemHtml } from '../../../shared/domain/review/postmortem-render';
import { respondersMarkdown } from '../../../shared/metrics/responders-file';
import { zoneOf } from '../../../shared/time/zone';
import { artefactFiles, type HeldFile } from '../artefacts/artefact-files';
import { type BundledArtefact, bundleFiles } from '../bundle/bundle-files';
import { printable, printFiles, PRINT_IMAGES_MAX_BYTES } from '../bundle/print-files';
import { zipFiles } from '../bundle/zip-writer';
import { admitImport } from '../gate/admit-import';
import { checkRecord } from '../journal/record';
import type { IncidentLog } from '../journal/incident-log';
import type { HandlerContext } from './context';
import { responderTollOn } from './cost-handlers';

const SCRIBE_TYPES: ReadonlySet<string> = new Set(SCRIBE_LOG_TYPES);
const isSystemLine = (event: IncidentEvent) => (event.type === 'timeline.logged' || event.type === 'timeline.amended') && event.payload.kind === 'system';

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
  // Asked before anything is read: a refused export does no work and leaves nothing behind.
  const tollSettings = input.includeResponderToll ? responderTollOn(ctx, 'turn them on in Settings → Roster to include them in a bundle.') : null;
  const log = await readableLog(ctx, input.incidentId);
  const journal = await log.readJournal();
  const state = log.state!;
  const now = ctx.now();
  const zone = zoneOf(ctx.settings.read());
  const held = await artefactFiles(ctx.sync, state.id, log.dir, state.artefacts);
  const pdf = ctx.renderPdf ? await ctx.renderPdf(postmortemHtml(state, now, zone, printFiles(state, held.files))) : undefined;
  const responders = tollSettings ? respondersMarkdown(state, tollSettings.roster, tollSettings.shiftLimitHours, zone, now) : undefined;
  const files = bundleFiles(state, journal, lines(journal).length, now, zone, pdf, held.files.map(bundled), responders);
  const zip = await zipFiles(files, new Date(now));
  return file(`${state.id}-postmortem.zip`, 'application/zip', zip, Object.keys(files));
}

/** An artefact's file under `attachments/<sha-256 prefix>-<name>`, the name cut to a plain, short one. */
function bundled({ record, bytes }: HeldFile): BundledArtefact {
  return { id: record.id, path: `attachments/${record.hash.slice(0, 16)}-${record.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}`, bytes };
}

/**
 * The post-mortem as one printable page with its screenshots inside it (the Print button), the
 * same page the bundle's PDF is printed from. Files this console does not hold are fetched from
 * the team first; what cannot be shown is named with why.
 */
export async function printPostmortem(ctx: HandlerContext, input: ParsedInput<'postmortem.print'>): Promise<{ fileName: string; html: string; left: string[] }> {
  const log = await readableLog(ctx, input.incidentId);
  const state = log.state!;
  const held = await artefactFiles(ctx.sync, state.id, log.dir, printable(state));
  const files = printFiles(state, held.files);
  const html = postmortemHtml(state, ctx.now(), zoneOf(ctx.settings.read()), files);
  const left = [...held.missing.map((m) => `${m.record.name}: ${m.why}`), ...files.over.map((name) => `${name}: past the printout's ${PRINT_IMAGES_MAX_BYTES / 1_048_576} MiB of images`)];
  return { fileName: `${state.id}-postmortem.html`, html, left };
}

export async function exportScribeLog(ctx: HandlerContext, input: ParsedInput<'scribe.export'>): Promise<ExportedFile> {
  const log = await readableLog(ctx, input.incidentId);
  // Only what a scribe log may carry (see import-authority): this person's own lines, and
  // their amendments and strikes of those lines.
  const own = new Set<string>();
  const mine = lines(await log.readJournal()).filter((line) => {
    const checked = checkRecord(line);
    if (!checked.ok) return false;
    const event = JSON.parse(checked.body.toString('utf8')) as IncidentEvent;
    if (event.actor !== input.actor || !SCRIBE_TYPES.has(event.type) || isSystemLine(event)) return false;
    if (event.type === 'timeline.logged') own.add(event.payload.entryId);
    return event.type === 'timeline.logged' || (('entryId' in event.payload) && own.has(event.payload.entryId));
  });
  if (mine.length === 0) throw new CommandFailure('NOT_FOUND', `${input.actor} logged nothing on this incident.`);
  const data = Buffer.concat(mine.flatMap((l) => [l, Buffer.from('\n')]));
  const safeName = input.actor.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'scribe';
  return file(`${input.incidentId}-scribe-${safeName}.jsonl`, 'application/x-ndjson', data, [`${mine.length} events`]);
}

/** Merge by event id through the gate: what is already here is skipped, so the same file twice changes nothing. */
export function importFile(ctx: HandlerContext, input: ParsedInput<'bundle.import'>): Promise<ImportResult> {
  return admitImport(ctx, { fileName: input.fileName, bytes: Buffer.from(input.base64, 'base64'), confirm: input.confirm });
}
