import { readFile } from 'node:fs/promises';
import { formatStamp } from '../../shared/domain/hlc';
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { BUNDLE_FORMAT } from '../../electron/core/bundle/bundle-files';
import { encodeRecord } from '../../electron/core/journal/record';
import type { Engine } from '../../electron/core/engine-types';
import type { IncidentEvent } from '../../shared/domain/events';
import { journalPath } from './engine-harness';

/** Crafting files as an attacker (or a careless tool) would: any events, correctly checksummed. */

/** One journal line per event, checksummed as the engine writes them; extra keys are kept as given. */
export function journalLines(events: ReadonlyArray<object>): Uint8Array {
  return Buffer.from(events.map((e) => encodeRaw(e as Record<string, unknown>)).join(''));
}

/** Like `encodeRecord`, but writes the object exactly as given (unknown keys, odd ids and all). */
export function encodeRaw(event: Record<string, unknown>): string {
  const known = new Set(['id', 'incidentId', 'seq', 'at', 'actor', 'type', 'payload', 'origin']);
  const plain = Object.keys(event).every((k) => known.has(k)) && typeof event.id === 'string' && !event.id.includes('"');
  if (plain) return encodeRecord(event as unknown as IncidentEvent);
  const body = JSON.stringify(event);
  return `{"crc":"${crc32(body).toString(16).padStart(8, '0')}","event":${body}}\n`;
}

/** A bundle zip around the given journal bytes, as `bundle.export` lays it out. */
export function bundleOf(journal: Uint8Array): Uint8Array {
  return zipSync({ 'manifest.json': strToU8(JSON.stringify({ format: BUNDLE_FORMAT })), 'incident.jsonl': journal });
}

/** The events of an incident's journal on an engine's data folder. */
export async function journalEvents(dataDir: string, incidentId: string): Promise<IncidentEvent[]> {
  const text = await readFile(journalPath(dataDir, incidentId), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { event: IncidentEvent }).event);
}

/** A scribe's note as their console would write it. */
export function noteEvent(incidentId: string, actor: string, seq: number, text: string, at = Date.now()): IncidentEvent {
  return {
    id: randomUUID(),
    incidentId,
    seq,
    hlc: formatStamp({ wall: at, counter: seq % 100_000, node: 'test' }),
    at,
    actor,
    type: 'timeline.logged',
    payload: { entryId: randomUUID(), text, kind: 'note', occurredAt: at, attribution: null, workstreamId: null },
  };
}

export function importBytes(engine: Engine, fileName: string, bytes: Uint8Array, confirm?: string) {
  return engine.dispatch('bundle.import', { fileName, base64: Buffer.from(bytes).toString('base64'), ...(confirm ? { confirm } : {}) });
}
