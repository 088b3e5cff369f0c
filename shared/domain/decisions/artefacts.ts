import { CommandFailure } from '../../contract/result';
import type { Sniffed } from '../../artefacts/sniff';
import type { EventDraft } from '../events';
import { entryIndex } from '../reduce-helpers';
import type { IncidentState } from '../incident';
import type { DecisionContext } from './context';
import { newEntry, type NewEntry } from './work';

export interface AttachRequest {
  /** An existing entry, or null to log a new one carrying the file. */
  entryId: string | null;
  name: string;
  /** The new entry, logged as `timeline.log` logs it; its text is `Attached NAME` when empty. */
  entry: NewEntry;
  hash: string;
  size: number;
  sniffed: Sniffed;
}

/** The events that attach a stored file: to an entry that exists and stands, or to a new one logged with it. */
export function attachArtefact(state: IncidentState, input: AttachRequest, ctx: DecisionContext): EventDraft[] {
  const drafts: EventDraft[] = [];
  let entryId = input.entryId;
  if (entryId === null) {
    const logged = newEntry(state, { ...input.entry, text: input.entry.text.trim() || `Attached ${input.name}` }, ctx);
    entryId = logged.payload.entryId;
    drafts.push(logged);
  } else {
    const entry = state.timeline[entryIndex(state, entryId)];
    if (!entry) throw new CommandFailure('NOT_FOUND', 'No such entry on this timeline.');
    if (entry.struck) throw new CommandFailure('CONFLICT', 'That entry is struck; attach the file to a new entry instead.');
  }
  drafts.push({
    type: 'artefact.attached',
    payload: { artefactId: ctx.newId(), entryId, hash: input.hash, name: input.name, mime: input.sniffed.mime, size: input.size, note: input.sniffed.note },
  });
  return drafts;
}
