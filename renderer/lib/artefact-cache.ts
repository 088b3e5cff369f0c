import type { ArtefactRecord } from '../../shared/domain/incident';
import { api } from '../api';
import { base64ToBytes } from './files';
import { plainMessage } from './plain-error';

/** What the window shows of an artefact's bytes: never anything a browser would run. */
export type ArtefactContent =
  | { kind: 'image'; url: string }
  | { kind: 'text'; text: string }
  | { kind: 'download'; bytes: Uint8Array<ArrayBuffer> }
  /** `offline`: held by the team's database, which cannot be reached now. */
  | { kind: 'missing'; message: string; offline: boolean };

/** Raster images only, by the type the engine sniffed from the bytes (SVG is stored as text). */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const isImage = (artefact: Pick<ArtefactRecord, 'mime'>) => IMAGES.has(artefact.mime);
export const isText = (artefact: Pick<ArtefactRecord, 'mime'>) => artefact.mime === 'text/plain';

/** Content is addressed by its sha-256, so one fetch serves every entry, view and incident showing it. */
const cache = new Map<string, Promise<ArtefactContent>>();

export function artefactContent(incidentId: string, artefact: ArtefactRecord): Promise<ArtefactContent> {
  const cached = cache.get(artefact.hash);
  if (cached) return cached;
  const loading = load(incidentId, artefact);
  cache.set(artefact.hash, loading);
  // A failure is not kept: the file may arrive (sync) or the connection come back.
  void loading.then((content) => content.kind === 'missing' && cache.delete(artefact.hash));
  return loading;
}

async function load(incidentId: string, artefact: ArtefactRecord): Promise<ArtefactContent> {
  const result = await api.call('artefact.get', { incidentId, artefactId: artefact.id });
  if (!result.ok) return { kind: 'missing', message: plainMessage(result.error), offline: result.error.code === 'UNAVAILABLE' };
  const { mime, base64 } = result.value;
  // A data: URL, which the page's img-src already allows; no blob: source is needed.
  if (IMAGES.has(mime)) return { kind: 'image', url: `data:${mime};base64,${base64}` };
  const bytes = base64ToBytes(base64);
  if (mime === 'text/plain') return { kind: 'text', text: new TextDecoder().decode(bytes) };
  return { kind: 'download', bytes };
}
