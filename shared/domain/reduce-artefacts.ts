import type { IncidentEvent } from './events';
import type { IncidentState } from './incident';

type Of<T extends IncidentEvent['type']> = Extract<IncidentEvent, { type: T }>;

/** An artefact joins its entry; the same attachment delivered twice (sync, import) is kept once. */
export function attachArtefact(state: IncidentState, event: Of<'artefact.attached'>): void {
  const p = event.payload;
  if (state.artefacts.some((a) => a.id === p.artefactId)) return;
  state.artefacts = [...state.artefacts, { id: p.artefactId, entryId: p.entryId, hash: p.hash, name: p.name, mime: p.mime, size: p.size, note: p.note, at: event.at, by: event.actor }];
}
